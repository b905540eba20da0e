package io.github.kerasdjl.datasets;

import io.github.kerasdjl.util.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Playground's input features for 2-D points: the model sees the chosen ones instead of (x1, x2). The crosses
 * x1^2, x2^2, x1*x2, sin(x1), sin(x2) let a small network (or none) draw curved boundaries.
 */
public final class Features {

    /** One input feature of a point (x1, x2). */
    public enum Feature {
        X1("x1", (a, b) -> a),
        X2("x2", (a, b) -> b),
        X1_SQUARED("x1^2", (a, b) -> a * a),
        X2_SQUARED("x2^2", (a, b) -> b * b),
        X1_X2("x1*x2", (a, b) -> a * b),
        SIN_X1("sin(x1)", (a, b) -> Math.sin(a)),
        SIN_X2("sin(x2)", (a, b) -> Math.sin(b));

        private final String label;
        private final DoubleBinaryOperator f;

        Feature(String label, DoubleBinaryOperator f) {
            this.label = label;
            this.f = f;
        }

        /** Playground's label, e.g. {@code x1^2}. */
        public String label() {
            return label;
        }

        /** The feature of the point (x1, x2). */
        public double of(double x1, double x2) {
            return f.applyAsDouble(x1, x2);
        }
    }

    private static final Registry<Feature> REGISTRY = new Registry<Feature>("features")
            .register("x1", () -> Feature.X1)
            .register("x2", () -> Feature.X2)
            .register("x1^2", () -> Feature.X1_SQUARED, "x1x1", "x1sq", "x1_squared")
            .register("x2^2", () -> Feature.X2_SQUARED, "x2x2", "x2sq", "x2_squared")
            .register("x1*x2", () -> Feature.X1_X2, "x1x2", "x1_x2")
            .register("sin(x1)", () -> Feature.SIN_X1, "sinx1", "sin_x1")
            .register("sin(x2)", () -> Feature.SIN_X2, "sinx2", "sin_x2");

    /** Playground's default: the plain coordinates. */
    public static final Features PLAIN = new Features(List.of(Feature.X1, Feature.X2));

    private final List<Feature> selected;

    private Features(List<Feature> selected) {
        this.selected = List.copyOf(selected);
    }

    /** The features by name ({@code "x1"}, {@code "x1^2"}, {@code "x1*x2"}, {@code "sin(x1)"}, ...), in order. */
    public static Features of(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `features`: " + names + ". Expected at"
                    + " least one of " + REGISTRY.names() + ".");
        }
        List<Feature> list = new ArrayList<>();
        for (String name : names) {
            Feature f = REGISTRY.get(name);
            if (list.contains(f)) {
                throw new IllegalArgumentException("Invalid value for argument `features`: '" + name
                        + "' is given twice.");
            }
            list.add(f);
        }
        return new Features(list);
    }

    /** The features by name. */
    public static Features of(String... names) {
        return of(List.of(names));
    }

    /** Every accepted name. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /** How many inputs the model gets. */
    public int size() {
        return selected.size();
    }

    /** The features, in order. */
    public List<Feature> list() {
        return selected;
    }

    /** The features of each point (x1, x2). */
    public float[][] apply(float[][] points) {
        float[][] out = new float[points.length][selected.size()];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("Invalid value for argument `x`: row " + i + " has "
                        + (points[i] == null ? "null" : points[i].length + " values") + ". Expected 2 (x1, x2).");
            }
            for (int k = 0; k < selected.size(); k++) {
                out[i][k] = (float) selected.get(k).of(points[i][0], points[i][1]);
            }
        }
        return out;
    }

    /** The data set with the features in place of the points. */
    public Dataset apply(Dataset points) {
        return new Dataset(apply(points.x()), points.y());
    }

    @Override
    public String toString() {
        return String.join(", ", selected.stream().map(Feature::label).toList());
    }
}
