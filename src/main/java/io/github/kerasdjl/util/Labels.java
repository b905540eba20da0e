package io.github.kerasdjl.util;

/**
 * Class labels between their two forms: integer class indices (what {@code sparse_categorical_crossentropy} takes)
 * and one-hot rows (what {@code categorical_crossentropy} takes). Keras' {@code keras.utils.to_categorical}.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * Keras' {@code to_categorical(labels, num_classes)}: row i is all zeros but a 1 at column {@code labels[i]}.
     *
     * @param labels class indices in [0, numClasses)
     * @param numClasses the number of classes (the width of each row), at least 1
     * @throws IllegalArgumentException for null or empty labels, numClasses below 1, or a label outside the range
     */
    public static float[][] toCategorical(int[] labels, int numClasses) {
        checkLabels(labels == null, labels == null ? 0 : labels.length);
        checkClasses(numClasses);
        float[][] out = new float[labels.length][numClasses];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw outOfRange(labels[i], i, numClasses);
            }
            out[i][labels[i]] = 1f;
        }
        return out;
    }

    /**
     * {@link #toCategorical(int[], int)} for labels held as floats (as a model's targets are): each must be a whole
     * number in [0, numClasses).
     */
    public static float[][] toCategorical(float[] labels, int numClasses) {
        checkLabels(labels == null, labels == null ? 0 : labels.length);
        checkClasses(numClasses);
        int[] ints = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            float v = labels[i];
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("Invalid value for argument `labels`: " + v + " at index " + i
                        + ". Expected a whole number: a class index in [0, " + numClasses + ").");
            }
            if (v < 0 || v >= numClasses) {
                throw outOfRange(v, i, numClasses);
            }
            ints[i] = (int) v;
        }
        return toCategorical(ints, numClasses);
    }

    /** Keras' {@code to_categorical(labels)} without num_classes: as many classes as the largest label plus one. */
    public static float[][] toCategorical(int[] labels) {
        checkLabels(labels == null, labels == null ? 0 : labels.length);
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("Invalid value for argument `labels`: " + labels[i]
                        + " at index " + i + ". Expected class indices of 0 or more.");
            }
            max = Math.max(max, labels[i]);
        }
        return toCategorical(labels, max + 1);
    }

    /** The class index of each one-hot (or probability) row: the column of its largest value (Keras' argmax). */
    public static int[] argmax(float[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("Invalid value for argument `rows`: null. Expected one row per sample.");
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length == 0) {
                throw new IllegalArgumentException("Invalid value for argument `rows`: row " + i + " is "
                        + (rows[i] == null ? "null" : "empty") + ". Expected at least one value per row.");
            }
            int best = 0;
            for (int c = 1; c < rows[i].length; c++) {
                if (rows[i][c] > rows[i][best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private static void checkLabels(boolean isNull, int length) {
        if (isNull) {
            throw new IllegalArgumentException("Invalid value for argument `labels`: null. Expected class indices.");
        }
        if (length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `labels`: an empty array. Expected at"
                    + " least one class index.");
        }
    }

    private static void checkClasses(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("Invalid value for argument `num_classes`: " + numClasses
                    + ". Expected at least 1.");
        }
    }

    private static IllegalArgumentException outOfRange(double v, int i, int numClasses) {
        return new IllegalArgumentException("Invalid value for argument `labels`: " + (v == Math.rint(v)
                ? String.valueOf((long) v) : String.valueOf(v)) + " at index " + i + ". Expected a class index in"
                + " [0, " + numClasses + ") for num_classes " + numClasses + ".");
    }
}
