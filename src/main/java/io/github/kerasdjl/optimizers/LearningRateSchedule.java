package io.github.kerasdjl.optimizers;

import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * Keras' {@code keras.optimizers.schedules.LearningRateSchedule}: the learning rate as a function of the optimizer's
 * step count, accepted wherever a learning rate is ({@code new SGD(schedule)}, {@code Adam(schedule)}, ...). As in
 * Keras, step {@code t} is the number of updates already applied ({@code optimizer.iterations}): the first update
 * uses {@code at(0)}. The schedules Keras ships are in {@link LearningRateSchedules}.
 *
 * <p>A schedule is also a DJL {@link Tracker} ({@code getNewValue(n)} is {@code at(n)}), so it can drive DJL's own
 * optimizers. DJL's trackers (0.36) are not reused underneath because their semantics differ from Keras':
 * {@code FactorTracker} multiplies by its factor at every update ({@code base * factor^n}, no {@code decay_steps},
 * no staircase) and holds after {@code maxUpdates}; {@code PolynomialDecayTracker} has no {@code cycle};
 * {@code WarmUpTracker} warms up from its own begin value into another tracker rather than into a cosine decay's
 * target, and there is no inverse-time or piecewise-constant tracker. {@code CosineTracker} gives Keras'
 * {@code CosineDecay} without warm-up (final value {@code alpha * initial}; {@code LearningRateSchedulesTest}
 * checks it). Besides, DJL's optimizers count updates from 1 ({@code updateCount}) where Keras' schedules get the
 * step count from 0, so a DJL tracker would run one step ahead.
 */
public abstract class LearningRateSchedule implements Tracker {

    /** Keras' class name, as its config names it ({@code ExponentialDecay}). */
    public abstract String className();

    /** The learning rate for the update that follows {@code step} applied ones (step 0 is the first update). */
    public abstract double at(long step);

    /**
     * Keras' {@code get_config()}: argument names and values (numbers, booleans, lists, null), in Keras' order; a
     * {@code .keras} file stores it. A custom schedule that cannot be saved throws {@link UnsupportedOperationException}.
     */
    public abstract Map<String, Object> config();

    @Override
    public float getNewValue(int numUpdate) {
        return (float) at(numUpdate);
    }

    /** A schedule of the caller's own (like a Keras subclass); it trains but cannot be saved in a .keras file. */
    public static LearningRateSchedule of(String name, LongToDoubleFunction rate) {
        if (rate == null) {
            throw new IllegalArgumentException("Invalid value for argument `rate`: null. Expected a function of the"
                    + " step count.");
        }
        return new LearningRateSchedule() {
            @Override
            public String className() {
                return name;
            }

            @Override
            public double at(long step) {
                return rate.applyAsDouble(step);
            }

            @Override
            public Map<String, Object> config() {
                throw new UnsupportedOperationException("The learning-rate schedule '" + name + "' is the program's"
                        + " own function and has no Keras config; a .keras file cannot hold it. Use one of "
                        + LearningRateSchedules.NAMES + ".");
            }
        };
    }

    @Override
    public String toString() {
        try {
            return className() + config();
        } catch (UnsupportedOperationException e) {
            return className();
        }
    }

    /** Keras' check of an argument that must be a finite number >= 0. */
    static double nonNegative(String argument, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + value
                    + ". Expected a finite number >= 0.");
        }
        return value;
    }

    /** Keras' check of {@code decay_steps}. */
    static long positiveSteps(String argument, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + value
                    + ". Expected an integer > 0.");
        }
        return value;
    }
}
