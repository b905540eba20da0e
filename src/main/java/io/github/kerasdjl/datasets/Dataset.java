package io.github.kerasdjl.datasets;

import io.github.kerasdjl.util.RandomSeed;
import java.util.Arrays;
import java.util.Random;

/**
 * Samples and labels: {@code x} of shape (samples, features), {@code y} of shape (samples, outputs).
 *
 * @param x the inputs
 * @param y the targets
 */
public record Dataset(float[][] x, float[][] y) {

    /** Checks that x and y have one row each per sample. */
    public Dataset {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("Invalid data set: x has " + (x == null ? "null" : x.length)
                    + " rows and y " + (y == null ? "null" : y.length) + ". Expected one row of y per row of x.");
        }
    }

    /** The number of samples. */
    public int size() {
        return x.length;
    }

    /** y as one column of values (for a single output). */
    public float[] yColumn() {
        float[] v = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = y[i][0];
        }
        return v;
    }

    /** x as one column (for a single feature). */
    public float[] xColumn() {
        float[] v = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i][0];
        }
        return v;
    }

    /**
     * Shuffles the samples with {@code seed} and cuts them in two, as Playground's train/test ratio does: the
     * first part has round(size * trainFraction) samples.
     */
    public Split split(double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `train_fraction`: " + trainFraction
                    + ". Expected a fraction strictly between 0 and 1.");
        }
        int n = size();
        int cut = (int) Math.round(n * trainFraction);
        if (cut == 0 || cut == n) {
            throw new IllegalArgumentException("Invalid value for argument `train_fraction`: " + trainFraction
                    + ". With " + n + " samples one side of the split would be empty.");
        }
        long[] order = permutation(n, seed);
        return new Split(subset(order, 0, cut), subset(order, cut, n));
    }

    /** The same samples in an order shuffled with {@code seed} (the order {@link #split} cuts). */
    public Dataset shuffled(long seed) {
        return subset(permutation(size(), seed), 0, size());
    }

    private static long[] permutation(int n, long seed) {
        return RandomSeed.permutation(n, new Random(seed));
    }

    private Dataset subset(long[] order, int from, int to) {
        float[][] sx = new float[to - from][];
        float[][] sy = new float[to - from][];
        for (int i = from; i < to; i++) {
            sx[i - from] = x[(int) order[i]].clone();
            sy[i - from] = y[(int) order[i]].clone();
        }
        return new Dataset(sx, sy);
    }

    /** A train and a test set. */
    public record Split(Dataset train, Dataset test) {
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " samples, " + (size() == 0 ? 0 : x[0].length) + " features)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && Arrays.deepEquals(x, d.x) && Arrays.deepEquals(y, d.y);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(x) * 31 + Arrays.deepHashCode(y);
    }
}
