package io.github.kerasdjl.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The library computes in float32, the hand-derived reference in double: the conversions between the two and the
 * largest difference between two sets of weights, written once for the checks, the samples and the tests.
 */
public final class Precision {

    private Precision() {
    }

    /** float32 values as double. */
    public static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** Rows of float32 as double, for feeding the reference the data the library sees. */
    public static double[][] toDouble(float[][] v) {
        double[][] d = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            d[i] = toDouble(v[i]);
        }
        return d;
    }

    /** Values rounded to float32. */
    public static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** Each array rounded to float32. */
    public static List<float[]> toFloat(List<double[]> arrays) {
        List<float[]> f = new ArrayList<>(arrays.size());
        for (double[] a : arrays) {
            f.add(toFloat(a));
        }
        return f;
    }

    /**
     * The largest |a - b| over all elements of two lists of weight arrays of the same sizes, each array a
     * {@code float[]} or a {@code double[]} (model weights against the reference's, or two models').
     */
    public static double maxDifference(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("Invalid value for argument `b`: " + b.size() + " arrays, but `a` has "
                    + a.size() + ".");
        }
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            double[] x = asDouble(a.get(i));
            double[] y = asDouble(b.get(i));
            if (x.length != y.length) {
                throw new IllegalArgumentException("Invalid value for argument `b`: array " + i + " has " + y.length
                        + " values, but `a`'s has " + x.length + ".");
            }
            for (int k = 0; k < x.length; k++) {
                max = Math.max(max, Math.abs(x[k] - y[k]));
            }
        }
        return max;
    }

    private static double[] asDouble(Object array) {
        if (array instanceof float[] f) {
            return toDouble(f);
        }
        if (array instanceof double[] d) {
            return d;
        }
        throw new IllegalArgumentException("Expected float[] or double[] arrays, got "
                + (array == null ? "null" : array.getClass().getSimpleName()));
    }
}
