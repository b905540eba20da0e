package io.github.kerasdjl.optimizers;

/**
 * Keras' AdamW (keras/src/optimizers/adamw.py): Adam with decoupled weight decay, {@code w -= w * weight_decay * lr}
 * before each Adam update (Keras' common {@code weight_decay}, applied to every variable). Keras' defaults:
 * learning_rate 0.001, weight_decay 0.004, beta_1 0.9, beta_2 0.999, epsilon 1e-7.
 */
public class AdamW extends Adam {

    /** Keras' default weight decay. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.004;

    /** AdamW with Keras' defaults. */
    public AdamW() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_WEIGHT_DECAY);
    }

    /** AdamW(learning_rate) with Keras' other defaults. */
    public AdamW(double learningRate) {
        this(learningRate, DEFAULT_WEIGHT_DECAY);
    }

    /** AdamW(learning_rate, weight_decay) with Keras' other defaults. */
    public AdamW(double learningRate, double weightDecay) {
        this(learningRate, weightDecay, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    /** AdamW whose learning rate follows a schedule. */
    public AdamW(LearningRateSchedule learningRate, double weightDecay) {
        this(DEFAULT_LEARNING_RATE, weightDecay);
        schedule(learningRate);
    }

    /** AdamW with every constant given. */
    public AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon) {
        super("adamw", learningRate, beta1, beta2, epsilon);
        weightDecay(weightDecay);
    }

    @Override
    String className() {
        return "AdamW";
    }
}
