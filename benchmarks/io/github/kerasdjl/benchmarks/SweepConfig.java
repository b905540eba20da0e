package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.datasets.Dataset;
import java.util.Arrays;
import java.util.Random;

/**
 * One point of the scaling sweep (issue 16's scaling curves), defined once for every implementation and for Keras
 * ({@code benchmarks/keras_sweep.py} reads the data and these constants as {@link ExportData} writes them): input
 * {@value #FEATURES} features, Dense(width, relu), Dense(width, relu), Dense(1, sigmoid), mse, SGD
 * ({@value #LEARNING_RATE}), no metrics, no shuffling, on {@value #SAMPLES} seeded random samples (features uniform
 * in [0, 1), labels 0 or 1). A timed pass may use only the first rows of the data (a whole number of batches: every
 * batch size of the grid divides {@value #SAMPLES}), so that a slow point need not run 2,048 steps at a time.
 *
 * <p>The grid is {@link #WIDTHS} x {@link #BATCHES}; the environment variables {@code SWEEP_WIDTHS} and
 * {@code SWEEP_BATCHES} (comma-separated) narrow it for a quick run.
 *
 * @param width the two hidden layers' width
 * @param batch the batch size
 */
record SweepConfig(int width, int batch) {

    static final int FEATURES = 16;
    static final int SAMPLES = 2048;
    static final double LEARNING_RATE = 0.01;
    static final long SEED = 7;
    static final int[] WIDTHS = {8, 32, 128, 512, 1024};
    static final int[] BATCHES = {1, 4, 16, 64, 256, 1024};

    SweepConfig {
        if (SAMPLES % batch != 0) {
            throw new IllegalArgumentException("Invalid value for argument `batch`: " + batch + ". Expected a "
                    + "divisor of " + SAMPLES + ".");
        }
    }

    /** The widths of the grid: {@code SWEEP_WIDTHS} or {@link #WIDTHS}. */
    static int[] widths() {
        return grid("SWEEP_WIDTHS", WIDTHS);
    }

    /** The batch sizes of the grid: {@code SWEEP_BATCHES} or {@link #BATCHES}. */
    static int[] batches() {
        return grid("SWEEP_BATCHES", BATCHES);
    }

    private static int[] grid(String variable, int[] all) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return all.clone();
        }
        return Arrays.stream(value.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    /** The training data, the same for every point (seeded). */
    static Dataset data() {
        Random r = new Random(SEED);
        float[][] x = new float[SAMPLES][FEATURES];
        float[][] y = new float[SAMPLES][1];
        for (int i = 0; i < SAMPLES; i++) {
            for (int k = 0; k < FEATURES; k++) {
                x[i][k] = r.nextFloat();
            }
            y[i][0] = r.nextInt(2);
        }
        return new Dataset(x, y);
    }

    /** Steps of one whole pass over the data. */
    int stepsPerEpoch() {
        return SAMPLES / batch;
    }

    /** This point as the raw-DJL implementations and the DSL take it (no metrics). */
    MlpSpec spec(Dataset data) {
        return new MlpSpec("sweep-" + width + "-" + batch, new int[] {FEATURES, width, width, 1}, "relu", "sigmoid",
                "mse", LEARNING_RATE, batch, false, new String[0], data);
    }
}
