package io.github.kerasdjl.check;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import io.github.kerasdjl.reference.GradientSource;
import io.github.kerasdjl.reference.ReferenceMlp;
import io.github.kerasdjl.training.TrainingSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a model's gradients on one batch: the DSL's from both of its training steps (DJL autograd and, when the
 * model has one, the hand-written backward pass, both float32), a hand-derived reference's (double;
 * {@link ReferenceMlp} unless another is given), and central finite differences of the loss in double precision
 * ({@code (L(w + h) - L(w - h)) / 2h}, h = 1e-6, on the reference forward pass).
 *
 * <p>An element passes when the DSL's paths and the reference are all within {@code atol + tolerance * scale} of the
 * finite difference, scale being the largest finite-difference magnitude of that weight array. The default
 * tolerance (1e-3, atol 1e-6) suits float32: its rounding over a few layers is about 1e-6 of the gradient's scale,
 * while a wrong derivative is off by tens of percent.
 */
public final class GradientCheck {

    /** Relative tolerance suited to float32 gradients. */
    public static final double DEFAULT_TOLERANCE = 1e-3;
    /** The absolute floor below which differences do not count. */
    public static final double ABSOLUTE_TOLERANCE = 1e-6;
    /** The finite-difference step. */
    public static final double STEP = 1e-6;

    /**
     * One weight array of one layer.
     *
     * @param name e.g. {@code dense_1/kernel}
     * @param dslMaxAbs max |DSL (autograd) - finite difference|
     * @param handWrittenMaxAbs max |DSL (hand-written backward pass) - finite difference|, NaN when the model has
     *     no hand-written pass
     * @param referenceMaxAbs max |reference - finite difference|
     * @param scale max |finite difference|
     * @param failing the flat indices (row-major, Keras layout) of elements that fail
     */
    public record Entry(String name, double dslMaxAbs, double handWrittenMaxAbs, double referenceMaxAbs, double scale,
            List<Integer> failing) {

        /** max error of the DSL relative to the scale. */
        public double dslMaxRel() {
            return dslMaxAbs / Math.max(scale, ABSOLUTE_TOLERANCE);
        }

        /** max error of the hand-written pass relative to the scale (NaN without one). */
        public double handWrittenMaxRel() {
            return handWrittenMaxAbs / Math.max(scale, ABSOLUTE_TOLERANCE);
        }

        /** max error of the reference relative to the scale. */
        public double referenceMaxRel() {
            return referenceMaxAbs / Math.max(scale, ABSOLUTE_TOLERANCE);
        }

        public boolean passed() {
            return failing.isEmpty();
        }
    }

    /** The check's result: one entry per weight array. */
    public record Report(List<Entry> entries, double tolerance) {

        public boolean passed() {
            return entries.stream().allMatch(Entry::passed);
        }

        /** The entries with failing elements. */
        public List<Entry> failures() {
            return entries.stream().filter(e -> !e.passed()).toList();
        }

        /** A table a person reads: per weight, max abs and relative error of DSL and reference, pass/fail. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%-18s %10s %10s %10s %10s %10s %10s %10s  %s%n", "weight", "|g|max", "DSL abs", "DSL rel",
                    "hand abs", "hand rel", "ref abs", "ref rel", "result"));
            for (Entry e : entries) {
                b.append(String.format(Locale.ROOT, "%-18s %10.3e %10.3e %10.3e %10.3e %10.3e %10.3e %10.3e  %s%n",
                        e.name(), e.scale(), e.dslMaxAbs(), e.dslMaxRel(), e.handWrittenMaxAbs(),
                        e.handWrittenMaxRel(), e.referenceMaxAbs(), e.referenceMaxRel(),
                        e.passed() ? "ok" : "FAIL at " + e.failing()));
            }
            b.append(passed() ? "PASSED" : "FAILED").append(" (tolerance ").append(tolerance).append(")\n");
            return b.toString();
        }
    }

    private GradientCheck() {
    }

    /** Checks a compiled model of Dense layers against {@link ReferenceMlp} with the default tolerance. */
    public static Report check(Sequential model, float[][] x, float[][] y) {
        ReferenceMlp reference = ReferenceModels.of(prepare(model, x, y));
        return check(model, x, y, reference::gradients, DEFAULT_TOLERANCE);
    }

    /** Checks a compiled model against any hand-derived gradients (e.g. a seed's network written out by hand). */
    public static Report check(Sequential model, float[][] x, float[][] y, GradientSource reference,
            double tolerance) {
        prepare(model, x, y);
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `tolerance`: " + tolerance + ". Expected a number > 0.");
        }
        double[][] xd = Precision.toDouble(x);
        double[][] yd = Precision.toDouble(y);
        List<float[]> dsl = model.computeGradients(x, y, TrainingSteps.Kind.AUTOGRAD);
        List<float[]> hand = hasHandWrittenPass(model)
                ? model.computeGradients(x, y, TrainingSteps.Kind.HAND_WRITTEN) : null;
        List<double[]> ref = reference.gradients(xd, yd);
        List<double[]> numeric = finiteDifferences(ReferenceModels.of(model), xd, yd);
        List<String> names = weightNames(model);
        if (ref.size() != numeric.size()) {
            throw new IllegalArgumentException("The reference gives " + ref.size() + " gradient arrays; the model has "
                    + numeric.size() + " weights");
        }
        List<Entry> entries = new ArrayList<>();
        for (int w = 0; w < numeric.size(); w++) {
            double[] fd = numeric.get(w);
            double scale = 0;
            for (double v : fd) {
                scale = Math.max(scale, Math.abs(v));
            }
            double bound = ABSOLUTE_TOLERANCE + tolerance * scale;
            double dslMax = 0;
            double handMax = hand == null ? Double.NaN : 0;
            double refMax = 0;
            List<Integer> failing = new ArrayList<>();
            for (int k = 0; k < fd.length; k++) {
                double dslError = Math.abs(dsl.get(w)[k] - fd[k]);
                double handError = hand == null ? 0 : Math.abs(hand.get(w)[k] - fd[k]);
                double refError = Math.abs(ref.get(w)[k] - fd[k]);
                dslMax = Math.max(dslMax, dslError);
                handMax = hand == null ? handMax : Math.max(handMax, handError);
                refMax = Math.max(refMax, refError);
                if (dslError > bound || handError > bound || refError > bound) {
                    failing.add(k);
                }
            }
            entries.add(new Entry(names.get(w), dslMax, handMax, refMax, scale, List.copyOf(failing)));
        }
        return new Report(entries, tolerance);
    }

    /** Central differences of the reference's loss, weight by weight, in double precision. */
    static List<double[]> finiteDifferences(ReferenceMlp mlp, double[][] x, double[][] y) {
        List<double[]> weights = mlp.weights();
        List<double[]> grads = new ArrayList<>();
        for (double[] w : weights) {
            double[] g = new double[w.length];
            for (int k = 0; k < w.length; k++) {
                double original = w[k];
                w[k] = original + STEP;
                mlp.setWeights(weights);
                double up = mlp.loss(x, y);
                w[k] = original - STEP;
                mlp.setWeights(weights);
                double down = mlp.loss(x, y);
                w[k] = original;
                mlp.setWeights(weights);
                g[k] = (up - down) / (2 * STEP);
            }
            grads.add(g);
        }
        return grads;
    }

    /** Whether the model has a hand-written backward pass to check (on the CPU or one device, fast path or not). */
    private static boolean hasHandWrittenPass(Sequential model) {
        return TrainingSteps.choose(model.layers(), model.loss(), model.devices().size(), true)
                == TrainingSteps.Kind.HAND_WRITTEN;
    }

    private static Sequential prepare(Sequential model, float[][] x, float[][] y) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `x`: no samples to check on.");
        }
        model.build(x[0].length);
        return model;
    }

    private static List<String> weightNames(Sequential model) {
        List<String> names = new ArrayList<>();
        for (Layer l : model.layers()) {
            for (Weight w : l.weights()) {
                names.add(l.getName() + "/" + w.name());
            }
        }
        return names;
    }
}
