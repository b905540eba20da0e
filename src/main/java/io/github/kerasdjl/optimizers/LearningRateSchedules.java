package io.github.kerasdjl.optimizers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learning-rate schedules Keras 3 ships ({@code keras/src/optimizers/schedules/learning_rate_schedule.py}), with
 * Keras' arguments, defaults and formulas. Keras computes them in float32 from float32 constants; these take the
 * constants to float32 the same way, compute in double and round the result to float32, which agrees with Keras to
 * the last bit or two.
 */
public final class LearningRateSchedules {

    /** Keras' class names of the schedules here. */
    public static final List<String> NAMES = List.of("ExponentialDecay", "PiecewiseConstantDecay", "InverseTimeDecay",
            "PolynomialDecay", "CosineDecay");

    private LearningRateSchedules() {
    }

    private static double f32(double v) {
        return (float) v;
    }

    /**
     * A schedule from its Keras class name and config, as a {@code .keras} file stores it.
     *
     * @throws IllegalArgumentException for a class this library does not have, naming those it has
     */
    public static LearningRateSchedule fromConfig(String className, Map<String, Object> c) {
        return switch (className) {
            case "ExponentialDecay" -> new ExponentialDecay(num(c, "initial_learning_rate"),
                    steps(c, "decay_steps"), num(c, "decay_rate"), bool(c, "staircase"));
            case "InverseTimeDecay" -> new InverseTimeDecay(num(c, "initial_learning_rate"),
                    steps(c, "decay_steps"), num(c, "decay_rate"), bool(c, "staircase"));
            case "PiecewiseConstantDecay" -> {
                List<?> b = list(c, "boundaries");
                List<?> v = list(c, "values");
                long[] boundaries = new long[b.size()];
                for (int i = 0; i < boundaries.length; i++) {
                    boundaries[i] = whole("boundaries", b.get(i));
                }
                double[] values = new double[v.size()];
                for (int i = 0; i < values.length; i++) {
                    if (!(v.get(i) instanceof Number n)) {
                        throw new IllegalArgumentException("Invalid value for argument `values` of a learning-rate"
                                + " schedule: " + v + ". Expected a list of numbers.");
                    }
                    values[i] = n.doubleValue();
                }
                yield new PiecewiseConstantDecay(boundaries, values);
            }
            case "PolynomialDecay" -> new PolynomialDecay(num(c, "initial_learning_rate"),
                    steps(c, "decay_steps"), c.containsKey("end_learning_rate") ? num(c, "end_learning_rate")
                            : PolynomialDecay.DEFAULT_END_LEARNING_RATE,
                    c.containsKey("power") ? num(c, "power") : 1.0, bool(c, "cycle"));
            case "CosineDecay" -> new CosineDecay(num(c, "initial_learning_rate"), steps(c, "decay_steps"),
                    c.containsKey("alpha") ? num(c, "alpha") : 0.0,
                    c.get("warmup_target") == null ? null : num(c, "warmup_target"),
                    c.containsKey("warmup_steps") ? steps(c, "warmup_steps") : 0);
            default -> throw new IllegalArgumentException("Invalid value for argument `learning_rate`: the schedule '"
                    + className + "'. Valid schedules: " + NAMES + ".");
        };
    }

    private static double num(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("Invalid value for argument `" + key + "` of a learning-rate schedule: "
                    + v + ". Expected a number.");
        }
        return n.doubleValue();
    }

    private static long steps(Map<String, Object> c, String key) {
        return whole(key, c.get(key));
    }

    /** A step count: a whole number (a config read from JSON holds it as a double). */
    private static long whole(String key, Object v) {
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Double.isInfinite(n.doubleValue())) {
            throw new IllegalArgumentException("Invalid value for argument `" + key + "` of a learning-rate schedule: "
                    + v + ". Expected a whole number of steps.");
        }
        return n.longValue();
    }

    private static List<?> list(Map<String, Object> c, String key) {
        if (!(c.get(key) instanceof List<?> l)) {
            throw new IllegalArgumentException("Invalid value for argument `" + key + "` of a learning-rate schedule: "
                    + c.get(key) + ". Expected a list.");
        }
        return l;
    }

    private static boolean bool(Map<String, Object> c, String key) {
        return Boolean.TRUE.equals(c.get(key));
    }

    /**
     * What ExponentialDecay and InverseTimeDecay share: {@code initial_learning_rate}, {@code decay_steps},
     * {@code decay_rate}, {@code staircase}, and the ratio {@code p = step / decay_steps} (floored when staircase)
     * their formulas take.
     */
    abstract static class TimeDecay extends LearningRateSchedule {
        final double initialLearningRate;
        final long decaySteps;
        final double decayRate;
        final boolean staircase;

        TimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
            this.initialLearningRate = nonNegative("initial_learning_rate", initialLearningRate);
            this.decaySteps = positiveSteps("decay_steps", decaySteps);
            this.decayRate = nonNegative("decay_rate", decayRate);
            this.staircase = staircase;
        }

        /** The rate for {@code p}, the constants in float32. */
        abstract double rate(double p);

        @Override
        public double at(long step) {
            double p = f32((double) step / decaySteps);
            return rate(staircase ? Math.floor(p) : p);
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("initial_learning_rate", initialLearningRate);
            c.put("decay_steps", decaySteps);
            c.put("decay_rate", decayRate);
            c.put("staircase", staircase);
            c.put("name", className());
            return c;
        }
    }

    /** {@code initial_learning_rate * decay_rate ^ (step / decay_steps)}, the exponent floored when staircase. */
    public static final class ExponentialDecay extends TimeDecay {
        public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
            this(initialLearningRate, decaySteps, decayRate, false);
        }

        public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
            super(initialLearningRate, decaySteps, decayRate, staircase);
        }

        @Override
        public String className() {
            return "ExponentialDecay";
        }

        @Override
        double rate(double p) {
            return f32(f32(initialLearningRate) * f32(Math.pow(f32(decayRate), p)));
        }
    }

    /**
     * {@code values[0]} while {@code step <= boundaries[0]}, {@code values[i]} while
     * {@code boundaries[i-1] < step <= boundaries[i]}, the last value after the last boundary.
     */
    public static final class PiecewiseConstantDecay extends LearningRateSchedule {
        private final long[] boundaries;
        private final double[] values;

        public PiecewiseConstantDecay(long[] boundaries, double[] values) {
            if (boundaries == null || values == null) {
                throw new IllegalArgumentException("Invalid value for argument `" + (boundaries == null ? "boundaries"
                        : "values") + "`: null. Expected a list of numbers.");
            }
            if (boundaries.length != values.length - 1) {
                throw new IllegalArgumentException("Invalid value for argument `values`: " + Arrays.toString(values)
                        + " (" + values.length + " values) with boundaries " + Arrays.toString(boundaries) + " ("
                        + boundaries.length + "). Expected one value more than there are boundaries.");
            }
            for (int i = 1; i < boundaries.length; i++) {
                if (boundaries[i] <= boundaries[i - 1]) {
                    throw new IllegalArgumentException("Invalid value for argument `boundaries`: "
                            + Arrays.toString(boundaries) + ". Expected strictly increasing steps.");
                }
            }
            for (double v : values) {
                nonNegative("values", v);
            }
            this.boundaries = boundaries.clone();
            this.values = values.clone();
        }

        @Override
        public String className() {
            return "PiecewiseConstantDecay";
        }

        @Override
        public double at(long step) {
            for (int i = 0; i < boundaries.length; i++) {
                if (step <= boundaries[i]) {
                    return f32(values[i]);
                }
            }
            return f32(values[values.length - 1]);
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("boundaries", Arrays.stream(boundaries).boxed().toList());
            c.put("values", Arrays.stream(values).boxed().toList());
            c.put("name", "PiecewiseConstant");
            return c;
        }
    }

    /** {@code initial_learning_rate / (1 + decay_rate * step / decay_steps)}, the ratio floored when staircase. */
    public static final class InverseTimeDecay extends TimeDecay {
        public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
            this(initialLearningRate, decaySteps, decayRate, false);
        }

        public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
            super(initialLearningRate, decaySteps, decayRate, staircase);
        }

        @Override
        public String className() {
            return "InverseTimeDecay";
        }

        @Override
        double rate(double p) {
            return f32(f32(initialLearningRate) / f32(1 + f32(f32(decayRate) * p)));
        }
    }

    /**
     * {@code (initial - end) * (1 - min(step, decay_steps) / decay_steps) ^ power + end}; with {@code cycle}, the
     * decay restarts with {@code decay_steps} times {@code ceil(step / decay_steps)}. Keras' defaults: end 1e-4,
     * power 1, no cycle.
     */
    public static final class PolynomialDecay extends LearningRateSchedule {
        public static final double DEFAULT_END_LEARNING_RATE = 0.0001;
        private final double initialLearningRate;
        private final long decaySteps;
        private final double endLearningRate;
        private final double power;
        private final boolean cycle;

        public PolynomialDecay(double initialLearningRate, long decaySteps) {
            this(initialLearningRate, decaySteps, DEFAULT_END_LEARNING_RATE, 1.0, false);
        }

        public PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate, double power,
                boolean cycle) {
            this.initialLearningRate = nonNegative("initial_learning_rate", initialLearningRate);
            this.decaySteps = positiveSteps("decay_steps", decaySteps);
            this.endLearningRate = nonNegative("end_learning_rate", endLearningRate);
            this.power = nonNegative("power", power);
            this.cycle = cycle;
        }

        @Override
        public String className() {
            return "PolynomialDecay";
        }

        @Override
        public double at(long step) {
            double s = step;
            double steps = decaySteps;
            if (cycle) {
                steps = steps * (step == 0 ? 1 : Math.ceil(s / decaySteps));
            } else {
                s = Math.min(s, steps);
            }
            double p = f32(s / steps);
            double init = f32(initialLearningRate);
            double end = f32(endLearningRate);
            return f32(f32(f32(init - end) * f32(Math.pow(f32(1 - p), f32(power)))) + end);
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("initial_learning_rate", initialLearningRate);
            c.put("decay_steps", decaySteps);
            c.put("end_learning_rate", endLearningRate);
            c.put("power", power);
            c.put("cycle", cycle);
            c.put("name", "PolynomialDecay");
            return c;
        }
    }

    /**
     * Cosine decay with optional linear warm-up: with a {@code warmup_target}, the rate goes linearly from
     * {@code initial_learning_rate} to the target over {@code warmup_steps}, then decays from the target as
     * {@code target * ((1 - alpha) * 0.5 * (1 + cos(pi * t / decay_steps)) + alpha)}, t counted from the end of the
     * warm-up and held at {@code decay_steps}; without one it decays from {@code initial_learning_rate}. Keras'
     * defaults: alpha 0, no warm-up.
     */
    public static final class CosineDecay extends LearningRateSchedule {
        private final double initialLearningRate;
        private final long decaySteps;
        private final double alpha;
        private final Double warmupTarget;
        private final long warmupSteps;

        public CosineDecay(double initialLearningRate, long decaySteps) {
            this(initialLearningRate, decaySteps, 0.0, null, 0);
        }

        public CosineDecay(double initialLearningRate, long decaySteps, double alpha) {
            this(initialLearningRate, decaySteps, alpha, null, 0);
        }

        /** @param warmupTarget the rate at the end of the warm-up, or null for none */
        public CosineDecay(double initialLearningRate, long decaySteps, double alpha, Double warmupTarget,
                long warmupSteps) {
            this.initialLearningRate = nonNegative("initial_learning_rate", initialLearningRate);
            this.decaySteps = positiveSteps("decay_steps", decaySteps);
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("Invalid value for argument `alpha`: " + alpha
                        + ". Expected a fraction in [0, 1].");
            }
            this.alpha = alpha;
            if (warmupTarget != null) {
                nonNegative("warmup_target", warmupTarget);
            }
            this.warmupTarget = warmupTarget;
            if (warmupSteps < 0) {
                throw new IllegalArgumentException("Invalid value for argument `warmup_steps`: " + warmupSteps
                        + ". Expected an integer >= 0.");
            }
            this.warmupSteps = warmupSteps;
        }

        @Override
        public String className() {
            return "CosineDecay";
        }

        private double decay(double step, double from) {
            double fraction = f32(step / decaySteps);
            double cosine = f32(0.5 * f32(1 + f32(Math.cos(f32(f32(Math.PI) * fraction)))));
            double decayed = f32(f32(f32(1 - f32(alpha)) * cosine) + f32(alpha));
            return f32(from * decayed);
        }

        @Override
        public double at(long step) {
            double init = f32(initialLearningRate);
            if (warmupTarget == null) {
                return decay(Math.min(step, decaySteps), init);
            }
            double target = f32(warmupTarget);
            double s = Math.min(step, decaySteps + warmupSteps);
            if (s < warmupSteps) {
                double fraction = f32(s / warmupSteps);
                return f32(f32(f32(target - init) * fraction) + init);
            }
            return decay(s - warmupSteps, target);
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("initial_learning_rate", initialLearningRate);
            c.put("decay_steps", decaySteps);
            c.put("alpha", alpha);
            c.put("name", "CosineDecay");
            c.put("warmup_target", warmupTarget);
            c.put("warmup_steps", warmupSteps);
            return c;
        }
    }
}
