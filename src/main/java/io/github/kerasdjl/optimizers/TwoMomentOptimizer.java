package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * What Keras' Adam, AdamW, Adamax and Nadam share: {@code beta_1}, {@code beta_2} and {@code epsilon}, and two slots
 * per variable, a first moment and a second statistic (Adam's and Nadam's velocity, Adamax's infinity norm), listed
 * per variable in Keras 3's order (the momentum, then the other, of the first variable, then of the second, ...).
 */
public abstract class TwoMomentOptimizer extends Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private List<NDArray> moments = List.of();
    private List<NDArray> seconds = List.of();
    private List<NDArray> builtFor = List.of();

    protected TwoMomentOptimizer(String name, double learningRate, double beta1, double beta2, double epsilon) {
        super(name, learningRate);
        requireInUnitInterval("beta_1", beta1);
        requireInUnitInterval("beta_2", beta2);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Invalid value for argument `epsilon`: " + epsilon
                    + ". Expected a finite number > 0.");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    private static void requireInUnitInterval(String argument, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `" + argument + "`: " + value + ". Expected a number in [0, 1).");
        }
    }

    /** beta_1, the decay of the first moment. */
    public double beta1() {
        return beta1;
    }

    /** beta_2, the decay of the second statistic. */
    public double beta2() {
        return beta2;
    }

    /** epsilon. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public void build(List<NDArray> variables, NDManager owner) {
        List<NDArray> m = new ArrayList<>();
        List<NDArray> s = new ArrayList<>();
        for (NDArray v : variables) {
            m.add(owner.zeros(v.getShape(), v.getDataType()));
            s.add(owner.zeros(v.getShape(), v.getDataType()));
        }
        moments = m;
        seconds = s;
        builtFor = List.copyOf(variables);
    }

    @Override
    public boolean isBuiltFor(List<NDArray> variables) {
        return sameArrays(builtFor, variables);
    }

    /** Keras 3's order: for each variable its momentum, then its second statistic. */
    @Override
    public List<NDArray> slots() {
        List<NDArray> s = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            s.add(moments.get(i));
            s.add(seconds.get(i));
        }
        return s;
    }

    /** Variable {@code index}'s first moment. */
    protected final NDArray moment(int index) {
        return moments.get(index);
    }

    /** Variable {@code index}'s second statistic. */
    protected final NDArray second(int index) {
        return seconds.get(index);
    }

    /** The Keras class name toString shows. */
    abstract String className();

    @Override
    public String toString() {
        return className() + "(learning_rate=" + rateText() + ", beta_1=" + beta1 + ", beta_2=" + beta2
                + ", epsilon=" + epsilon + commonText() + ")";
    }
}
