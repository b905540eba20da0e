package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras' Adamax (keras/src/optimizers/adamax.py), Adam with the infinity norm: {@code m += (g - m)(1 - b1)},
 * {@code u = max(b2 u, |g|)}, {@code w -= lr m / ((1 - b1^t)(u + eps))}. Keras' defaults: learning_rate 0.001,
 * beta_1 0.9, beta_2 0.999, epsilon 1e-7.
 */
public class Adamax extends Optimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private List<NDArray> moments = List.of();
    private List<NDArray> norms = List.of();
    private List<NDArray> builtFor = List.of();

    /** Adamax with Keras' defaults. */
    public Adamax() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adamax(learning_rate) with Keras' other defaults. */
    public Adamax(double learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    /** Adamax whose learning rate follows a schedule. */
    public Adamax(LearningRateSchedule learningRate) {
        this(DEFAULT_LEARNING_RATE);
        schedule(learningRate);
    }

    /** Adamax with every constant given. */
    public Adamax(double learningRate, double beta1, double beta2, double epsilon) {
        super("adamax", learningRate);
        Adam.requireInUnitInterval("beta_1", beta1);
        Adam.requireInUnitInterval("beta_2", beta2);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Invalid value for argument `epsilon`: " + epsilon
                    + ". Expected a finite number > 0.");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public void build(List<NDArray> variables, NDManager owner) {
        List<NDArray> m = new ArrayList<>();
        List<NDArray> u = new ArrayList<>();
        for (NDArray v : variables) {
            m.add(owner.zeros(v.getShape(), v.getDataType()));
            u.add(owner.zeros(v.getShape(), v.getDataType()));
        }
        moments = m;
        norms = u;
        builtFor = List.copyOf(variables);
    }

    @Override
    public boolean isBuiltFor(List<NDArray> variables) {
        return sameArrays(builtFor, variables);
    }

    /** Keras 3's order: for each variable its momentum, then its norm. */
    @Override
    public List<NDArray> slots() {
        List<NDArray> s = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            s.add(moments.get(i));
            s.add(norms.get(i));
        }
        return s;
    }

    @Override
    protected void update(int index, NDArray variable, NDArray gradient) {
        double beta1Power = Math.pow((float) beta1, iterations());
        NDArray m = moments.get(index);
        NDArray u = norms.get(index);
        m.addi(gradient.sub(m).muli((float) (1 - beta1)));
        NDArray decayed = u.mul((float) beta2).maximum(gradient.abs());
        u.muli(0).addi(decayed);
        variable.subi(m.mul((float) stepLearningRate()).divi(u.add((float) epsilon).muli((float) (1 - beta1Power))));
    }

    @Override
    public String toString() {
        return "Adamax(learning_rate=" + rateText() + ", beta_1=" + beta1 + ", beta_2=" + beta2 + ", epsilon="
                + epsilon + commonText() + ")";
    }
}
