package io.github.kerasdjl.callbacks;

import java.util.List;
import java.util.Map;

/**
 * Keras' EarlyStopping: stops {@code fit} (normally, no exception) when {@code monitor} has not improved by more
 * than {@code minDelta} for {@code patience} epochs; optionally puts the best epoch's weights back.
 */
public final class EarlyStopping implements Callback {

    private final String monitor;
    private final double minDelta;
    private final int patience;
    private final boolean restoreBestWeights;
    private final boolean lowerIsBetter;
    private ModelView model;
    private double best;
    private int wait;
    private int stoppedEpoch = -1;
    private List<float[]> bestWeights;

    /** Monitors {@code val_loss}, patience 0, as Keras' defaults. */
    public EarlyStopping() {
        this("val_loss", 0, 0, false);
    }

    /**
     * @param monitor the log key to watch; keys with "acc" in them are maximized, others minimized (Keras' "auto")
     * @param minDelta the smallest change that counts as an improvement
     * @param patience epochs without improvement before stopping
     * @param restoreBestWeights whether to restore the best epoch's weights when stopping
     */
    public EarlyStopping(String monitor, double minDelta, int patience, boolean restoreBestWeights) {
        if (monitor == null || monitor.isBlank()) {
            throw new IllegalArgumentException("Invalid value for argument `monitor`: " + (monitor == null ? "null"
                    : "'" + monitor + "'") + ". Expected a log key such as 'val_loss', 'loss' or 'val_accuracy'.");
        }
        if (patience < 0) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `patience`: " + patience + ". Expected an integer >= 0.");
        }
        this.monitor = monitor;
        this.minDelta = Math.abs(minDelta);
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
        this.lowerIsBetter = !monitor.contains("acc");
    }

    @Override
    public void checkLogKeys(java.util.Set<String> epochLogKeys) {
        if (!epochLogKeys.contains(monitor)) {
            throw new IllegalArgumentException("Invalid value for argument `monitor`: '" + monitor
                    + "'. The epoch logs will hold " + epochLogKeys + " (val_ keys need validation data).");
        }
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        this.model = model;
        this.best = lowerIsBetter ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        this.wait = 0;
        this.stoppedEpoch = -1;
        this.bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalArgumentException("Invalid value for argument `monitor`: '" + monitor
                    + "'. The epoch logs hold " + logs.keySet() + " (val_ keys need validation data).");
        }
        boolean improved = lowerIsBetter ? value < best - minDelta : value > best + minDelta;
        if (improved) {
            best = value;
            wait = 0;
            if (restoreBestWeights) {
                bestWeights = model.getWeights();
            }
            return;
        }
        wait++;
        if (wait > patience) {
            stoppedEpoch = epoch;
            model.stopTraining();
            if (restoreBestWeights && bestWeights != null) {
                model.setWeights(bestWeights);
            }
        }
    }

    /** The epoch at which training was stopped, or -1. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The best monitored value seen. */
    public double best() {
        return best;
    }
}
