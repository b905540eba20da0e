package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras' Adam: {@code m += (g - m)(1 - b1)}, {@code v += (g^2 - v)(1 - b2)},
 * {@code w -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}. Keras' defaults: learning_rate 0.001,
 * beta_1 0.9, beta_2 0.999, epsilon 1e-7 (DJL's Adam uses 1e-8).
 */
public class Adam extends Optimizer {

    /** Keras' defaults. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private List<NDArray> moments = List.of();
    private List<NDArray> velocities = List.of();
    private List<NDArray> builtFor = List.of();

    /** Adam with Keras' defaults. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adam with Keras' defaults but the learning rate. */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    /** Adam whose learning rate follows a schedule, with Keras' other defaults. */
    public Adam(LearningRateSchedule learningRate) {
        this(DEFAULT_LEARNING_RATE);
        schedule(learningRate);
    }

    /** Adam with every constant given. */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this("adam", learningRate, beta1, beta2, epsilon);
    }

    /** Adam's rule under another Keras name (AdamW). */
    protected Adam(String name, double learningRate, double beta1, double beta2, double epsilon) {
        super(name, learningRate);
        requireInUnitInterval("beta_1", beta1);
        requireInUnitInterval("beta_2", beta2);
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `epsilon`: " + epsilon + ". Expected a number > 0.");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    static void requireInUnitInterval(String argument, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `" + argument + "`: " + value + ". Expected a number in [0, 1).");
        }
    }

    @Override
    public void build(List<NDArray> variables, NDManager owner) {
        List<NDArray> m = new ArrayList<>();
        List<NDArray> v = new ArrayList<>();
        for (NDArray variable : variables) {
            m.add(owner.zeros(variable.getShape(), variable.getDataType()));
            v.add(owner.zeros(variable.getShape(), variable.getDataType()));
        }
        moments = m;
        velocities = v;
        builtFor = List.copyOf(variables);
    }

    /** Keras 3's order: for each variable its momentum, then its velocity. */
    @Override
    public List<NDArray> slots() {
        List<NDArray> s = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            s.add(moments.get(i));
            s.add(velocities.get(i));
        }
        return s;
    }

    /** beta_1. */
    public double beta1() {
        return beta1;
    }

    /** beta_2. */
    public double beta2() {
        return beta2;
    }

    /** epsilon. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public boolean isBuiltFor(List<NDArray> variables) {
        return sameArrays(builtFor, variables);
    }

    @Override
    protected void update(int index, NDArray variable, NDArray gradient) {
        long t = iterations();
        double alpha = stepLearningRate() * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        NDArray m = moments.get(index);
        NDArray v = velocities.get(index);
        m.addi(gradient.sub(m).muli((float) (1 - beta1)));
        v.addi(gradient.square().subi(v).muli((float) (1 - beta2)));
        variable.subi(m.mul((float) alpha).divi(v.sqrt().addi((float) epsilon)));
    }

    @Override
    public String toString() {
        return className() + "(learning_rate=" + rateText() + ", beta_1=" + beta1 + ", beta_2=" + beta2 + ", epsilon="
                + epsilon + commonText() + ")";
    }

    /** The Keras class name toString shows. */
    String className() {
        return "Adam";
    }
}
