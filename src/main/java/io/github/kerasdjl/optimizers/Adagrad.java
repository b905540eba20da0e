package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras' Adagrad (keras/src/optimizers/adagrad.py): {@code acc += g^2}, {@code w -= lr g / sqrt(acc + eps)}, the
 * accumulators starting at {@code initial_accumulator_value}. Keras' defaults: learning_rate 0.001, initial
 * accumulator 0.1, epsilon 1e-7.
 */
public class Adagrad extends Optimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double initialAccumulatorValue;
    private final double epsilon;
    private List<NDArray> accumulators = List.of();
    private List<NDArray> builtFor = List.of();

    /** Adagrad with Keras' defaults. */
    public Adagrad() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adagrad with Keras' defaults but the learning rate. */
    public Adagrad(double learningRate) {
        this(learningRate, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPSILON);
    }

    /** Adagrad whose learning rate follows a schedule, with Keras' other defaults. */
    public Adagrad(LearningRateSchedule learningRate) {
        this(DEFAULT_LEARNING_RATE);
        schedule(learningRate);
    }

    /** Adagrad with every argument given. */
    public Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
        super("adagrad", learningRate);
        if (!(initialAccumulatorValue >= 0) || Double.isInfinite(initialAccumulatorValue)) {
            throw new IllegalArgumentException("Invalid value for argument `initial_accumulator_value`: "
                    + initialAccumulatorValue + ". Expected a finite number >= 0.");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Invalid value for argument `epsilon`: " + epsilon
                    + ". Expected a finite number > 0.");
        }
        this.initialAccumulatorValue = initialAccumulatorValue;
        this.epsilon = epsilon;
    }

    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public void build(List<NDArray> variables, NDManager owner) {
        List<NDArray> a = new ArrayList<>();
        for (NDArray v : variables) {
            NDArray acc = owner.zeros(v.getShape(), v.getDataType());
            acc.addi((float) initialAccumulatorValue);
            a.add(acc);
        }
        accumulators = a;
        builtFor = List.copyOf(variables);
    }

    @Override
    public boolean isBuiltFor(List<NDArray> variables) {
        return sameArrays(builtFor, variables);
    }

    @Override
    public List<NDArray> slots() {
        return accumulators;
    }

    @Override
    protected void update(int index, NDArray variable, NDArray gradient) {
        NDArray acc = accumulators.get(index);
        acc.addi(gradient.square());
        variable.subi(gradient.mul((float) stepLearningRate()).divi(acc.add((float) epsilon).sqrt()));
    }

    @Override
    public String toString() {
        return "Adagrad(learning_rate=" + rateText() + ", initial_accumulator_value=" + initialAccumulatorValue
                + ", epsilon=" + epsilon + commonText() + ")";
    }
}
