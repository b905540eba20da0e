package io.github.kerasdjl.datasets;

import java.util.Random;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons}: the data of {@code 004_*.txt}, whose
 * network learns to tell the upper moon (label 0, blue there) from the lower one (label 1, green there).
 *
 * <pre>
 * upper:  (cos t, sin t)              for floor(n / 2) values of t evenly spaced over [0, pi]
 * lower:  (1 - cos t, 0.5 - sin t)    for the other ceil(n / 2)
 * </pre>
 *
 * then shuffled and moved by Gaussian noise of standard deviation {@code noise}, both from {@code seed}.
 */
public final class Moons {

    /** The size of {@code 004_*.txt}'s data set. */
    public static final int SEED_SAMPLES = 100;

    private Moons() {
    }

    /** {@code samples} points with Gaussian noise of standard deviation {@code noise} (0 for none). */
    public static Dataset generate(int samples, double noise, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `samples`: " + samples + ". Expected an integer >= 2 (two moons).");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `noise`: " + noise + ". Expected a finite number >= 0.");
        }
        int upper = samples / 2;
        int lower = samples - upper;
        double[][] points = new double[samples][];
        float[] labels = new float[samples];
        for (int i = 0; i < upper; i++) {
            double t = upper == 1 ? 0 : Math.PI * i / (upper - 1);
            points[i] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int i = 0; i < lower; i++) {
            double t = lower == 1 ? 0 : Math.PI * i / (lower - 1);
            points[upper + i] = new double[] {1 - Math.cos(t), 0.5 - Math.sin(t)};
            labels[upper + i] = 1;
        }
        Random random = new Random(seed);
        for (int i = samples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] p = points[i];
            points[i] = points[j];
            points[j] = p;
            float l = labels[i];
            labels[i] = labels[j];
            labels[j] = l;
        }
        float[][] x = new float[samples][2];
        float[][] y = new float[samples][1];
        for (int i = 0; i < samples; i++) {
            x[i][0] = (float) (points[i][0] + noise * random.nextGaussian());
            x[i][1] = (float) (points[i][1] + noise * random.nextGaussian());
            y[i][0] = labels[i];
        }
        return new Dataset(x, y);
    }
}
