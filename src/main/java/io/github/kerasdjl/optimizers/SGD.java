package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras' SGD: {@code w -= lr * g}; with momentum m, {@code v = m * v - lr * g} then {@code w += v}, or with
 * Nesterov {@code w += m * v - lr * g}. Keras' defaults: learning_rate 0.01, momentum 0, nesterov false.
 */
public class SGD extends Optimizer {

    /** Keras' default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private final double momentum;
    private final boolean nesterov;
    private List<NDArray> velocities = List.of();
    private List<NDArray> builtFor = List.of();
    private NDArray lr;
    /** The value {@code lr} holds. */
    private float lrValue;
    private NDArray m;

    /** SGD with Keras' defaults. */
    public SGD() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Plain SGD. */
    public SGD(double learningRate) {
        this(learningRate, 0, false);
    }

    /** Plain SGD whose learning rate follows a schedule. */
    public SGD(LearningRateSchedule learningRate) {
        this(learningRate, 0, false);
    }

    /** SGD whose learning rate follows a schedule, with momentum and optionally Nesterov momentum. */
    public SGD(LearningRateSchedule learningRate, double momentum, boolean nesterov) {
        this(DEFAULT_LEARNING_RATE, momentum, nesterov);
        schedule(learningRate);
    }

    /** SGD with momentum (0 to 1) and optionally Nesterov momentum. */
    public SGD(double learningRate, double momentum, boolean nesterov) {
        super("sgd", learningRate);
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `momentum`: " + momentum + ". Expected a number in [0, 1].");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    /** The momentum. */
    public double momentum() {
        return momentum;
    }

    /** Whether Nesterov momentum is used. */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    public void build(List<NDArray> variables, NDManager owner) {
        List<NDArray> v = new ArrayList<>();
        if (momentum != 0) {
            for (NDArray variable : variables) {
                v.add(owner.zeros(variable.getShape(), variable.getDataType()));
            }
        }
        velocities = v;
        builtFor = List.copyOf(variables);
        // Constants made once: an op with a Java scalar makes a new engine scalar each time, which costs more
        // than the op itself on small tensors.
        lrValue = (float) learningRate();
        lr = owner.create(lrValue);
        m = owner.create((float) momentum);
    }

    @Override
    public List<NDArray> slots() {
        return velocities;
    }

    @Override
    public double plainStepRate() {
        return momentum == 0 && !transformsGradients() ? learningRate() : Double.NaN;
    }

    @Override
    public boolean isBuiltFor(List<NDArray> variables) {
        return sameArrays(builtFor, variables);
    }

    @Override
    protected void update(int index, NDArray variable, NDArray gradient) {
        float current = (float) stepLearningRate();
        if (current != lrValue) { // set between steps (ReduceLROnPlateau): the constant changes in place
            lr.set(new float[] {current});
            lrValue = current;
        }
        if (momentum == 0) {
            variable.subi(gradient.mul(lr));
            return;
        }
        NDArray v = velocities.get(index);
        v.muli(m).subi(gradient.mul(lr));
        if (nesterov) {
            variable.addi(v.mul(m).subi(gradient.mul(lr)));
        } else {
            variable.addi(v);
        }
    }

    @Override
    public String toString() {
        return "SGD(learning_rate=" + rateText() + ", momentum=" + momentum + ", nesterov=" + nesterov + commonText()
                + ")";
    }
}
