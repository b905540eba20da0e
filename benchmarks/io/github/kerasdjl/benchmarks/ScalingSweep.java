package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The scaling sweep of issue 16: steps per second of the Dense stack of {@link SweepConfig} over widths x batch
 * sizes, for each {@link Impl}, in one JVM (not JMH: 30 points x several implementations would take an hour).
 * For each point every implementation is made, then warmed up (passes of 1, 2, 4, ... steps, then one sized to the
 * time left, until at least {@code sweep.warmup} seconds, 0.3, and 3 steps have run), which also gives its rate; then {@code sweep.rounds} (3)
 * rounds, the implementations taking turns within a round: each round runs passes sized from the latest rate until
 * at least {@code sweep.round} seconds (0.7) and 3 steps have run, and scores steps over elapsed time. A point's score
 * is the median of its rounds; the spread is (max - min) / median. A pass of k steps is one or two calls of the
 * implementation's own training entry point (the DSL's {@code fit}, EasyTrain.fit): k / s whole epochs over all
 * rows (s steps an epoch), then one epoch over the first (k mod s) x batch rows. Before the grid each implementation is warmed up once at width 32,
 * batch 16 (the JIT).
 *
 * <p>Arguments: the JSON file to write (target/benchmarks/sweep.json). The grid: {@link SweepConfig#widths()},
 * {@link SweepConfig#batches()} (environment SWEEP_WIDTHS, SWEEP_BATCHES); the implementations: all of {@link Impl}
 * or those named by the system property {@code sweep.impls} (keys, comma-separated). {@code -Dsweep.debug=true} prints
 * each warm-up's and round's time and steps.
 */
public final class ScalingSweep {

    private static final double WARMUP_S = Double.parseDouble(System.getProperty("sweep.warmup", "0.3"));
    private static final double ROUND_S = Double.parseDouble(System.getProperty("sweep.round", "0.7"));
    private static final int ROUNDS = Integer.getInteger("sweep.rounds", 3);
    private static final int MIN_STEPS = 3;
    private static final boolean DEBUG = Boolean.getBoolean("sweep.debug");
    /** The most steps one pass may be planned to take (a point at 15,000 steps/s needs about 11,000). */
    private static final int MAX_PASS_STEPS = 200_000;

    private ScalingSweep() {
    }

    /** One implementation's training at one point: passes over the first rows of the data. */
    interface Runner extends AutoCloseable {
        /** {@code epochs} epochs over the first {@code rows} samples (a whole number of batches). */
        void epochs(int rows, int epochs);

        @Override
        void close();
    }

    /**
     * The implementations, as rows of the results. A new row is one line: a key (JSON, RESULTS.md), a label (the
     * figure's legend, the tables) and how to make its runner for a point.
     */
    enum Impl {
        DSL("dsl", "DSL (keras-djl)", (c, d) -> new Dsl(c, d, model -> { })),
        // The same DSL model on the engine's step, once Sequential has hostStep (one line; ScalingPlot has its color):
        DSL_ENGINE("dslEngine", "DSL, engine step", (c, d) -> new Dsl(c, d, model -> model.hostStep(false))),
        IDIOMATIC_DJL("idiomaticDjl", "raw DJL, idiomatic", (c, d) -> {
            IdiomaticDjl djl = new IdiomaticDjl(c.spec(d));
            return runner(djl::epochs, djl);
        }),
        HAND_TUNED_DJL("handTunedDjl", "raw DJL, hand-tuned", (c, d) -> {
            HandTunedDjl djl = new HandTunedDjl(c.spec(d));
            return runner(djl::epochs, djl);
        });

        final String key;
        final String label;
        final BiFunction<SweepConfig, Dataset, Runner> make;

        Impl(String key, String label, BiFunction<SweepConfig, Dataset, Runner> make) {
            this.key = key;
            this.label = label;
            this.make = make;
        }
    }

    /** The DSL as a user writes it: {@link TrainingBenchmark#dslModel(MlpSpec)}, then {@code fit} for each pass. */
    static final class Dsl implements Runner {
        private final Sequential model;
        private final float[][] x;
        private final float[][] y;
        private final int batch;
        private final Map<Integer, float[][][]> prefixes = new HashMap<>();

        /** @param setUp what the row changes on the compiled, built model (nothing for the plain DSL) */
        Dsl(SweepConfig c, Dataset d, Consumer<Sequential> setUp) {
            model = TrainingBenchmark.dslModel(c.spec(d));
            setUp.accept(model);
            x = d.x();
            y = d.y();
            batch = c.batch();
        }

        @Override
        public void epochs(int rows, int epochs) {
            float[][][] xy = rows == x.length ? new float[][][] {x, y} : prefixes.computeIfAbsent(rows,
                    r -> new float[][][] {Arrays.copyOf(x, r), Arrays.copyOf(y, r)});
            model.fit(xy[0], xy[1], new FitOptions().epochs(epochs).batchSize(batch).shuffle(false).verbose(0));
        }

        @Override
        public void close() {
            model.close();
        }
    }

    private interface Passes {
        void epochs(int rows, int epochs);
    }

    private static Runner runner(Passes passes, AutoCloseable owner) {
        return new Runner() {
            @Override
            public void epochs(int rows, int epochs) {
                passes.epochs(rows, epochs);
            }

            @Override
            public void close() {
                try {
                    owner.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /**
     * A pass of {@code steps} steps at a point: {@code epochs} whole epochs over all rows, then one epoch over the
     * first {@code rows} rows (0: none); one or two calls of the runner.
     */
    record Pass(int epochs, int rows, int steps) {
        static Pass of(SweepConfig c, long wanted) {
            int perEpoch = c.stepsPerEpoch();
            int k = (int) Math.max(1, Math.min(wanted, MAX_PASS_STEPS));
            return new Pass(k / perEpoch, (k % perEpoch) * c.batch(), k);
        }

        void run(Runner r) {
            if (epochs > 0) {
                r.epochs(SweepConfig.SAMPLES, epochs);
            }
            if (rows > 0) {
                r.epochs(rows, 1);
            }
        }
    }

    /**
     * Warms a runner up: passes of 1, 2, 4, ... steps while a pass takes under a tenth of WARMUP_S, then passes sized
     * from the latest rate to the time left, until WARMUP_S seconds and MIN_STEPS steps have run. Returns the rate
     * (steps per second) of the last pass.
     */
    static double warmUp(SweepConfig c, Runner r) {
        double total = 0;
        int steps = 0;
        long wanted = 1;
        double rate;
        while (true) {
            Pass p = Pass.of(c, wanted);
            long t0 = System.nanoTime();
            p.run(r);
            double dt = (System.nanoTime() - t0) / 1e9;
            total += dt;
            steps += p.steps();
            rate = p.steps() / dt;
            if (total >= WARMUP_S && steps >= MIN_STEPS) {
                if (DEBUG) {
                    System.out.printf(Locale.ROOT, "  warm-up %.3f s, %d steps%n", total, steps);
                }
                return rate;
            }
            wanted = dt < WARMUP_S / 10 ? wanted * 2 : Math.max(MIN_STEPS - steps, (long) Math.ceil(
                    (WARMUP_S - total) * rate * 1.02));
            wanted = Math.max(1, wanted);
        }
    }

    /**
     * One round: passes until ROUND_S seconds and MIN_STEPS steps have run, the first sized from {@code rate[0]}
     * (steps/s so far) and each further one from the time left at the rate measured in the round; returns the
     * round's steps/s and leaves it in {@code rate[0]}.
     */
    static double round(SweepConfig c, Runner r, double[] rate) {
        long wanted = Math.max(MIN_STEPS, (long) Math.ceil(rate[0] * ROUND_S * 1.02));
        int steps = 0;
        long t0 = System.nanoTime();
        double dt;
        while (true) {
            Pass p = Pass.of(c, wanted);
            p.run(r);
            steps += p.steps();
            dt = (System.nanoTime() - t0) / 1e9;
            if (dt >= ROUND_S && steps >= MIN_STEPS) {
                break;
            }
            wanted = Math.max(MIN_STEPS - steps, (long) Math.ceil((ROUND_S - dt) * steps / dt * 1.05));
            wanted = Math.max(1, wanted);
        }
        rate[0] = steps / dt;
        if (DEBUG) {
            System.out.printf(Locale.ROOT, "  round %.3f s, %d steps%n", dt, steps);
        }
        return rate[0];
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target/benchmarks/sweep.json");
        List<Impl> impls = new ArrayList<>();
        String only = System.getProperty("sweep.impls", "");
        for (Impl impl : Impl.values()) {
            if (only.isBlank() || Arrays.asList(only.split(",")).contains(impl.key)) {
                impls.add(impl);
            }
        }
        Dataset data = SweepConfig.data();
        long start = System.nanoTime();
        SweepConfig jit = new SweepConfig(32, 16);
        for (Impl impl : impls) {
            try (Runner r = impl.make.apply(jit, data)) {
                warmUp(jit, r);
                warmUp(jit, r);
            }
        }
        StringBuilder points = new StringBuilder();
        for (int width : SweepConfig.widths()) {
            for (int batch : SweepConfig.batches()) {
                SweepConfig c = new SweepConfig(width, batch);
                List<Runner> runners = new ArrayList<>();
                try {
                    for (Impl impl : impls) {
                        runners.add(impl.make.apply(c, data));
                    }
                    double[][] rates = new double[impls.size()][1];
                    for (int i = 0; i < impls.size(); i++) {
                        rates[i][0] = warmUp(c, runners.get(i));
                    }
                    double[][] scores = new double[impls.size()][ROUNDS];
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < impls.size(); i++) {
                            scores[i][round] = round(c, runners.get(i), rates[i]);
                        }
                    }
                    for (int i = 0; i < impls.size(); i++) {
                        double[] s = scores[i].clone();
                        Arrays.sort(s);
                        double median = s[s.length / 2];
                        double spread = (s[s.length - 1] - s[0]) / median;
                        System.out.printf(Locale.ROOT, "width %4d batch %4d %-22s %10.1f steps/s %12.0f samples/s"
                                + " (spread %.0f%%)%n", width, batch, impls.get(i).label, median, median * batch,
                                100 * spread);
                        points.append(points.length() == 0 ? "\n  " : ",\n  ").append(String.format(Locale.ROOT,
                                "{\"impl\": \"%s\", \"width\": %d, \"batch\": %d, \"steps_per_s\": %.3f,"
                                + " \"samples_per_s\": %.1f, \"spread\": %.4f, \"rounds\": [%s]}",
                                impls.get(i).key, width, batch, median, median * batch, spread,
                                String.join(", ", Arrays.stream(scores[i]).mapToObj(v -> String.format(Locale.ROOT,
                                        "%.3f", v)).toList())));
                    }
                } finally {
                    for (Runner r : runners) {
                        r.close();
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder labels = new StringBuilder();
        for (Impl impl : impls) {
            labels.append(labels.length() == 0 ? "" : ", ").append(String.format("{\"key\": \"%s\", \"label\": \"%s\"}",
                    impl.key, impl.label));
        }
        String json = String.format(Locale.ROOT, "{\"source\": \"ScalingSweep\", \"threads\": \"%s\","
                + " \"features\": %d, \"samples\": %d, \"learning_rate\": %s, \"warmup_s\": %s, \"round_s\": %s,"
                + " \"rounds\": %d, \"seconds\": %.1f,%n \"implementations\": [%s],%n \"points\": [%s]}%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"), SweepConfig.FEATURES,
                SweepConfig.SAMPLES, SweepConfig.LEARNING_RATE, WARMUP_S, ROUND_S, ROUNDS, seconds, labels, points);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, json);
        System.out.printf(Locale.ROOT, "sweep: %d points x %d implementations in %.0f s, wrote %s%n",
                SweepConfig.widths().length * SweepConfig.batches().length, impls.size(), seconds, target);
    }
}
