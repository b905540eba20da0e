package io.github.kerasdjl.metrics;

/**
 * Keras' {@code Recall}: {@code tp / (tp + fn)} over everything seen since the reset (0 when there was no positive
 * target, Keras' {@code divide_no_nan}). Its Keras name is {@code recall}.
 */
public final class Recall extends PrecisionRecall<Recall> {

    public Recall() {
        super("recall");
    }

    @Override
    double valueAt(int i) {
        Confusion c = counts();
        return divideNoNan(c.tp[i], c.tp[i] + c.fn[i]);
    }

    @Override
    public String kerasClassName() {
        return "Recall";
    }
}
