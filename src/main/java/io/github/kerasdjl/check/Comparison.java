package io.github.kerasdjl.check;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.reference.ReferenceMlp;
import io.github.kerasdjl.training.FitOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The same network trained two ways from the same start: the DSL (DJL) and the plain-Java hand-derived
 * {@link ReferenceMlp}, on the same batches in the same order (no shuffling), then compared side by side.
 *
 * @param steps training steps each side took
 * @param dslLoss the DSL's loss on the training data after training
 * @param referenceLoss the reference's loss on the same data
 * @param dslAccuracy the DSL's accuracy by the reference's rule ({@link ReferenceMlp#accuracy})
 * @param referenceAccuracy the reference's accuracy by the same rule
 * @param maxWeightDifference the largest |w_dsl - w_reference| over all weights after training
 * @param dslSecondsPerStep the DSL's wall time per step
 * @param referenceSecondsPerStep the reference's wall time per step
 */
public record Comparison(long steps, double dslLoss, double referenceLoss, double dslAccuracy,
        double referenceAccuracy, double maxWeightDifference, double dslSecondsPerStep,
        double referenceSecondsPerStep) {

    /**
     * Trains a compiled model of Dense layers with SGD (with or without momentum) and its reference from the
     * model's current weights (built from {@code x} when not yet built). The model ends trained.
     */
    public static Comparison run(Sequential model, float[][] x, float[][] y, int epochs, int batchSize) {
        if (!(model.optimizer() instanceof SGD sgd)) {
            throw new IllegalArgumentException("Invalid value for argument `optimizer`: " + model.optimizer()
                    + ". The comparison needs SGD (with or without momentum), which the reference implements.");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("Invalid value for argument `" + (epochs < 1 ? "epochs" : "batch_size")
                    + "`: " + (epochs < 1 ? epochs : batchSize) + ". Expected an integer >= 1.");
        }
        FitOptions options = new FitOptions().epochs(epochs).batchSize(batchSize).shuffle(false).verbose(0);
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `x`: no samples.");
        }
        model.build(x[0].length);
        ReferenceMlp reference = ReferenceModels.of(model);
        ReferenceMlp.Sgd referenceSgd = new ReferenceMlp.Sgd(sgd.learningRate(), sgd.momentum(), sgd.nesterov());
        double[][] xd = Precision.toDouble(x);
        double[][] yd = Precision.toDouble(y);

        long before = model.optimizer().iterations();
        long t0 = System.nanoTime();
        model.fit(x, y, options);
        double dslSeconds = (System.nanoTime() - t0) / 1e9;
        long steps = model.optimizer().iterations() - before;

        t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            for (int start = 0; start < xd.length; start += batchSize) {
                int end = Math.min(xd.length, start + batchSize);
                referenceSgd.step(reference, Arrays.copyOfRange(xd, start, end), Arrays.copyOfRange(yd, start, end));
            }
        }
        double referenceSeconds = (System.nanoTime() - t0) / 1e9;

        double maxDiff = Precision.maxDifference(model.getWeights(), reference.weights());
        double[][] dslPredictions = Precision.toDouble(model.predict(x));
        double dslLoss = model.evaluate(x, y, x.length).get("loss");
        return new Comparison(steps, dslLoss, reference.loss(xd, yd), ReferenceMlp.accuracy(yd, dslPredictions),
                ReferenceMlp.accuracy(yd, reference.predict(xd)), maxDiff, dslSeconds / Math.max(1, steps),
                referenceSeconds / Math.max(1, steps));
    }

    /** The side-by-side table. */
    @Override
    public String toString() {
        Table t = new Table("", "DSL (DJL)", "reference (plain Java)");
        t.row("final loss", format("%.6f", dslLoss), format("%.6f", referenceLoss));
        t.row("accuracy", format("%.4f", dslAccuracy), format("%.4f", referenceAccuracy));
        t.row("time per step", Table.duration(dslSecondsPerStep), Table.duration(referenceSecondsPerStep));
        t.row("max weight difference", format("%.3e", maxWeightDifference), "");
        t.row("steps", Long.toString(steps), Long.toString(steps));
        return t.toString();
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    /** A plain-text table with a header row and left-aligned columns, for side-by-side output. */
    public static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        /** A table with these column titles. */
        public Table(String... header) {
            rows.add(header.clone());
        }

        /** Appends a row (as many cells as the header). */
        public Table row(String... cells) {
            if (cells.length != rows.get(0).length) {
                throw new IllegalArgumentException("Invalid row: " + cells.length + " cells. Expected "
                        + rows.get(0).length + ", one per column.");
            }
            rows.add(cells.clone());
            return this;
        }

        /** A duration in s, ms or µs, three significant digits. */
        public static String duration(double seconds) {
            if (seconds >= 1) {
                return String.format(Locale.ROOT, "%.3g s", seconds);
            }
            if (seconds >= 1e-3) {
                return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
            }
            return String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
        }

        @Override
        public String toString() {
            int cols = rows.get(0).length;
            int[] width = new int[cols];
            for (String[] r : rows) {
                for (int c = 0; c < cols; c++) {
                    width[c] = Math.max(width[c], r[c].length());
                }
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < cols; c++) {
                    String cell = rows.get(i)[c];
                    line.append(cell).append(" ".repeat(width[c] - cell.length())).append(c < cols - 1 ? "  " : "");
                }
                b.append(line.toString().stripTrailing()).append('\n');
                if (i == 0) {
                    int total = Arrays.stream(width).sum() + 2 * (cols - 1);
                    b.append("-".repeat(total)).append('\n');
                }
            }
            return b.toString();
        }
    }
}
