package io.github.kerasdjl.callbacks;

import java.io.PrintStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras' ReduceLROnPlateau (keras/src/callbacks/reduce_lr_on_plateau.py): multiplies the learning rate by
 * {@code factor} when {@code monitor} has not improved by more than {@code minDelta} for {@code patience} epochs,
 * never below {@code minLr}, then waits {@code cooldown} epochs before counting again. As Keras, at the end of every
 * epoch it first puts the rate into the logs as {@code learning_rate} (the optimizer's float32 rate); a rate already
 * at or below {@code minLr} (as float32) is left alone. A monitored key the logs lack is warned about once per fit.
 */
public final class ReduceLROnPlateau implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(ReduceLROnPlateau.class);

    private final Monitor monitor;
    private final double factor;
    private final int patience;
    private final int verbose;
    private final int cooldown;
    private final double minLr;
    private final PrintStream out;
    private ModelView model;
    private Double best;
    private int wait;
    private int cooldownCounter;

    /** Keras' defaults: monitor val_loss, factor 0.1, patience 10, mode auto, min_delta 1e-4, cooldown 0, min_lr 0. */
    public ReduceLROnPlateau() {
        this("val_loss", 0.1, 10, 0, "auto", 1e-4, 0, 0.0);
    }

    /** Keras' defaults but for {@code monitor}, {@code factor} and {@code patience}. */
    public ReduceLROnPlateau(String monitor, double factor, int patience) {
        this(monitor, factor, patience, 0, "auto", 1e-4, 0, 0.0);
    }

    /**
     * Keras' ReduceLROnPlateau with every argument, in Keras' order; messages go to standard output.
     *
     * @param monitor the log key to watch
     * @param factor the rate is multiplied by it: in [0, 1)
     * @param patience epochs without improvement before reducing (>= 0)
     * @param verbose 0 quiet, 1 prints each reduction
     * @param mode {@code "auto"}, {@code "min"} or {@code "max"}
     * @param minDelta the smallest change that counts as an improvement
     * @param cooldown epochs after a reduction before counting again (>= 0)
     * @param minLr the lowest rate (>= 0)
     */
    public ReduceLROnPlateau(String monitor, double factor, int patience, int verbose, String mode, double minDelta,
            int cooldown, double minLr) {
        this(monitor, factor, patience, verbose, mode, minDelta, cooldown, minLr, System.out);
    }

    /** As the full constructor, printing to {@code out}. */
    public ReduceLROnPlateau(String monitor, double factor, int patience, int verbose, String mode, double minDelta,
            int cooldown, double minLr, PrintStream out) {
        this.monitor = new Monitor("ReduceLROnPlateau", monitor, mode, minDelta);
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `factor`: " + factor
                    + ". Expected a number in [0, 1): ReduceLROnPlateau does not support a factor >= 1.0.");
        }
        if (patience < 0) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `patience`: " + patience + ". Expected an integer >= 0.");
        }
        if (verbose < 0) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `verbose`: " + verbose + ". Expected 0 (quiet) or 1.");
        }
        if (cooldown < 0) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `cooldown`: " + cooldown + ". Expected an integer >= 0.");
        }
        if (!(minLr >= 0) || Double.isInfinite(minLr)) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `min_lr`: " + minLr + ". Expected a finite number >= 0.");
        }
        if (out == null) {
            throw new IllegalArgumentException("Invalid value for argument `out`: null. Expected a PrintStream.");
        }
        this.factor = factor;
        this.patience = patience;
        this.verbose = verbose;
        this.cooldown = cooldown;
        this.minLr = minLr;
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
        this.cooldownCounter = 0;
        this.wait = 0;
        monitor.reset();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        monitor.resolve(logs.keySet());
        logs.put("learning_rate", (double) (float) model.learningRate());
        Double current = monitor.value(logs, LOG, "Learning rate reduction is conditioned on metric `"
                + monitor.key() + "` which is not available.", ".");
        if (current == null) {
            return;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.isImprovement(current, best)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter <= 0) {
            wait++;
            if (wait >= patience && reduce(epoch)) {
                cooldownCounter = cooldown;
                wait = 0;
            }
        }
    }

    private boolean reduce(int epoch) {
        double old = (float) model.learningRate();
        if (!(old > (float) minLr)) {
            return false;
        }
        double rate = Math.max(old * factor, minLr);
        model.setLearningRate(rate);
        if (verbose > 0) {
            out.println("\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to "
                    + PythonFloats.repr(rate) + ".");
        }
        return true;
    }

    /** Whether the last epoch left it in its cooldown. */
    public boolean inCooldown() {
        return cooldownCounter > 0;
    }
}
