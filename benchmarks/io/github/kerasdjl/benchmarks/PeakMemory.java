package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.LabeledData;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Peak resident memory of one workload trained with the DSL, in a fresh JVM: W2 (784-512-512-10, batch 256) or W4
 * (the digits convnet, batch 32), as {@link TrainingBenchmark} and {@link ConvnetBenchmark} train them, for a number
 * of epochs in one {@code fit}. Reports the process' resident memory (VmRSS, native and heap) when main starts, once
 * the model is built (DJL and libtorch loaded) and at the end, and its peak (VmHWM: the high-water mark of the whole
 * process, start-up included), with the heap limit the JVM runs under. Prints one JSON object; with a path also
 * writes it there. Arguments: W2 or W4, the path, the epochs (W2 50, W4 20). Linux only (reads /proc/self/status).
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    public static void main(String[] args) throws IOException {
        String workload = args[0];
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : workload.equals("W4") ? 20 : 50;
        long rssStart = status("VmRSS:");
        long hwmStart = status("VmHWM:");
        long t0 = System.nanoTime();
        long rssBuilt;
        int steps;
        double loss;
        if (workload.equals("W2")) {
            Workload w = Workload.W2;
            Dataset data = w.data();
            try (Sequential model = TrainingBenchmark.dslModel(w)) {
                rssBuilt = status("VmRSS:");
                loss = model.fit(data.x(), data.y(), new FitOptions().epochs(epochs).batchSize(w.batch)
                        .shuffle(w.shuffle).verbose(0)).last("loss");
            }
            steps = epochs * w.stepsPerEpoch();
        } else if (workload.equals("W4")) {
            LabeledData data = Convnet.data();
            try (Sequential model = Convnet.dslModel()) {
                model.build(new ai.djl.ndarray.types.Shape(8, 8, 1));
                rssBuilt = status("VmRSS:");
                loss = model.fit(data.trainImages(), data.trainY(), new FitOptions().epochs(epochs)
                        .batchSize(Convnet.BATCH).shuffle(true).verbose(0)).last("loss");
            }
            steps = epochs * ((data.trainImages().length + Convnet.BATCH - 1) / Convnet.BATCH);
        } else {
            throw new IllegalArgumentException("Invalid value for argument `workload`: " + workload
                    + ". Expected W2 or W4.");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rssEnd = status("VmRSS:");
        long peak = status("VmHWM:");
        String heapArgs = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm")).toList());
        String json = String.format(Locale.ROOT, "{\"workload\": \"%s\", \"epochs\": %d, \"steps\": %d,"
                + " \"seconds\": %.1f, \"final_loss\": %.5f, \"rss_kib_start\": %d, \"peak_rss_kib_start\": %d,"
                + " \"rss_kib_built\": %d, \"rss_kib_end\": %d, \"peak_rss_kib\": %d, \"heap_max_mib\": %d,"
                + " \"heap_args\": \"%s\"}", workload, epochs, steps, seconds, loss, rssStart, hwmStart, rssBuilt,
                rssEnd, peak, Runtime.getRuntime().maxMemory() / (1024 * 1024), heapArgs);
        System.out.println(json);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), json);
        }
    }

    /** A "Vm...:" line of /proc/self/status, in KiB. */
    /** A line of /proc/self/status, in KiB ({@code "VmRSS:"}, {@code "VmHWM:"}); Linux only. */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("no " + key + " in /proc/self/status");
    }
}
