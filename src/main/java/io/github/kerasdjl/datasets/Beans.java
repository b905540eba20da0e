package io.github.kerasdjl.datasets;

import io.github.kerasdjl.util.Registry;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The "beans" of the seed lessons (their {@code dataset.py}): beans of random size, and whether each is toxic (1)
 * or not (0), or for the first lessons how toxic it is. Each generator draws what numpy's {@code rand} draws, in the
 * same order (all sizes first, then one noise value per bean in size order), from a seeded {@link Random}; the
 * values differ from numpy's, the shapes of the data do not.
 *
 * <p>The lessons number their generators differently from copy to copy ({@code 002_*.txt} calls the hump
 * {@code get_beans}, {@code 000_*.txt} calls the same function {@code get_beans4}); this class names them by what
 * they draw, with the seeds' names as aliases in {@link #get(String, int, long)}.
 */
public final class Beans {

    /** The generators by name. */
    private static final Registry<Generator> REGISTRY = new Registry<Generator>("beans")
            .register("hump", () -> Beans::hump, "get_beans", "get_beans4", "beans")
            .register("linear", () -> Beans::linear)
            .register("linear_bias", () -> Beans::linearBias)
            .register("threshold", () -> Beans::threshold)
            .register("two_humps", () -> Beans::twoHumps)
            .register("plane", () -> Beans::plane)
            .register("disc", () -> Beans::disc);

    /** A generator: {@code counts} beans from a seed. */
    @FunctionalInterface
    public interface Generator {
        Dataset generate(int counts, long seed);
    }

    private Beans() {
    }

    /** The beans of a generator named as above ({@code "get_beans"}, {@code "hump"}, {@code "disc"}, ...). */
    public static Dataset get(String name, int counts, long seed) {
        return REGISTRY.get(name).generate(counts, seed);
    }

    /** Every accepted name. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * {@code get_beans} of {@code 002_*.txt} ({@code get_beans4} of {@code 000_*.txt}), the data of the 1-2-1
     * network: sizes x ~ U(0, 2), sorted; toxic when {@code 0.7 x + (0.5 - U(0, 1)) / 50 + 0.5} lies in
     * (0.8, 1.4), i.e. for middle-sized beans, which one sigmoid neuron cannot fit and a hidden layer of two can.
     */
    public static Dataset hump(int counts, long seed) {
        return oneFeature(counts, seed, 2, (x, u) -> {
            double yi = 0.7 * x + (0.5 - u) / 50 + 0.5;
            return yi > 0.8 && yi < 1.4 ? 1 : 0;
        });
    }

    /** The first lesson's beans (one neuron, no bias): x ~ U(0, 1), sorted; toxicity {@code 1.2 x + U(0, 1) / 10}. */
    public static Dataset linear(int counts, long seed) {
        return oneFeature(counts, seed, 1, (x, u) -> 1.2 * x + u / 10);
    }

    /** One neuron with a bias: x ~ U(0, 1), sorted; toxicity {@code 0.7 x + (0.5 - U(0, 1)) / 5 + 0.5}. */
    public static Dataset linearBias(int counts, long seed) {
        return oneFeature(counts, seed, 1, (x, u) -> 0.7 * x + (0.5 - u) / 5 + 0.5);
    }

    /**
     * One sigmoid neuron: x ~ U(0, 1), sorted; toxic when {@code 0.7 x + (0.5 - U(0, 1)) / 50 + 0.5 > 0.8}, so
     * the big beans.
     */
    public static Dataset threshold(int counts, long seed) {
        return oneFeature(counts, seed, 1, (x, u) -> 0.7 * x + (0.5 - u) / 50 + 0.5 > 0.8 ? 1 : 0);
    }

    /** Two toxic bands: like {@link #hump} and also toxic when the same value lies in (1.6, 1.8). */
    public static Dataset twoHumps(int counts, long seed) {
        return oneFeature(counts, seed, 2, (x, u) -> {
            double yi = 0.7 * x + (0.5 - u) / 50 + 0.5;
            return (yi > 0.8 && yi < 1.4) || (yi > 1.6 && yi < 1.8) ? 1 : 0;
        });
    }

    /** Two features, linearly separable: (x1, x2) ~ U(0, 2)^2, toxic when {@code x1 - 0.5 x2 - 0.1 > 0}. */
    public static Dataset plane(int counts, long seed) {
        return twoFeatures(counts, seed, (x1, x2) -> x1 - 0.5 * x2 - 0.1 > 0);
    }

    /**
     * Two features, not linearly separable: (x1, x2) ~ U(0, 2)^2, toxic inside the disc
     * {@code (x1 - 1)^2 + (x2 - 0.3)^2 < 0.5}.
     */
    public static Dataset disc(int counts, long seed) {
        return twoFeatures(counts, seed, (x1, x2) -> Math.pow(x1 - 1, 2) + Math.pow(x2 - 0.3, 2) < 0.5);
    }

    private interface Rule {
        double y(double x, double u);
    }

    private interface Region {
        boolean contains(double x1, double x2);
    }

    private static Dataset oneFeature(int counts, long seed, double scale, Rule rule) {
        check(counts);
        Random random = new Random(seed);
        double[] xs = new double[counts];
        for (int i = 0; i < counts; i++) {
            xs[i] = random.nextDouble() * scale;
        }
        Arrays.sort(xs);
        float[][] x = new float[counts][1];
        float[][] y = new float[counts][1];
        for (int i = 0; i < counts; i++) {
            x[i][0] = (float) xs[i];
            y[i][0] = (float) rule.y(xs[i], random.nextDouble());
        }
        return new Dataset(x, y);
    }

    private static Dataset twoFeatures(int counts, long seed, Region region) {
        check(counts);
        Random random = new Random(seed);
        float[][] x = new float[counts][2];
        float[][] y = new float[counts][1];
        for (int i = 0; i < counts; i++) {
            double x1 = random.nextDouble() * 2;
            double x2 = random.nextDouble() * 2;
            x[i][0] = (float) x1;
            x[i][1] = (float) x2;
            y[i][0] = region.contains(x1, x2) ? 1 : 0;
        }
        return new Dataset(x, y);
    }

    private static void check(int counts) {
        if (counts < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `counts`: " + counts + ". Expected an integer >= 1.");
        }
    }
}
