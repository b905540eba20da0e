package io.github.kerasdjl.callbacks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Keras' {@code verbose}: 1 is a progress bar that updates in place on a terminal (plain lines, about ten per run,
 * when the output is a log or CI), 2 is one line per epoch. Lines show the epoch, loss, metrics, elapsed time and
 * the time left.
 */
public final class ProgressLogger implements Callback {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private final int verbose;
    private final PrintStream out;
    private final boolean terminal;
    private int epochs;
    private int firstEpoch = -1;
    private long start;
    private long lastDraw;
    private boolean drawn;

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
        if (verbose < 1 || verbose > 2) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `verbose`: " + verbose + ". Expected 1 or 2 (0 is silent: no logger).");
        }
        this.verbose = verbose;
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        this.epochs = epochs;
        this.start = System.nanoTime();
        this.lastDraw = 0;
        this.drawn = false;
        this.firstEpoch = -1;
    }

    @Override
    public void onEpochBegin(int epoch) {
        if (firstEpoch < 0) {
            firstEpoch = epoch;
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        long now = System.nanoTime();
        boolean last = epoch == epochs - 1;
        if (verbose == 2) {
            out.println(line(epoch, logs, now));
        } else if (terminal) {
            if (last || now - lastDraw >= REDRAW_NANOS) {
                out.print("\r" + bar(epoch) + " " + line(epoch, logs, now) + "   ");
                out.flush();
                lastDraw = now;
                drawn = true;
            }
        } else if (isMilestone(epoch)) {
            out.println(line(epoch, logs, now));
        }
    }

    /** About ten lines per run: the first epoch, every tenth of the run, the last. */
    boolean isMilestone(int epoch) {
        int done = epoch + 1;
        int step = Math.max(1, epochs / 10);
        return epoch == firstEpoch || done == epochs || done % step == 0;
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (verbose == 1 && terminal && drawn) {
            out.println();
        }
    }

    private String bar(int epoch) {
        int filled = (int) Math.round((epoch + 1) * (double) BAR_WIDTH / Math.max(1, epochs));
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < BAR_WIDTH; i++) {
            b.append(i < filled - 1 ? '=' : i == filled - 1 ? (filled == BAR_WIDTH ? '=' : '>') : '.');
        }
        return b.append(']').toString();
    }

    private String line(int epoch, Map<String, Double> logs, long now) {
        StringBuilder b = new StringBuilder();
        b.append("Epoch ").append(epoch + 1).append('/').append(epochs);
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            b.append(" - ").append(e.getKey()).append(": ").append(format(e.getValue()));
        }
        double elapsed = (now - start) / 1e9;
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
