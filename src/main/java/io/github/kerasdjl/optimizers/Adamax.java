package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;

/**
 * Keras' Adamax (keras/src/optimizers/adamax.py), Adam with the infinity norm: {@code m += (g - m)(1 - b1)},
 * {@code u = max(b2 u, |g|)}, {@code w -= lr m / ((1 - b1^t)(u + eps))}. Keras' defaults: learning_rate 0.001,
 * beta_1 0.9, beta_2 0.999, epsilon 1e-7.
 */
public class Adamax extends TwoMomentOptimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

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
        super("adamax", learningRate, beta1, beta2, epsilon);
    }

    @Override
    protected void update(int index, NDArray variable, NDArray gradient) {
        double beta1Power = Math.pow((float) beta1(), iterations());
        NDArray m = moment(index);
        NDArray u = second(index);
        m.addi(gradient.sub(m).muli((float) (1 - beta1())));
        NDArray decayed = u.mul((float) beta2()).maximum(gradient.abs());
        u.muli(0).addi(decayed);
        variable.subi(m.mul((float) stepLearningRate()).divi(u.add((float) epsilon())
                .muli((float) (1 - beta1Power))));
    }

    @Override
    String className() {
        return "Adamax";
    }
}
