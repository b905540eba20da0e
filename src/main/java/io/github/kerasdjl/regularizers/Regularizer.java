package io.github.kerasdjl.regularizers;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * Keras' weight regularizers: a penalty on a layer's kernel added to the loss that training minimizes and that
 * {@code fit} and {@code evaluate} report. {@code L1(l1)} adds {@code l1 * sum(|w|)}, {@code L2(l2)} adds
 * {@code l2 * sum(w^2)} (Keras' definition: no factor 1/2), {@code L1L2} both. This is Playground's
 * "Regularization" and "Regularization rate".
 */
public final class Regularizer {

    /** Keras' default rate for {@code "l1"} and {@code "l2"} given by name. */
    public static final double DEFAULT_RATE = 0.01;

    private final double l1;
    private final double l2;

    private Regularizer(double l1, double l2) {
        check("l1", l1);
        check("l2", l2);
        this.l1 = l1;
        this.l2 = l2;
    }

    private static void check(String argument, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + rate
                    + ". Expected a finite number >= 0.");
        }
    }

    /** {@code keras.regularizers.L1(l1)}. */
    public static Regularizer l1(double rate) {
        return new Regularizer(rate, 0);
    }

    /** {@code keras.regularizers.L2(l2)}. */
    public static Regularizer l2(double rate) {
        return new Regularizer(0, rate);
    }

    /** {@code keras.regularizers.L1L2(l1, l2)}. */
    public static Regularizer l1l2(double l1, double l2) {
        return new Regularizer(l1, l2);
    }

    /**
     * By Playground's and Keras' names: {@code "none"} (null), {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, with
     * a rate.
     */
    public static Regularizer get(String name, double rate) {
        String key = name == null ? "none" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "none", "" -> null;
            case "l1" -> l1(rate);
            case "l2" -> l2(rate);
            case "l1_l2", "l1l2" -> l1l2(rate, rate);
            default -> throw new IllegalArgumentException("Invalid value for argument `regularization`: '" + name
                    + "'. Valid values: [none, l1, l2, l1_l2].");
        };
    }

    /** The L1 rate. */
    public double l1() {
        return l1;
    }

    /** The L2 rate. */
    public double l2() {
        return l2;
    }

    /** The penalty of a weight array, a scalar in the array's scope. */
    public NDArray penalty(NDArray w) {
        NDArray total = null;
        if (l1 > 0) {
            total = w.abs().sum().muli((float) l1);
        }
        if (l2 > 0) {
            NDArray square = w.square().sum().muli((float) l2);
            total = total == null ? square : total.addi(square);
        }
        return total == null ? w.sum().muli(0f) : total;
    }

    /** The penalty of weight values, in plain Java. */
    public double penalty(float[] w) {
        double sumAbs = 0;
        double sumSquares = 0;
        for (float v : w) {
            sumAbs += Math.abs(v);
            sumSquares += (double) v * v;
        }
        return l1 * sumAbs + l2 * sumSquares;
    }

    @Override
    public String toString() {
        return l1 > 0 && l2 > 0 ? "L1L2(l1=" + l1 + ", l2=" + l2 + ")" : l1 > 0 ? "L1(l1=" + l1 + ")"
                : "L2(l2=" + l2 + ")";
    }
}
