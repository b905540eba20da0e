package io.github.kerasdjl.datasets;

import io.github.kerasdjl.util.Registry;
import java.util.List;
import java.util.Random;

/**
 * TensorFlow Playground's data sets (its {@code src/dataset.ts}), each a short function with its formula visible:
 * four for classification and two for regression ({@link #plane}, {@link #multiGaussian}). Points are 2-D; labels are 1 (Playground's +1, blue) and 0 (Playground's -1, orange), so that a
 * sigmoid output fits them. {@code noise} is Playground's slider divided by 100: 0 to 0.5. The data sets made of two
 * halves give the first (label 1) the extra point when {@code samples} is odd, so there are always {@code samples}
 * points; for even counts the points are Playground's.
 */
public final class Playground {

    /** Playground's number of points. */
    public static final int DEFAULT_SAMPLES = 500;

    /** The data sets by name. */
    public enum Kind {
        CIRCLE, XOR, GAUSS, SPIRAL,
        /** Regression: the plane (x + y) / 10. */
        PLANE,
        /** Regression: six Gaussian bumps of sign +1 or -1. */
        MULTI_GAUSSIAN;

        private static final Registry<Kind> REGISTRY = new Registry<Kind>("dataset")
                .register("circle", () -> CIRCLE)
                .register("xor", () -> XOR)
                .register("gauss", () -> GAUSS, "gaussian")
                .register("spiral", () -> SPIRAL)
                .register("plane", () -> PLANE, "reg-plane")
                .register("multi-gaussian", () -> MULTI_GAUSSIAN, "multi_gaussian", "reg-gauss");

        /** Whether this is one of Playground's regression sets (targets in about [-1, 1]) or a classification set. */
        public boolean isRegression() {
            return this == PLANE || this == MULTI_GAUSSIAN;
        }

        /** The name, as accepted by {@link #get}. */
        public String label() {
            return this == MULTI_GAUSSIAN ? "multi-gaussian" : name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The data set for a name. */
        public static Kind get(String name) {
            return REGISTRY.get(name);
        }

        /** The accepted names. */
        public static List<String> names() {
            return REGISTRY.names();
        }

        /** Generates {@code samples} points. */
        public Dataset generate(int samples, double noise, long seed) {
            return switch (this) {
                case CIRCLE -> circle(samples, noise, seed);
                case XOR -> xor(samples, noise, seed);
                case GAUSS -> gauss(samples, noise, seed);
                case SPIRAL -> spiral(samples, noise, seed);
                case PLANE -> plane(samples, noise, seed);
                case MULTI_GAUSSIAN -> multiGaussian(samples, noise, seed);
            };
        }
    }

    private Playground() {
    }

    /**
     * Two spirals, half the points each: for i in [0, n), r = 5 i / n, t = 1.75 * 2 pi i / n + delta,
     * (x, y) = (r sin t, r cos t) + U(-1, 1) * noise; delta 0 gives label 1, delta pi label 0.
     */
    public static Dataset spiral(int samples, double noise, long seed) {
        check(samples, noise);
        Random random = new Random(seed);
        Points points = new Points(samples);
        double n = samples / 2.0;
        for (int arm = 0; arm < 2; arm++) {
            double deltaT = arm == 0 ? 0 : Math.PI;
            for (int i = 0; i < half(samples, arm); i++) {
                double r = i / n * 5;
                double t = 1.75 * i / n * 2 * Math.PI + deltaT;
                double x = r * Math.sin(t) + uniform(random, -1, 1) * noise;
                double y = r * Math.cos(t) + uniform(random, -1, 1) * noise;
                points.add(x, y, arm == 0 ? 1 : 0);
            }
        }
        return points.dataset();
    }

    /**
     * A disc and a ring (radius 5): half the points at r in U(0, 2.5) and half at r in U(3.5, 5), random angle;
     * the label is 1 when the point moved by U(-5, 5) * noise lies within 2.5 of the centre.
     */
    public static Dataset circle(int samples, double noise, long seed) {
        check(samples, noise);
        Random random = new Random(seed);
        Points points = new Points(samples);
        double radius = 5;
        for (int ring = 0; ring < 2; ring++) {
            for (int i = 0; i < half(samples, ring); i++) {
                double r = ring == 0 ? uniform(random, 0, radius * 0.5) : uniform(random, radius * 0.7, radius);
                double angle = uniform(random, 0, 2 * Math.PI);
                double x = r * Math.sin(angle);
                double y = r * Math.cos(angle);
                double noiseX = uniform(random, -radius, radius) * noise;
                double noiseY = uniform(random, -radius, radius) * noise;
                points.add(x, y, Math.hypot(x + noiseX, y + noiseY) < radius * 0.5 ? 1 : 0);
            }
        }
        return points.dataset();
    }

    /**
     * x, y in U(-5, 5), pushed 0.3 away from the axes; label 1 when x * y >= 0 for the point moved by
     * U(-5, 5) * noise.
     */
    public static Dataset xor(int samples, double noise, long seed) {
        check(samples, noise);
        Random random = new Random(seed);
        Points points = new Points(samples);
        double padding = 0.3;
        for (int i = 0; i < samples; i++) {
            double x = uniform(random, -5, 5);
            x += x > 0 ? padding : -padding;
            double y = uniform(random, -5, 5);
            y += y > 0 ? padding : -padding;
            double noiseX = uniform(random, -5, 5) * noise;
            double noiseY = uniform(random, -5, 5) * noise;
            points.add(x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0);
        }
        return points.dataset();
    }

    /**
     * Two Gaussians, half the points each, around (2, 2) with label 1 and (-2, -2) with label 0; the variance
     * grows linearly with the noise from 0.5 (noise 0) to 4 (noise 0.5).
     */
    public static Dataset gauss(int samples, double noise, long seed) {
        check(samples, noise);
        Random random = new Random(seed);
        Points points = new Points(samples);
        double variance = 0.5 + noise / 0.5 * (4 - 0.5);
        for (int blob = 0; blob < 2; blob++) {
            double c = blob == 0 ? 2 : -2;
            for (int i = 0; i < half(samples, blob); i++) {
                double x = normal(random, c, variance);
                double y = normal(random, c, variance);
                points.add(x, y, blob == 0 ? 1 : 0);
            }
        }
        return points.dataset();
    }

    /**
     * Playground's regression plane: x, y in U(-6, 6); the target is (x + y) / 10 for the point moved by
     * U(-6, 6) * noise (so about -1.2 to 1.2).
     */
    public static Dataset plane(int samples, double noise, long seed) {
        check(samples, noise);
        Random random = new Random(seed);
        Points points = new Points(samples);
        double radius = 6;
        for (int i = 0; i < samples; i++) {
            double x = uniform(random, -radius, radius);
            double y = uniform(random, -radius, radius);
            double noiseX = uniform(random, -radius, radius) * noise;
            double noiseY = uniform(random, -radius, radius) * noise;
            points.add(x, y, (x + noiseX + y + noiseY) / 10);
        }
        return points.dataset();
    }

    /** The six bumps of {@link #multiGaussian}: centre x, centre y, sign. */
    private static final double[][] BUMPS = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1},
        {4, -2.5, -1}};

    /**
     * Playground's multi-Gaussian regression: x, y in U(-6, 6); the target is, of the six bumps at (+-4 or 0,
     * +-2.5) with alternating signs, the one largest in absolute value of sign * max(0, 1 - d / 2), d the distance
     * to its centre of the point moved by U(-6, 6) * noise.
     */
    public static Dataset multiGaussian(int samples, double noise, long seed) {
        check(samples, noise);
        Random random = new Random(seed);
        Points points = new Points(samples);
        double radius = 6;
        for (int i = 0; i < samples; i++) {
            double x = uniform(random, -radius, radius);
            double y = uniform(random, -radius, radius);
            double px = x + uniform(random, -radius, radius) * noise;
            double py = y + uniform(random, -radius, radius) * noise;
            double label = 0;
            for (double[] bump : BUMPS) {
                double value = bump[2] * Math.max(0, 1 - Math.hypot(px - bump[0], py - bump[1]) / 2);
                if (Math.abs(value) > Math.abs(label)) {
                    label = value;
                }
            }
            points.add(x, y, label);
        }
        return points.dataset();
    }

    /** The size of half {@code part} (0 or 1): the first half takes the extra point of an odd count. */
    private static int half(int samples, int part) {
        return part == 0 ? samples - samples / 2 : samples / 2;
    }

    private static void check(int samples, double noise) {
        if (samples < 2) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `samples`: " + samples + ". Expected an integer >= 2.");
        }
        if (!(noise >= 0 && noise <= 0.5)) {
            throw new IllegalArgumentException("Invalid value for argument `noise`: " + noise
                    + ". Expected a number in [0, 0.5] (Playground's slider 0-50, divided by 100).");
        }
    }

    /** U(a, b). */
    static double uniform(Random random, double a, double b) {
        return random.nextDouble() * (b - a) + a;
    }

    /** N(mean, variance) by Marsaglia's polar method, as Playground's normalRandom. */
    static double normal(Random random, double mean, double variance) {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * random.nextDouble() - 1;
            v2 = 2 * random.nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1 || s == 0);
        double result = Math.sqrt(-2 * Math.log(s) / s) * v1;
        return mean + Math.sqrt(variance) * result;
    }

    /** Collects points; the list grows only as far as the generators fill it. */
    private static final class Points {
        private final float[][] x;
        private final float[][] y;
        private int size;

        Points(int capacity) {
            x = new float[capacity][];
            y = new float[capacity][];
        }

        void add(double px, double py, double label) {
            x[size] = new float[] {(float) px, (float) py};
            y[size] = new float[] {(float) label};
            size++;
        }

        Dataset dataset() {
            return new Dataset(java.util.Arrays.copyOf(x, size), java.util.Arrays.copyOf(y, size));
        }
    }
}
