package io.github.kerasdjl.metrics;

/**
 * Keras' {@code Precision}: {@code tp / (tp + fp)} over everything seen since the reset (0 when nothing was
 * predicted positive, Keras' {@code divide_no_nan}). Its Keras name is {@code precision}.
 */
public final class Precision extends PrecisionRecall<Precision> {

    public Precision() {
        super("precision");
    }

    @Override
    double valueAt(int i) {
        Confusion c = counts();
        return divideNoNan(c.tp[i], c.tp[i] + c.fp[i]);
    }

    @Override
    public String kerasClassName() {
        return "Precision";
    }
}
