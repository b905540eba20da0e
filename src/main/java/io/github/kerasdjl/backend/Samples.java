package io.github.kerasdjl.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Data of any rank, batch first (Keras' layout: an image batch is (samples, height, width, channels)), as the rows
 * the training loop works on: each sample's values flattened in C order, with the shape of one sample. The model's
 * block reshapes a batch of rows back to {@code (batch, shape...)} before its first layer, so the rows are only a
 * way of holding the data on the host.
 *
 * @param rows one row per sample, {@code shape.size()} values each
 * @param shape the shape of one sample (without the batch axis)
 */
public record Samples(float[][] rows, Shape shape) {

    /** Rank-1 samples: checked rows (see {@link Tensors#checkMatrix}). */
    public static Samples of(String argument, float[][] x) {
        int width = Tensors.checkMatrix(argument, x);
        return new Samples(x, new Shape(width));
    }

    /** Rank-2 samples, e.g. sequences of feature vectors: every sample checked rectangular and finite. */
    public static Samples of(String argument, float[][][] x) {
        return walk(argument, x);
    }

    /** Rank-3 samples, e.g. images (height, width, channels): every sample checked rectangular and finite. */
    public static Samples of(String argument, float[][][][] x) {
        return walk(argument, x);
    }

    /** An engine array of any rank >= 2, batch first; copied to the host once. */
    public static Samples of(String argument, NDArray x) {
        if (x == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: null. Expected an"
                    + " engine array of shape (samples, width).");
        }
        Shape shape = x.getShape();
        if (shape.dimension() < 2) { // the catalogue's wording; any rank >= 2 is taken
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: shape " + shape
                    + ". Expected a 2-D array (samples, width).");
        }
        if (shape.get(0) == 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: shape " + shape
                    + ", an empty data set (0 samples). Expected at least one sample.");
        }
        Shape sample = shape.slice(1);
        int n = (int) shape.get(0);
        int width = (int) sample.size();
        float[] flat;
        try (ai.djl.ndarray.NDScope scope = Autograd.scope()) {
            flat = x.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        }
        float[][] rows = new float[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
            for (int j = 0; j < width; j++) {
                if (!Float.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: sample " + i
                            + ", value " + j + " is " + rows[i][j] + ". Expected finite numbers (no NaN or"
                            + " infinity).");
                }
            }
        }
        return new Samples(rows, sample);
    }

    /** The number of samples. */
    public int count() {
        return rows.length;
    }

    /** The shape of the whole data, batch first: {@code (samples, shape...)}. */
    public Shape dataShape() {
        return new Shape(rows.length).addAll(shape);
    }

    /** The shape of the data as Python prints it: {@code (100, 8, 8, 1)}. */
    public static String format(Shape shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.dimension(); i++) {
            b.append(i == 0 ? "" : ", ").append(shape.get(i));
        }
        return b.append(shape.dimension() == 1 ? ",)" : ")").toString();
    }

    private static Samples walk(String argument, Object[] x) {
        if (x == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: null. Expected a"
                    + " non-empty array of samples.");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: an empty data set"
                    + " (0 samples). Expected at least one sample.");
        }
        // The shape is the first sample's; every other sample must have it.
        java.util.List<Long> dims = new java.util.ArrayList<>();
        Object o = x[0];
        StringBuilder path = new StringBuilder(argument + "[0]");
        while (o != null) {
            if (o instanceof Object[] a) {
                if (a.length == 0) {
                    throw empty(argument, path);
                }
                dims.add((long) a.length);
                o = a[0];
                path.append("[0]");
            } else if (o instanceof float[] f) {
                if (f.length == 0) {
                    throw empty(argument, path);
                }
                dims.add((long) f.length);
                break;
            } else {
                break;
            }
        }
        if (o == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + path
                    + " is null. Expected samples of numbers.");
        }
        Shape sample = new Shape(dims.stream().mapToLong(Long::longValue).toArray());
        int width = (int) sample.size();
        float[][] rows = new float[x.length][width];
        for (int i = 0; i < x.length; i++) {
            int[] at = {0};
            fill(argument, x[i], sample, 0, rows[i], at, argument + "[" + i + "]");
        }
        return new Samples(rows, sample);
    }

    private static IllegalArgumentException empty(String argument, CharSequence path) {
        return new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + path
                + " is empty. Expected samples with at least one value on every axis.");
    }

    private static void fill(String argument, Object o, Shape sample, int axis, float[] row, int[] at, String path) {
        long expected = sample.get(axis);
        boolean last = axis == sample.dimension() - 1;
        int length = o == null ? -1 : last ? (o instanceof float[] f ? f.length : -1) : ((Object[]) o).length;
        if (length != expected) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + path + " has "
                    + (o == null ? "null" : length + " values") + " but the first sample's axis " + (axis + 1)
                    + " has " + expected + " (sample shape " + format(sample) + "). Expected samples of equal"
                    + " shape.");
        }
        if (last) {
            float[] f = (float[]) o;
            for (int j = 0; j < f.length; j++) {
                if (!Float.isFinite(f[j])) {
                    throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + path + "["
                            + j + "] is " + f[j] + ". Expected finite numbers (no NaN or infinity).");
                }
            }
            System.arraycopy(f, 0, row, at[0], f.length);
            at[0] += f.length;
            return;
        }
        Object[] a = (Object[]) o;
        for (int i = 0; i < a.length; i++) {
            fill(argument, a[i], sample, axis + 1, row, at, path + "[" + i + "]");
        }
    }

    @Override
    public String toString() {
        return "Samples" + format(dataShape());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Samples s && s.shape.equals(shape) && Arrays.deepEquals(s.rows, rows);
    }

    @Override
    public int hashCode() {
        return shape.hashCode();
    }
}
