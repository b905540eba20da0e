package io.github.kerasdjl.callbacks;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras 3's EarlyStopping (keras/src/callbacks/early_stopping.py): stops {@code fit} (normally, no exception) when
 * {@code monitor} has not improved by more than {@code minDelta} for {@code patience} epochs, counting from
 * {@code startFromEpoch}. As Keras 3: each monitored epoch adds one to the wait, an improvement on the best so far
 * resets it only when it also beats {@code baseline} (when given), training stops when the wait reaches
 * {@code patience} on an epoch that did not improve (never at epoch 0), and with {@code restoreBestWeights} the best
 * epoch's weights (or the first monitored epoch's, when none improved) are put back at the end of training, whether
 * it stopped early or not. A monitored key the logs lack is warned about once per fit and the epoch is skipped.
 */
public final class EarlyStopping implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

    private final Monitor monitor;
    private final int patience;
    private final int verbose;
    private final Double baseline;
    private final boolean restoreBestWeights;
    private final int startFromEpoch;
    private final PrintStream out;
    private ModelView model;
    private Double best;
    private int wait;
    private int stoppedEpoch;
    private int bestEpoch;
    private List<float[]> bestWeights;

    /** Monitors {@code val_loss}, patience 0, as Keras' defaults. */
    public EarlyStopping() {
        this("val_loss", 0, 0, false);
    }

    /**
     * Keras' {@code EarlyStopping(monitor, min_delta, patience, restore_best_weights=...)}, mode auto.
     *
     * @param monitor the log key to watch
     * @param minDelta the smallest change that counts as an improvement
     * @param patience epochs without improvement before stopping
     * @param restoreBestWeights whether to put back the best epoch's weights at the end of training
     */
    public EarlyStopping(String monitor, double minDelta, int patience, boolean restoreBestWeights) {
        this(monitor, minDelta, patience, 0, "auto", null, restoreBestWeights, 0);
    }

    /**
     * Keras' EarlyStopping with every argument, in Keras' order; messages go to standard output.
     *
     * @param monitor the log key to watch ({@code "val_loss"} by default in Keras)
     * @param minDelta the smallest change that counts as an improvement (its absolute value)
     * @param patience epochs without improvement before stopping (>= 0)
     * @param verbose 0 silent, 1 prints when it stops and when it restores weights
     * @param mode {@code "auto"}, {@code "min"} or {@code "max"}
     * @param baseline a value the monitored quantity must beat, or null
     * @param restoreBestWeights whether to put back the best epoch's weights at the end of training
     * @param startFromEpoch epochs to wait before monitoring (>= 0)
     */
    public EarlyStopping(String monitor, double minDelta, int patience, int verbose, String mode, Double baseline,
            boolean restoreBestWeights, int startFromEpoch) {
        this(monitor, minDelta, patience, verbose, mode, baseline, restoreBestWeights, startFromEpoch, System.out);
    }

    /** As the full constructor, printing to {@code out}. */
    public EarlyStopping(String monitor, double minDelta, int patience, int verbose, String mode, Double baseline,
            boolean restoreBestWeights, int startFromEpoch, PrintStream out) {
        this.monitor = new Monitor("EarlyStopping", monitor, mode, minDelta);
        if (patience < 0) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `patience`: " + patience + ". Expected an integer >= 0.");
        }
        if (verbose < 0 || verbose > 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `verbose`: " + verbose + ". Expected 0 or 1.");
        }
        if (baseline != null && !Double.isFinite(baseline)) {
            throw new IllegalArgumentException("Invalid value for argument `baseline`: " + baseline
                    + ". Expected a finite number, or null for none.");
        }
        if (startFromEpoch < 0) {
            throw new IllegalArgumentException("Invalid value for argument `start_from_epoch`: " + startFromEpoch
                    + ". Expected an integer >= 0.");
        }
        if (out == null) {
            throw new IllegalArgumentException("Invalid value for argument `out`: null. Expected a PrintStream.");
        }
        this.patience = patience;
        this.verbose = verbose;
        this.baseline = baseline;
        this.restoreBestWeights = restoreBestWeights;
        this.startFromEpoch = startFromEpoch;
        this.out = out;
    }

    @Override
    public void checkLogKeys(java.util.Set<String> epochLogKeys) {
        checkLogKeys(epochLogKeys, Map.of());
    }

    /**
     * In mode auto, the monitored key must be the loss or a metric whose direction is known (as Keras): the
     * metric's own ({@code maximize}), else Keras' for its name.
     */
    @Override
    public void checkLogKeys(java.util.Set<String> epochLogKeys, Map<String, Boolean> maximize) {
        monitor.resolve(epochLogKeys, maximize);
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        this.model = model;
        this.best = null;
        this.wait = 0;
        this.stoppedEpoch = 0;
        this.bestEpoch = 0;
        this.bestWeights = null;
        monitor.reset();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        monitor.resolve(logs.keySet());
        Double current = monitor.value(logs, LOG, "Early stopping conditioned on metric `" + monitor.key()
                + "` which is not available.", "");
        if (current == null || epoch < startFromEpoch) {
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model.getWeights();
            bestEpoch = epoch;
        }
        wait++;
        if (monitor.isImprovement(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) {
                bestWeights = model.getWeights();
            }
            if (baseline == null || monitor.isImprovement(current, baseline)) {
                wait = 0;
            }
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model.stopTraining();
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (stoppedEpoch > 0 && verbose > 0) {
            out.println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
        }
        if (restoreBestWeights && bestWeights != null) {
            if (verbose > 0) {
                out.println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
            }
            model.setWeights(bestWeights);
        }
    }

    /** The epoch (counting from 0) at which training was stopped, or -1 when it was not (Keras keeps 0). */
    public int stoppedEpoch() {
        return stoppedEpoch > 0 ? stoppedEpoch : -1;
    }

    /** The epoch (counting from 0) whose value was the best (Keras' {@code best_epoch}). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value seen, or NaN before any. */
    public double best() {
        return best == null ? Double.NaN : best;
    }
}
