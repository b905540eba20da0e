package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;

/**
 * Keras' Adam: {@code m += (g - m)(1 - b1)}, {@code v += (g^2 - v)(1 - b2)},
 * {@code w -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}. Keras' defaults: learning_rate 0.001,
 * beta_1 0.9, beta_2 0.999, epsilon 1e-7 (DJL's Adam uses 1e-8).
 */
public class Adam extends TwoMomentOptimizer {

    /** Keras' defaults. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

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
        super(name, learningRate, beta1, beta2, epsilon);
    }

    @Override
    protected void update(int index, NDArray variable, NDArray gradient) {
        long t = iterations();
        double beta1 = beta1();
        double beta2 = beta2();
        // Keras casts the betas to float32 before the powers of the bias correction
        double alpha = stepLearningRate() * Math.sqrt(1 - Math.pow((float) beta2, t))
                / (1 - Math.pow((float) beta1, t));
        NDArray m = moment(index);
        NDArray v = second(index);
        m.addi(gradient.sub(m).muli((float) (1 - beta1)));
        v.addi(gradient.square().subi(v).muli((float) (1 - beta2)));
        variable.subi(m.mul((float) alpha).divi(v.sqrt().addi((float) epsilon())));
    }

    @Override
    String className() {
        return "Adam";
    }
}
