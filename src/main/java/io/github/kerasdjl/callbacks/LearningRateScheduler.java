package io.github.kerasdjl.callbacks;

import java.io.PrintStream;
import java.util.Map;

/**
 * Keras' LearningRateScheduler (keras/src/callbacks/learning_rate_scheduler.py): at the beginning of every epoch it
 * asks {@code schedule} for the learning rate, given the epoch (counting from 0) and the current rate, and sets it on
 * the optimizer; at the end of every epoch it puts the rate into the logs as {@code learning_rate}, so that
 * {@code History}, {@code CSVLogger} and the progress bar (which come after the user's callbacks, as in Keras) see it.
 * As Keras' optimizer keeps its rate in a float32 variable, the rate given to the schedule and written to the logs is
 * the optimizer's rate rounded to float32.
 */
public final class LearningRateScheduler implements Callback {

    /** Keras' {@code schedule(epoch, lr)}. */
    @FunctionalInterface
    public interface Schedule {
        /**
         * @param epoch the epoch about to run, counting from 0
         * @param learningRate the optimizer's current rate
         * @return the rate for this epoch: a finite number >= 0
         */
        double apply(int epoch, double learningRate);
    }

    private final Schedule schedule;
    private final int verbose;
    private final PrintStream out;
    private ModelView model;

    /** Quiet (Keras' verbose 0). */
    public LearningRateScheduler(Schedule schedule) {
        this(schedule, 0);
    }

    /** @param verbose 0 quiet, 1 prints each update to standard output, as Keras */
    public LearningRateScheduler(Schedule schedule, int verbose) {
        this(schedule, verbose, System.out);
    }

    /** As {@link #LearningRateScheduler(Schedule, int)}, printing to {@code out}. */
    public LearningRateScheduler(Schedule schedule, int verbose, PrintStream out) {
        if (schedule == null) {
            throw new IllegalArgumentException("Invalid value for argument `schedule`: null. Expected a function"
                    + " (epoch, learning_rate) -> learning_rate.");
        }
        if (verbose < 0) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `verbose`: " + verbose + ". Expected 0 (quiet) or 1.");
        }
        if (out == null) {
            throw new IllegalArgumentException("Invalid value for argument `out`: null. Expected a PrintStream.");
        }
        this.schedule = schedule;
        this.verbose = verbose;
        this.out = out;
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        this.model = model;
    }

    @Override
    public void onEpochBegin(int epoch) {
        double rate = schedule.apply(epoch, (float) model.learningRate());
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("Invalid value for argument `schedule`: at epoch " + epoch
                    + " it returned " + rate + ". Expected a finite learning rate >= 0.");
        }
        model.setLearningRate(rate);
        if (verbose > 0) {
            out.println("\nEpoch " + (epoch + 1) + ": LearningRateScheduler setting learning rate to "
                    + PythonFloats.repr(rate) + ".");
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("learning_rate", (double) (float) model.learningRate());
    }
}
