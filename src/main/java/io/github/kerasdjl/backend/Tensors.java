package io.github.kerasdjl.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Conversions between Java arrays and engine arrays, with the checks that name the argument at fault. */
public final class Tensors {

    private Tensors() {
    }

    /**
     * Checks that {@code rows} is a non-empty rectangular matrix of finite numbers and returns its width.
     *
     * @param argument the name used in errors, e.g. {@code "x"}
     */
    public static int checkMatrix(String argument, float[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: null. Expected "
                    + "a non-empty array of rows.");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: an empty data set"
                    + " (0 rows). Expected at least one row.");
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: row 0 is "
                    + (rows[0] == null ? "null" : "empty") + ". Expected rows of at least one value.");
        }
        int width = rows[0].length;
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            if (row == null || row.length != width) {
                throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: row " + i
                        + " has " + (row == null ? "null" : row.length + " values") + " but row 0 has " + width
                        + ". Expected rows of equal width.");
            }
            for (int j = 0; j < width; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: row " + i
                            + ", column " + j + " is " + row[j] + ". Expected finite numbers (no NaN or infinity).");
                }
            }
        }
        return width;
    }

    /** A (rows, width) float32 array in {@code manager}. */
    public static NDArray toArray(NDManager manager, float[][] rows) {
        return manager.create(flatten(rows), new Shape(rows.length, rows[0].length));
    }

    /** Rows of equal width as one row-major array. */
    public static float[] flatten(float[][] rows) {
        int width = rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }

    /** A 2-D engine array as Java rows. */
    public static float[][] toRows(NDArray array) {
        return toRows("array", array);
    }

    /** A 2-D engine array given as {@code argument} as Java rows; null or another rank is an error naming it. */
    public static float[][] toRows(String argument, NDArray array) {
        if (array == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: null. Expected an"
                    + " engine array of shape (samples, width).");
        }
        Shape shape = array.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: shape " + shape
                    + ". Expected a 2-D array (samples, width).");
        }
        int n = (int) shape.get(0);
        int width = (int) shape.get(1);
        float[] flat = array.toFloatArray();
        float[][] rows = new float[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
        }
        return rows;
    }

    /** The transpose of a row-major {@code rows x cols} matrix, row-major ({@code cols x rows}). */
    public static float[] transpose(float[] values, int rows, int cols) {
        float[] t = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = values[r * cols + c];
            }
        }
        return t;
    }

    /** One column: each value a row of width one. */
    public static float[][] column(String argument, float[] values) {
        if (values == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: null.");
        }
        float[][] rows = new float[values.length][1];
        for (int i = 0; i < values.length; i++) {
            rows[i][0] = values[i];
        }
        return rows;
    }
}
