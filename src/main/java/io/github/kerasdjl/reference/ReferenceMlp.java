package io.github.kerasdjl.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A multilayer perceptron in plain Java (double[], no engine), forward and backward written out by hand, to put
 * next to the DSL: the same architecture and weights give the same loss and the same gradients. It is the oracle, so
 * it shares no code with what it checks: it imports nothing of the library and takes plain descriptions (sizes,
 * activation and loss names, arrays). {@code check.ReferenceModels} reads a model into it.
 *
 * <p>Notation, per layer l, for a batch of n samples: {@code z = a_prev . W + b}, {@code a = f(z)}. The loss L is
 * Keras': the mean over the batch of a per-sample loss. Backward, from the top: {@code dL/da} from the loss, then
 * {@code dL/dz = dL/da * f'(z)} (a Jacobian product for softmax), {@code dL/dW = a_prev^T . dL/dz},
 * {@code dL/db = sum over samples of dL/dz}, {@code dL/da_prev = dL/dz . W^T}.
 */
public final class ReferenceMlp {

    /** The activations this reference derives by hand. */
    public enum Activation {
        LINEAR, RELU, SIGMOID, TANH, LEAKY_RELU, SOFTMAX;

        /** Keras' leaky_relu negative slope. */
        static final double SLOPE = 0.2;

        double f(double z) {
            return switch (this) {
                case LINEAR -> z;
                case RELU -> z > 0 ? z : 0;
                case SIGMOID -> 1 / (1 + Math.exp(-z));
                case TANH -> Math.tanh(z);
                case LEAKY_RELU -> z > 0 ? z : SLOPE * z;
                case SOFTMAX -> throw new IllegalStateException("softmax is applied to a whole row");
            };
        }

        /** f'(z), written with the output a = f(z) where that is simpler (sigmoid: a(1 - a); tanh: 1 - a^2). */
        double derivative(double z, double a) {
            return switch (this) {
                case LINEAR -> 1;
                case RELU -> z > 0 ? 1 : 0;
                case SIGMOID -> a * (1 - a);
                case TANH -> 1 - a * a;
                case LEAKY_RELU -> z > 0 ? 1 : SLOPE;
                case SOFTMAX -> throw new IllegalStateException("softmax has a Jacobian, not a derivative");
            };
        }

        /** By Keras name: {@code linear}, {@code relu}, {@code sigmoid}, {@code tanh}, {@code leaky_relu}, ... */
        public static Activation of(String kerasName) {
            for (Activation a : values()) {
                if (a.name().toLowerCase(Locale.ROOT).equals(kerasName)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("Invalid value for argument `activation`: '" + kerasName
                    + "'. The reference derives linear, relu, sigmoid, tanh, leaky_relu and softmax by hand.");
        }
    }

    /** The losses this reference derives by hand, as Keras computes them. */
    public enum Loss {
        MSE, BINARY_CROSSENTROPY, CATEGORICAL_CROSSENTROPY;

        static final double EPSILON = 1e-7;

        /** By Keras name: {@code mean_squared_error}, {@code binary_crossentropy}, {@code categorical_crossentropy}. */
        public static Loss of(String kerasName) {
            return switch (kerasName) {
                case "mean_squared_error", "mse" -> MSE;
                case "binary_crossentropy" -> BINARY_CROSSENTROPY;
                case "categorical_crossentropy" -> CATEGORICAL_CROSSENTROPY;
                default -> throw new IllegalArgumentException("Invalid value for argument `loss`: '" + kerasName
                        + "'. The reference derives mse, binary_crossentropy and categorical_crossentropy.");
            };
        }

        /** The loss of one sample. */
        double value(double[] y, double[] p) {
            double sum = 0;
            switch (this) {
                case MSE -> {
                    for (int j = 0; j < p.length; j++) {
                        sum += (y[j] - p[j]) * (y[j] - p[j]) / p.length;
                    }
                }
                case BINARY_CROSSENTROPY -> {
                    for (int j = 0; j < p.length; j++) {
                        double q = clip(p[j]);
                        sum -= (y[j] * Math.log(q) + (1 - y[j]) * Math.log(1 - q)) / p.length;
                    }
                }
                case CATEGORICAL_CROSSENTROPY -> {
                    double total = 0;
                    for (double v : p) {
                        total += v;
                    }
                    for (int j = 0; j < p.length; j++) {
                        sum -= y[j] * Math.log(clip(p[j] / total));
                    }
                }
            }
            return sum;
        }

        /** d(sample loss)/dp, for one sample. */
        double[] gradient(double[] y, double[] p) {
            int k = p.length;
            double[] g = new double[k];
            switch (this) {
                case MSE -> {
                    for (int j = 0; j < k; j++) {
                        g[j] = 2 * (p[j] - y[j]) / k;
                    }
                }
                case BINARY_CROSSENTROPY -> {
                    for (int j = 0; j < k; j++) {
                        double q = clip(p[j]);
                        boolean inside = p[j] >= EPSILON && p[j] <= 1 - EPSILON; // the clip passes no gradient
                        g[j] = inside ? (-y[j] / q + (1 - y[j]) / (1 - q)) / k : 0;
                    }
                }
                case CATEGORICAL_CROSSENTROPY -> {
                    // q = p / sum(p), clipped; L = -sum y log q. dL/dq_j = -y_j / q_j, then through the division:
                    // dL/dp_i = (dL/dq_i - sum_j dL/dq_j q_j) / sum(p).
                    double total = 0;
                    for (double v : p) {
                        total += v;
                    }
                    double[] dq = new double[k];
                    double dot = 0;
                    for (int j = 0; j < k; j++) {
                        double q = p[j] / total;
                        boolean inside = q >= EPSILON && q <= 1 - EPSILON;
                        dq[j] = inside ? -y[j] / q : 0;
                        dot += dq[j] * q;
                    }
                    for (int i = 0; i < k; i++) {
                        g[i] = (dq[i] - dot) / total;
                    }
                }
            }
            return g;
        }

        private static double clip(double p) {
            return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
        }
    }

    /** One Dense layer: kernel {@code w[inputs][units]} (Keras' layout), bias {@code b[units]}. */
    public static final class DenseLayer {
        final double[][] w;
        final double[] b;
        final Activation activation;
        final boolean hasBias;

        public DenseLayer(double[][] w, double[] b, Activation activation) {
            this.w = w;
            this.b = b == null ? new double[w[0].length] : b;
            this.hasBias = b != null;
            this.activation = activation;
        }
    }

    private final List<DenseLayer> layers;
    private final Loss loss;

    public ReferenceMlp(List<DenseLayer> layers, Loss loss) {
        this.layers = List.copyOf(layers);
        this.loss = loss;
    }

    /** The weights in Keras' order and layout, flattened: kernel then bias, layer by layer. */
    public List<double[]> weights() {
        List<double[]> out = new ArrayList<>();
        for (DenseLayer l : layers) {
            out.add(flatten(l.w));
            if (l.hasBias) {
                out.add(l.b.clone());
            }
        }
        return out;
    }

    /** Overwrites the weights from {@link #weights()}'s layout. */
    public void setWeights(List<double[]> values) {
        int i = 0;
        for (DenseLayer l : layers) {
            double[] k = values.get(i++);
            int units = l.w[0].length;
            for (int r = 0; r < l.w.length; r++) {
                System.arraycopy(k, r * units, l.w[r], 0, units);
            }
            if (l.hasBias) {
                System.arraycopy(values.get(i++), 0, l.b, 0, l.b.length);
            }
        }
    }

    /** The model's outputs for a batch. */
    public double[][] predict(double[][] x) {
        Pass pass = forward(x);
        return pass.a[layers.size()];
    }

    /** Keras' batch loss: the mean over samples of the per-sample loss. */
    public double loss(double[][] x, double[][] y) {
        double[][] p = predict(x);
        double sum = 0;
        for (int s = 0; s < x.length; s++) {
            sum += loss.value(y[s], p[s]);
        }
        return sum / x.length;
    }

    /** dL/d(every weight), by the hand-derived backward pass, in {@link #weights()}'s layout. */
    public List<double[]> gradients(double[][] x, double[][] y) {
        int n = x.length;
        Pass pass = forward(x);
        int top = layers.size();
        // dL/da for the output layer: the per-sample loss gradient, divided by n for the batch mean.
        double[][] da = new double[n][];
        for (int s = 0; s < n; s++) {
            da[s] = loss.gradient(y[s], pass.a[top][s]);
            for (int j = 0; j < da[s].length; j++) {
                da[s][j] /= n;
            }
        }
        List<double[]> grads = new ArrayList<>();
        for (int l = top - 1; l >= 0; l--) {
            DenseLayer layer = layers.get(l);
            int inputs = layer.w.length;
            int units = layer.w[0].length;
            double[][] dz = new double[n][units];
            for (int s = 0; s < n; s++) {
                double[] a = pass.a[l + 1][s];
                if (layer.activation == Activation.SOFTMAX) {
                    double dot = 0;
                    for (int j = 0; j < units; j++) {
                        dot += da[s][j] * a[j];
                    }
                    for (int j = 0; j < units; j++) {
                        dz[s][j] = a[j] * (da[s][j] - dot);
                    }
                } else {
                    for (int j = 0; j < units; j++) {
                        dz[s][j] = da[s][j] * layer.activation.derivative(pass.z[l + 1][s][j], a[j]);
                    }
                }
            }
            double[] dw = new double[inputs * units];
            double[] db = new double[units];
            double[][] daPrev = new double[n][inputs];
            for (int s = 0; s < n; s++) {
                double[] prev = pass.a[l][s];
                for (int i = 0; i < inputs; i++) {
                    for (int j = 0; j < units; j++) {
                        dw[i * units + j] += prev[i] * dz[s][j];
                        daPrev[s][i] += dz[s][j] * layer.w[i][j];
                    }
                }
                for (int j = 0; j < units; j++) {
                    db[j] += dz[s][j];
                }
            }
            if (layer.hasBias) {
                grads.add(0, db);
            }
            grads.add(0, dw);
            da = daPrev;
        }
        return grads;
    }

    /** One plain SGD step on a batch: w -= lr * dL/dw. */
    public void sgdStep(double[][] x, double[][] y, double learningRate) {
        new Sgd(learningRate, 0, false).step(this, x, y);
    }

    /**
     * Keras' SGD in plain Java, with its velocities: {@code v = m v - lr g}, then {@code w += v}, or
     * {@code w += m v - lr g} with Nesterov; {@code w -= lr g} without momentum.
     */
    public static final class Sgd {
        private final double learningRate;
        private final double momentum;
        private final boolean nesterov;
        private List<double[]> velocities;

        public Sgd(double learningRate, double momentum, boolean nesterov) {
            this.learningRate = learningRate;
            this.momentum = momentum;
            this.nesterov = nesterov;
        }

        /** One step on a batch. */
        public void step(ReferenceMlp mlp, double[][] x, double[][] y) {
            List<double[]> w = mlp.weights();
            List<double[]> g = mlp.gradients(x, y);
            if (velocities == null) {
                velocities = new ArrayList<>();
                for (double[] a : w) {
                    velocities.add(new double[a.length]);
                }
            }
            for (int i = 0; i < w.size(); i++) {
                double[] wi = w.get(i);
                double[] gi = g.get(i);
                double[] vi = velocities.get(i);
                for (int k = 0; k < wi.length; k++) {
                    if (momentum == 0) {
                        wi[k] -= learningRate * gi[k];
                        continue;
                    }
                    vi[k] = momentum * vi[k] - learningRate * gi[k];
                    wi[k] += nesterov ? momentum * vi[k] - learningRate * gi[k] : vi[k];
                }
            }
            mlp.setWeights(w);
        }
    }

    /** The activations and pre-activations of every layer for a batch: a[0] is the input. */
    private record Pass(double[][][] z, double[][][] a) {
    }

    private Pass forward(double[][] x) {
        int n = x.length;
        double[][][] z = new double[layers.size() + 1][][];
        double[][][] a = new double[layers.size() + 1][][];
        a[0] = x;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            int units = layer.w[0].length;
            z[l + 1] = new double[n][units];
            a[l + 1] = new double[n][units];
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < units; j++) {
                    double sum = layer.b[j];
                    for (int i = 0; i < layer.w.length; i++) {
                        sum += a[l][s][i] * layer.w[i][j];
                    }
                    z[l + 1][s][j] = sum;
                }
                if (layer.activation == Activation.SOFTMAX) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double v : z[l + 1][s]) {
                        max = Math.max(max, v);
                    }
                    double total = 0;
                    for (int j = 0; j < units; j++) {
                        a[l + 1][s][j] = Math.exp(z[l + 1][s][j] - max);
                        total += a[l + 1][s][j];
                    }
                    for (int j = 0; j < units; j++) {
                        a[l + 1][s][j] /= total;
                    }
                } else {
                    for (int j = 0; j < units; j++) {
                        a[l + 1][s][j] = layer.activation.f(z[l + 1][s][j]);
                    }
                }
            }
        }
        return new Pass(z, a);
    }

    /**
     * Keras' "accuracy" of predictions p for targets y: binary (a prediction above 0.5 counts as 1, compared with the
     * target) for one output, argmax (first index on ties) for several. Written here again on purpose: the reference
     * does not use the library's metric it is compared with.
     */
    public static double accuracy(double[][] y, double[][] p) {
        int cols = y[0].length;
        double hits = 0;
        for (int s = 0; s < y.length; s++) {
            if (cols == 1) {
                hits += ((p[s][0] > 0.5 ? 1.0 : 0.0) == y[s][0]) ? 1 : 0;
            } else {
                hits += argMax(y[s]) == argMax(p[s]) ? 1 : 0;
            }
        }
        return hits / y.length;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] flatten(double[][] m) {
        int cols = m[0].length;
        double[] flat = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * cols, cols);
        }
        return flat;
    }
}
