package io.github.kerasdjl.callbacks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Keras' {@code verbose} (keras/src/callbacks/progbar_logger.py and keras/src/utils/progbar.py). 1 is Keras'
 * per-step progress bar: an {@code Epoch N/E} line (when there is more than one epoch), then
 * {@code 2/3 ━━━━━━━━━━━━━━━━━━━━ 0s 5ms/step - loss: 0.6506 - accuracy: 0.7273}, the steps done of the epoch's, a bar
 * of 20, the time left of the epoch (the elapsed time once it ends), the time per step (from the second step on, as
 * Keras: the first includes warm-up), and the running loss and metrics (validation ones at the end); the values
 * as Keras prints them ({@code %.4f}, {@code %.4e} for magnitudes up to 1e-3, {@code nan}). On a terminal it
 * redraws in place with Keras' colours and carriage returns, at most every 50 ms; into a log or CI (no terminal) it
 * writes plain lines (no escape codes), sparsely: the first epoch, every tenth of the run and the last, each as its
 * {@code Epoch} line and its final line, plus a line within an epoch every 30 s when epochs are long. 2 is one line
 * per epoch: epoch, loss, metrics, elapsed time and the time left of the run.
 */
public final class ProgressLogger implements Callback {

    private static final double INTERVAL_SECONDS = 0.05;
    private static final double SPARSE_SECONDS = 30;
    private static final int BAR_WIDTH = 20;

    private final int verbose;
    private final PrintStream out;
    private final boolean terminal;
    private final DoubleSupplier clock;
    private int epochs;
    private int steps;
    private int firstEpoch = -1;
    private double start;
    private boolean printing;
    // the bar of the current epoch (Keras' Progbar)
    private double epochStart;
    private double lastUpdate;
    private double afterFirstStep = Double.NaN;
    private int prevWidth;
    private int currentEpoch;
    private boolean headerPrinted;

    /** Progress on standard output; a terminal when the JVM has a console. */
    public ProgressLogger(int verbose) {
        this(verbose, System.out, System.console() != null);
    }

    /**
     * @param verbose 1 (bar or sparse lines) or 2 (a line per epoch)
     * @param out where to write
     * @param terminal whether {@code out} is a terminal that understands a carriage return
     */
    public ProgressLogger(int verbose, PrintStream out, boolean terminal) {
        this(verbose, out, terminal, () -> System.nanoTime() / 1e9);
    }

    /** As {@link #ProgressLogger(int, PrintStream, boolean)}, with the clock it reads (seconds, as Python's time.time()). */
    public ProgressLogger(int verbose, PrintStream out, boolean terminal, DoubleSupplier clock) {
        if (verbose < 1 || verbose > 2) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `verbose`: " + verbose + ". Expected 1 or 2 (0 is silent: no logger).");
        }
        if (out == null || clock == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + (out == null ? "out" : "clock")
                    + "`: null.");
        }
        this.verbose = verbose;
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        this.epochs = epochs;
        this.steps = stepsPerEpoch;
        this.start = clock.getAsDouble();
        this.firstEpoch = -1;
    }

    @Override
    public void onEpochBegin(int epoch) {
        if (firstEpoch < 0) {
            firstEpoch = epoch;
        }
        if (verbose != 1) {
            return;
        }
        epochStart = clock.getAsDouble();
        lastUpdate = terminal ? Double.NEGATIVE_INFINITY : epochStart;
        afterFirstStep = Double.NaN;
        prevWidth = 0;
        currentEpoch = epoch;
        headerPrinted = false;
        printing = terminal || isMilestone(epoch);
        if (printing) {
            header();
        }
    }

    private void header() {
        if (!headerPrinted && epochs > 1) {
            out.print("Epoch " + (currentEpoch + 1) + "/" + epochs + "\n");
            out.flush();
        }
        headerPrinted = true;
    }

    /** Only the logs per batch. */
    @Override
    public boolean usesWeightsPerBatch() {
        return false;
    }

    @Override
    public void onBatchEnd(int batch, Map<String, Double> logs) {
        if (verbose == 1) {
            update(batch + 1, logs, false);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (verbose == 2) {
            out.println(line(epoch, logs, clock.getAsDouble()));
        } else if (printing || headerPrinted) {
            update(steps, logs, true);
        }
    }

    /** Keras' Progbar.update for a count of steps done; a final update ends the line. */
    private void update(int current, Map<String, Double> logs, boolean finalize) {
        double now = clock.getAsDouble();
        double perStep = stepDuration(current, now);
        double interval = terminal ? INTERVAL_SECONDS : SPARSE_SECONDS;
        if (!finalize && now - lastUpdate < interval) {
            return;
        }
        lastUpdate = now;
        header();
        String bold = terminal ? "\u001b[1m" : "";
        String reset = terminal ? "\u001b[0m" : "";
        StringBuilder bar = new StringBuilder();
        if (steps > 0) {
            int digits = Integer.toString(steps).length();
            bar.append(bold).append(String.format(Locale.ROOT, "%" + digits + "d/%d", current, steps)).append(reset)
                    .append(' ');
            int done = (int) (BAR_WIDTH * ((double) current / steps));
            if (done > 0) {
                bar.append(terminal ? "\u001b[32m" : "").append("\u2501".repeat(done)).append(reset);
            }
            bar.append(terminal ? "\u001b[37m" : "").append("\u2501".repeat(Math.max(0, BAR_WIDTH - done)))
                    .append(reset);
        } else {
            bar.append(String.format(Locale.ROOT, "%7d/Unknown", current));
        }
        StringBuilder info = new StringBuilder(" ").append(bold);
        if (steps > 0 && !finalize) {
            info.append(eta(perStep * (steps - current)));
        } else {
            info.append(String.format(Locale.ROOT, "%.0fs", Math.rint(now - epochStart)));
        }
        info.append(reset).append(formatTime(perStep));
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            info.append(" - ").append(e.getKey()).append(": ").append(formatValue(e.getValue()));
        }
        int width = visible(bar) + visible(info);
        StringBuilder message = new StringBuilder();
        if (terminal) {
            message.append("\b".repeat(prevWidth)).append('\r');
        }
        message.append(bar).append(info);
        if (terminal && prevWidth > width) {
            message.append(" ".repeat(prevWidth - width));
        }
        if (finalize || !terminal) {
            message.append('\n');
        }
        out.print(message);
        out.flush();
        prevWidth = width;
    }

    /** Keras' estimate of a step's duration in seconds: from the end of the first step on, once there is one. */
    private double stepDuration(int current, double now) {
        if (current <= 0) {
            return 0;
        }
        double perStep = !Double.isNaN(afterFirstStep) && current > 1 ? (now - afterFirstStep) / (current - 1)
                : (now - epochStart) / current;
        if (current == 1) {
            afterFirstStep = now;
        }
        return perStep;
    }

    /** Keras' ETA: {@code 7s}, {@code 2:05}, {@code 1:02:03} (whole seconds, cut off). */
    static String eta(double seconds) {
        long s = (long) seconds;
        if (seconds > 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        }
        if (seconds > 60) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return s + "s";
    }

    /** Keras' time per step: {@code  2s/step}, {@code  5ms/step}, {@code  726us/step}. */
    static String formatTime(double seconds) {
        if (seconds >= 1 || seconds == 0) {
            return String.format(Locale.ROOT, " %.0fs/step", Math.rint(seconds));
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, " %.0fms/step", Math.rint(seconds * 1000.0));
        }
        return String.format(Locale.ROOT, " %.0fus/step", Math.rint(seconds * 1_000_000.0));
    }

    /** A value as Keras' progress bar prints it: {@code %.4f}, or {@code %.4e} when its magnitude is up to 1e-3. */
    static String formatValue(double value) {
        if (!Double.isFinite(value)) {
            return format(value);
        }
        return String.format(Locale.ROOT, Math.abs(value) > 1e-3 ? "%.4f" : "%.4e", value);
    }

    private static int visible(CharSequence s) {
        return s.toString().replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    /** About ten epochs per run: the first, every tenth of the run, the last. */
    boolean isMilestone(int epoch) {
        int done = epoch + 1;
        int step = Math.max(1, epochs / 10);
        return epoch == firstEpoch || done == epochs || done % step == 0;
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
    }

    private String line(int epoch, Map<String, Double> logs, double now) {
        StringBuilder b = new StringBuilder();
        b.append("Epoch ").append(epoch + 1).append('/').append(epochs);
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            b.append(" - ").append(e.getKey()).append(": ").append(format(e.getValue()));
        }
        double elapsed = now - start;
        int done = epoch + 1 - Math.max(0, firstEpoch);
        int left = epochs - epoch - 1;
        b.append(" - elapsed ").append(formatSeconds(elapsed));
        if (left > 0 && done > 0) {
            b.append(" - ETA ").append(formatSeconds(elapsed / done * left));
        }
        return b.toString();
    }

    /** A log value as Keras prints it: four decimals, and {@code nan}, {@code inf}, {@code -inf}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** 4.2s, 3m07s, 1h02m. */
    public static String formatSeconds(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
