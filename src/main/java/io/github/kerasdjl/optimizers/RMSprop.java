package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras' RMSprop (keras/src/optimizers/rmsprop.py): {@code v = rho v + (1 - rho) g^2}; centered, also
 * {@code a = rho a + (1 - rho) g} and the denominator {@code v - a^2 + eps}, else {@code v + eps};
 * {@code step = lr g / sqrt(denominator)}; with momentum m, {@code s = m s + step} and {@code w -= s}, else
 * {@code w -= step}. Keras' defaults: learning_rate 0.001, rho 0.9, momentum 0, epsilon 1e-7, centered false.
 */
public class RMSprop extends Optimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final boolean centered;
    private List<NDArray> velocities = List.of();
    private List<NDArray> momentums = List.of();
    private List<NDArray> averages = List.of();
    private List<NDArray> builtFor = List.of();

    /** RMSprop with Keras' defaults. */
    public RMSprop() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** RMSprop with Keras' defaults but the learning rate. */
    public RMSprop(double learningRate) {
        this(learningRate, DEFAULT_RHO, 0, DEFAULT_EPSILON, false);
    }

    /** RMSprop whose learning rate follows a schedule, with Keras' other defaults. */
    public RMSprop(LearningRateSchedule learningRate) {
        this(DEFAULT_LEARNING_RATE);
        schedule(learningRate);
    }

    /** RMSprop with every argument given. */
    public RMSprop(double learningRate, double rho, double momentum, double epsilon, boolean centered) {
        super("rmsprop", learningRate);
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `rho`: " + rho
                    + ". Expected a number in [0, 1).");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `momentum`: " + momentum
                    + ". Expected a number in [0, 1).");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Invalid value for argument `epsilon`: " + epsilon
                    + ". Expected a finite number > 0.");
        }
        this.rho = rho;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.centered = centered;
    }

    public double rho() {
        return rho;
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    public boolean centered() {
        return centered;
    }

    @Override
    public void build(List<NDArray> variables, NDManager owner) {
        velocities = zeros(variables, owner, true);
        momentums = zeros(variables, owner, momentum > 0);
        averages = zeros(variables, owner, centered);
        builtFor = List.copyOf(variables);
    }

    private static List<NDArray> zeros(List<NDArray> variables, NDManager owner, boolean needed) {
        List<NDArray> z = new ArrayList<>();
        if (needed) {
            for (NDArray v : variables) {
                z.add(owner.zeros(v.getShape(), v.getDataType()));
            }
        }
        return z;
    }

    @Override
    public boolean isBuiltFor(List<NDArray> variables) {
        return sameArrays(builtFor, variables);
    }

    /** Keras 3's order: every velocity, then every momentum (with momentum), then every average gradient (centered). */
    @Override
    public List<NDArray> slots() {
        List<NDArray> s = new ArrayList<>(velocities);
        s.addAll(momentums);
        s.addAll(averages);
        return s;
    }

    @Override
    public boolean slotsInterleaved() {
        return false;
    }

    @Override
    protected void update(int index, NDArray variable, NDArray gradient) {
        float r = (float) rho;
        NDArray v = velocities.get(index);
        v.muli(r).addi(gradient.square().muli(1 - r));
        NDArray denominator;
        if (centered) {
            NDArray a = averages.get(index);
            a.muli(r).addi(gradient.mul(1 - r));
            denominator = v.sub(a.square()).addi((float) epsilon);
        } else {
            denominator = v.add((float) epsilon);
        }
        NDArray increment = gradient.mul((float) stepLearningRate()).divi(denominator.sqrt());
        if (momentum > 0) {
            NDArray s = momentums.get(index);
            s.muli((float) momentum).addi(increment);
            variable.subi(s);
        } else {
            variable.subi(increment);
        }
    }

    @Override
    public String toString() {
        return "RMSprop(learning_rate=" + rateText() + ", rho=" + rho + ", momentum=" + momentum + ", epsilon="
                + epsilon + ", centered=" + centered + commonText() + ")";
    }
}
