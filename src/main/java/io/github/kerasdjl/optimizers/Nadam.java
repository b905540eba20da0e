package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Keras' Nadam (keras/src/optimizers/nadam.py), Adam with Nesterov momentum and Dozat's momentum schedule
 * {@code u_t = b1 (1 - 0.5 * 0.96^t)}: once per step the running product {@code P *= u_t}; per variable
 * {@code m += (g - m)(1 - b1)}, {@code v += (g^2 - v)(1 - b2)},
 * {@code m_hat = u_{t+1} m / (1 - P u_{t+1}) + (1 - u_t) g / (1 - P)}, {@code v_hat = v / (1 - b2^t)},
 * {@code w -= lr m_hat / (sqrt(v_hat) + eps)}. Keras' defaults: learning_rate 0.001, beta_1 0.9, beta_2 0.999,
 * epsilon 1e-7. The running product is one number of state besides the slots ({@link #scalarState()}).
 */
public class Nadam extends TwoMomentOptimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

    /** Keras' {@code _u_product}, a float32 variable: the product of the momentum schedule so far. */
    private float uProduct = 1f;
    /** This step's constants, computed once per step in {@link #beforeUpdates()}. */
    private float momentumScale;
    private float gradientScale;
    private float velocityScale;

    /** Nadam with Keras' defaults. */
    public Nadam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Nadam(learning_rate) with Keras' other defaults. */
    public Nadam(double learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    /** Nadam whose learning rate follows a schedule. */
    public Nadam(LearningRateSchedule learningRate) {
        this(DEFAULT_LEARNING_RATE);
        schedule(learningRate);
    }

    /** Nadam with every constant given. */
    public Nadam(double learningRate, double beta1, double beta2, double epsilon) {
        super("nadam", learningRate, beta1, beta2, epsilon);
    }

    @Override
    public void build(List<NDArray> variables, NDManager owner) {
        super.build(variables, owner);
        uProduct = 1f;
    }

    /** The running product of the momentum schedule: Keras' last optimizer variable. */
    @Override
    public double[] scalarState() {
        return new double[] {uProduct};
    }

    @Override
    public void setScalarState(double[] values) {
        checkScalarState(values, 1);
        uProduct = (float) values[0];
    }

    private static float u(double beta1, long step) {
        return (float) (beta1 * (1.0 - 0.5 * Math.pow(0.96f, step)));
    }

    @Override
    protected void beforeUpdates() {
        long t = iterations(); // Keras' local_step = iterations + 1
        double beta1 = beta1();
        float uT = u(beta1, t);
        float uNext = u(beta1, t + 1);
        uProduct = uProduct * (float) beta1 * (float) (1.0 - 0.5 * Math.pow(0.96f, t));
        float uProductNext = uProduct * uNext;
        momentumScale = uNext / (1 - uProductNext);
        gradientScale = (1 - uT) / (1 - uProduct);
        velocityScale = (float) (1 / (1 - Math.pow((float) beta2(), t)));
    }

    @Override
    protected void update(int index, NDArray variable, NDArray gradient) {
        NDArray m = moment(index);
        NDArray v = second(index);
        m.addi(gradient.sub(m).muli((float) (1 - beta1())));
        v.addi(gradient.square().subi(v).muli((float) (1 - beta2())));
        NDArray mHat = m.mul(momentumScale).addi(gradient.mul(gradientScale));
        NDArray vHat = v.mul(velocityScale);
        variable.subi(mHat.muli((float) stepLearningRate()).divi(vHat.sqrt().addi((float) epsilon())));
    }

    @Override
    String className() {
        return "Nadam";
    }
}
