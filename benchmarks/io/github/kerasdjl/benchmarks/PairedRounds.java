package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.training.FitOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The target ratios of W1-W3 (and W4's ratios) measured in paired rounds: the DSL, raw DJL hand-tuned (W1-W3) or
 * idiomatic (W4, which has no hand-tuned version) and Keras 3 {@code fit} take turns, one short slice each, round
 * after round, and each round gives its own ratios; the report takes their median. On a shared machine whose speed drifts by a third over seconds (the same matmul here took 0.75-1.7 ms from
 * one tenth of a second to the next), the JMH table, which measures one implementation for half a minute and then
 * the next, can put a drift between the two halves of a ratio; a round puts the two halves a second or two apart, and the
 * order of the turns rotates from round to round so that none always goes first.
 *
 * <p>A slice repeats one call until {@code least} seconds have passed: for the DSL a {@code fit} of E epochs, for
 * Keras the same {@code fit} in the Keras process ({@code keras_fit.py --serve}, which waits on its standard input
 * while the JVM runs, so that the two never run at once), for raw DJL E epochs; E is the Keras rows' epochs per
 * {@code fit} call (W1 60, W2 30, W3 30, W4 30; JMH's DSL benchmarks fit 10 a call, so that the DSL's per-fit cost
 * weighs a little less here). The first {@code warm-up} rounds are not counted (JIT, XLA's compile).
 *
 * <p>Arguments: the JSON to write, then optionally the command that starts the Keras server (run.sh passes a script
 * that sets its threads). System properties: {@code paired.rounds} (15), {@code paired.warmup} (2),
 * {@code paired.least} (0.3 s), {@code paired.workloads} (W1,W2,W3,W4).
 */
public final class PairedRounds {

    private static final String[] PERMUTATIONS = {"012", "120", "201", "021", "102", "210"};
    /** Epochs per call, with or without Keras: the Keras rows' epochs per fit call (keras_fit.py's EPOCHS). */
    private static final java.util.Map<String, Integer> EPOCHS_PER_CALL = java.util.Map.of("W1", 60, "W2", 30,
            "W3", 30, "W4", 30);

    private PairedRounds() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = Integer.getInteger("paired.rounds", 15);
        int warmup = Integer.getInteger("paired.warmup", 2);
        double least = Double.parseDouble(System.getProperty("paired.least", "0.3"));
        String[] names = System.getProperty("paired.workloads", "W1,W2,W3,W4").split(",");
        if (rounds < 1 || warmup < 0 || !(least > 0)) {
            throw new IllegalArgumentException("paired.rounds must be >= 1, paired.warmup >= 0 and paired.least > 0;"
                    + " got " + rounds + ", " + warmup + ", " + least);
        }
        Path target = Path.of(args[0]);
        Keras keras = args.length > 1 ? new Keras(Arrays.copyOfRange(args, 1, args.length)) : null;
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"rounds\": %d, \"warmup_rounds\": %d, \"least_s\": %s, \"keras\": %b, \"workloads\": {",
                rounds, warmup, least, keras != null));
        try {
            for (int i = 0; i < names.length; i++) {
                String w = names[i].trim();
                json.append(i == 0 ? "" : ", ").append('"').append(w).append("\": ")
                        .append(measure(w, keras, rounds, warmup, least));
            }
        } finally {
            if (keras != null) {
                keras.close();
            }
        }
        json.append("}}\n");
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One workload's rounds, as a JSON object: each implementation's epochs/s a round, and the ratios' medians. */
    private static String measure(String w, Keras keras, int rounds, int warmup, double least) {
        int epochs = EPOCHS_PER_CALL.get(w);
        if (keras != null) {
            keras.build(w);
        }
        List<String> impls = new ArrayList<>();
        List<Runnable> calls = new ArrayList<>();
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            if (w.equals("W4")) {
                var data = Convnet.data();
                float[][][][] x = data.trainImages();
                float[] y = data.trainY();
                Sequential model = Convnet.dslModel();
                owned.add(model);
                IdiomaticConvnet idiomatic = new IdiomaticConvnet();
                owned.add(idiomatic);
                FitOptions options = new FitOptions().epochs(epochs).batchSize(Convnet.BATCH).shuffle(true)
                        .verbose(0);
                impls.add("dsl");
                calls.add(() -> model.fit(x, y, options));
                impls.add("idiomaticDjl");
                calls.add(() -> repeat(epochs, idiomatic::epoch));
            } else {
                Workload workload = Workload.valueOf(w);
                Dataset data = workload.data();
                Sequential model = TrainingBenchmark.dslModel(workload);
                owned.add(model);
                HandTunedDjl handTuned = new HandTunedDjl(workload);
                owned.add(handTuned);
                FitOptions options = new FitOptions().epochs(epochs).batchSize(workload.batch)
                        .shuffle(workload.shuffle).verbose(0);
                impls.add("dsl");
                calls.add(() -> model.fit(data.x(), data.y(), options));
                impls.add("handTunedDjl");
                calls.add(() -> repeat(epochs, handTuned::epoch));
            }
            if (keras != null) {
                impls.add("keras");
                calls.add(null);
            }
            double[][] speed = new double[impls.size()][rounds];
            for (int r = -warmup; r < rounds; r++) {
                String order = PERMUTATIONS[Math.floorMod(r, PERMUTATIONS.length)];
                for (int k = 0; k < order.length(); k++) {
                    int impl = order.charAt(k) - '0';
                    if (impl >= impls.size()) {
                        continue;
                    }
                    double eps = calls.get(impl) == null ? keras.fit(w, epochs, least)
                            : slice(least, epochs, calls.get(impl));
                    if (r >= 0) {
                        speed[impl][r] = eps;
                    }
                }
            }
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "{\"epochs_per_call\": %d, \"baseline\": \"%s\"", epochs, impls.get(1)));
            for (int i = 0; i < impls.size(); i++) {
                out.append(", \"").append(impls.get(i)).append("\": ").append(Arrays.toString(speed[i]));
            }
            for (int i = 1; i < impls.size(); i++) {
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = speed[0][r] / speed[i][r];
                }
                out.append(", \"dsl_vs_").append(impls.get(i)).append("\": ").append(quartiles(ratio));
            }
            String line = out.append('}').toString();
            System.out.println(w + ": " + line);
            return line;
        } finally {
            for (AutoCloseable c : owned) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("PairedRounds: closing " + c + " failed: " + e);
                }
            }
        }
    }

    private static void repeat(int times, Runnable epoch) {
        for (int e = 0; e < times; e++) {
            epoch.run();
        }
    }

    /** Epochs per second of repeated calls of {@code call} ({@code epochs} epochs each) over at least least seconds. */
    private static double slice(double least, int epochs, Runnable call) {
        long start = System.nanoTime();
        long calls = 0;
        long elapsed;
        do {
            call.run();
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < least * 1e9);
        return calls * epochs / (elapsed / 1e9);
    }

    /** Median, quartiles and extremes, as a JSON object. */
    static String quartiles(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return String.format(Locale.ROOT, "{\"median\": %.4f, \"q1\": %.4f, \"q3\": %.4f, \"min\": %.4f, "
                + "\"max\": %.4f}", quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v[0], v[v.length - 1]);
    }

    /** The q-quantile of sorted values, linearly interpolated (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
    }

    /** The Keras process: keras_fit.py --serve, asked one line at a time. */
    private static final class Keras implements AutoCloseable {
        private final Process process;
        private final PrintWriter in;
        private final BufferedReader out;

        Keras(String[] command) throws IOException {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Builds the workload's Keras model and compiles its step. */
        void build(String w) {
            ask("build " + w);
        }

        /** Epochs per second of repeated fit calls over at least {@code least} seconds, timed by Keras' process. */
        double fit(String w, int epochs, double least) {
            String[] answer = ask(String.format(Locale.ROOT, "fit %s %d %s", w, epochs, least));
            return Long.parseLong(answer[0]) * epochs / Double.parseDouble(answer[1]);
        }

        private String[] ask(String question) {
            in.println(question);
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    int at = line.indexOf("paired ");  // after any unterminated text a library printed
                    if (at >= 0) {
                        return line.substring(at + "paired ".length()).trim().split(" ");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // (no time-out: a Keras process that hangs hangs the run, as a hung JMH fork would)
            throw new IllegalStateException("the Keras process ended before answering `" + question + "`");
        }

        @Override
        public void close() throws InterruptedException {
            in.println("quit");
            in.close();
            process.waitFor();
        }
    }
}
