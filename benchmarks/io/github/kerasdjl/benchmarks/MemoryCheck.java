package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The long-running memory check of W1: one {@code fit} of N epochs (5,000: 200,000 steps), with the process' resident
 * memory (native and heap: VmRSS), the heap in use after a GC and the model's live engine arrays sampled every 250
 * epochs. Growth is measured from a tenth of the epochs (500 of 5,000: after warm-up) to the end. Arguments: the
 * JSON path, the epochs, and {@code engine} to train every step on the engine ({@code hostStep(false)}: the step
 * that makes engine arrays every step) rather than as the DSL chooses (W1's steps are small enough for the JVM).
 * Prints one JSON object; with a path argument also writes it there. Run by {@code benchmarks/run.sh}; Linux only
 * (reads /proc/self/status).
 */
public final class MemoryCheck {

    private MemoryCheck() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        boolean engine = args.length > 2 && args[2].equals("engine");
        int warmUp = Math.max(250, epochs / 10 / 250 * 250);
        Workload w = Workload.W1;
        Dataset data = w.data();
        List<long[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        try (Sequential model = TrainingBenchmark.dslModel(w).hostStep(!engine)) {
            Callback sampler = new Callback() {
                @Override
                public void onEpochEnd(int epoch, Map<String, Double> logs) {
                    if ((epoch + 1) % 250 == 0) {
                        System.gc();
                        Runtime rt = Runtime.getRuntime();
                        samples.add(new long[] {epoch + 1, PeakMemory.status("VmRSS:"), (rt.totalMemory() - rt.freeMemory()) / 1024,
                                model.liveArrayCount()});
                    }
                }
            };
            model.fit(data.x(), data.y(), new FitOptions().epochs(epochs).batchSize(w.batch).verbose(0)
                    .callbacks(sampler));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] base = samples.stream().filter(s -> s[0] >= Math.min(warmUp, epochs)).findFirst().orElseThrow();
        long[] last = samples.get(samples.size() - 1);
        long maxRss = samples.stream().filter(s -> s[0] >= base[0]).mapToLong(s -> s[1]).max().orElseThrow();
        StringBuilder series = new StringBuilder();
        for (long[] s : samples) {
            series.append(series.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "[%d, %d, %d, %d]", s[0], s[1], s[2], s[3]));
        }
        String json = String.format(Locale.ROOT, "{\"workload\": \"W1\", \"step\": \"%s\", \"epochs\": %d,"
                + " \"steps\": %d, \"seconds\": %.1f, \"warmup_epoch\": %d,"
                + " \"rss_kib_at_warmup\": %d, \"rss_kib_end\": %d, \"rss_kib_max_after_warmup\": %d,"
                + " \"rss_growth\": %.4f, \"heap_kib_at_warmup\": %d, \"heap_kib_end\": %d, \"heap_growth\": %.4f,"
                + " \"live_arrays_at_warmup\": %d, \"live_arrays_end\": %d,"
                + " \"series [epoch, rss KiB, heap KiB, live arrays]\": [%s]}",
                engine ? "engine" : "as chosen", epochs, (long) epochs * w.stepsPerEpoch(), seconds, base[0],
                base[1], last[1], maxRss, (double) (last[1] - base[1]) / base[1], base[2], last[2],
                (double) (last[2] - base[2]) / base[2], base[3], last[3], series);
        System.out.println(json);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), json);
        }
    }
}
