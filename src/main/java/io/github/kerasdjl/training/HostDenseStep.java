package io.github.kerasdjl.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.backend.Constants;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.optimizers.Optimizer;
import java.util.List;

/**
 * {@link DenseBackpropStep}'s pass, forward, output delta, backward and plain SGD update, on JVM arrays in float32
 * instead of engine arrays: for the tiny steps of the seeds' networks (lesson 002's 1-2-1 beans network trained per
 * sample, lesson 001's 2-8-8-8-1 in batches of 10), where each engine call costs microseconds of fixed overhead
 * (JNI, DJL's bookkeeping, libtorch's dispatcher) and a step makes about twenty of them for a few hundred
 * multiply-adds. {@link #supports} takes it only on the CPU, for plain SGD, and below
 * {@link #MAX_MULTIPLY_ADDS} a step, where the scaling curves of {@code benchmarks/RESULTS.md} show the JVM ahead;
 * above, the engine's kernels win and the engine step trains.
 *
 * <p>The weights are read from the model's arrays when the step is made and written back whenever someone else may
 * look at them ({@link #toModel}: before the callbacks, validation, and on close) and read again after
 * ({@link #fromModel}: before the next step on the host), so that a callback sees and may change the trained weights
 * as with the engine step. The
 * arithmetic is the engine step's, operation for operation in float32 (a sum of products accumulates in the order
 * of its index, where libtorch's kernels may use another order or fused multiply-adds, so the two differ in the last
 * bits); the tests train both from the same start and compare. The loops run along contiguous rows with independent
 * iterations, so that the JIT may use vector instructions, which is why the kernel is kept in both layouts.
 *
 * <p>A step whose optimizer stops being plain SGD (a callback sets a weight decay or clipping) is handed to the
 * engine step, and {@link #gradients} is always the engine's.
 */
final class HostDenseStep implements TrainingStep {

    /**
     * The largest step, in multiply-adds of its forward pass ({@code rows * sum(inputs * units)}), trained on the
     * JVM. Measured on this project's 2-core x86 machine (16-w-w-1 relu networks, both steps forced, 2026-12-01):
     * the host step was 1.2-1.3x the engine's at 12,800-25,000 multiply-adds (width 8 to 128, batch 1 to 64) and
     * 0.3-0.8x at 51,000-100,000; the sweep in {@code benchmarks/RESULTS.md} shows the same crossing.
     */
    static final long MAX_MULTIPLY_ADDS = 32_768;

    private final DenseBackpropStep engine;
    private final Optimizer optimizer;
    private final Loss loss;
    private final Weight[] kernels;
    private final Weight[] biases;
    private final Activation[] activations;
    private final int[] inputs;
    private final int[] units;
    private final int outputs;
    private final int targetWidth;
    /** Each layer's weight in the engine's layout (units, inputs) and in Keras' (inputs, units), row-major. */
    private final float[][] w;
    private final float[][] kt;
    /** Each layer's bias, or null. */
    private final float[][] b;
    /** a[i]: the input of layer i for the batch at hand (a[0] unused: the input is read from {@link #x}). */
    private float[][] a;
    private float[] delta;
    private float[] previous;
    /** One row of a gradient being summed. */
    private float[] gradient;
    private int capacity;
    /** The pass's inputs on the host, read once per pass array. */
    private NDArray xSource;
    private float[] x;
    /** Whether the model's arrays lag behind {@link #w} and {@link #b}. */
    private boolean modelStale;
    /**
     * Whether {@link #w} and {@link #b} lag behind the model's arrays: the engine step trained last, or someone may
     * have set the weights ({@link #fromModel}); they are read again before the next step on the host.
     */
    private boolean hostStale;

    HostDenseStep(Network network, Loss loss, Optimizer optimizer, Constants constants) {
        this.engine = new DenseBackpropStep(network, loss, optimizer, constants);
        this.optimizer = optimizer;
        this.loss = loss;
        List<Layer> layers = network.layers();
        int n = layers.size();
        kernels = new Weight[n];
        biases = new Weight[n];
        activations = new Activation[n];
        inputs = new int[n];
        units = new int[n];
        w = new float[n][];
        kt = new float[n][];
        b = new float[n][];
        for (int i = 0; i < n; i++) {
            Dense dense = (Dense) layers.get(i);
            kernels[i] = dense.kernel();
            biases[i] = dense.usesBias() ? dense.bias() : null;
            activations[i] = dense.activation();
            units[i] = (int) dense.units();
            inputs[i] = (int) (kernels[i].size() / units[i]);
        }
        outputs = units[n - 1];
        targetWidth = loss.targetWidth(outputs);
        read();
    }

    /**
     * Whether this step trains the model: {@link DenseBackpropStep#supports} it, on the CPU, its activations and
     * loss have host forms, the optimizer is plain SGD (a {@link Optimizer#plainStepRate()}) and a step of
     * {@code rows} is at most {@link #MAX_MULTIPLY_ADDS}.
     */
    static boolean supports(Network network, Loss loss, Optimizer optimizer, int rows) {
        List<Layer> layers = network.layers();
        if (rows <= 0 || network.devices().size() != 1 || network.device().getDeviceType() != Device.Type.CPU
                || Double.isNaN(optimizer.plainStepRate()) || !DenseBackpropStep.supports(layers, loss)) {
            return false;
        }
        long multiplyAdds = 0;
        for (int i = 0; i < layers.size(); i++) {
            Dense dense = (Dense) layers.get(i);
            boolean last = i == layers.size() - 1;
            if (!dense.activation().hasHostForm() || last && !loss.hasHostOutputDelta(dense.activation())) {
                return false;
            }
            multiplyAdds += dense.kernel().array().size();
        }
        return multiplyAdds * rows <= MAX_MULTIPLY_ADDS;
    }

    @Override
    public Result train(NDArray xs, NDArray ys, NDArray ws, float[] targets, float[] weights, int start, int end) {
        double stepRate = optimizer.plainStepRate();
        if (Double.isNaN(stepRate)) {
            toModel();
            hostStale = true;
            return engine.train(xs, ys, ws, targets, weights, start, end);
        }
        if (hostStale) {
            read();
        }
        if (xs != xSource) {
            x = xs.toFloatArray();
            xSource = xs;
        }
        int rows = end - start;
        ensureCapacity(rows);
        int n = w.length;
        // forward: z = a . W^T + b, a' = f(z); a[n] is the output
        forward(x, start * inputs[0], 0, rows);
        for (int i = 1; i < n; i++) {
            forward(a[i], 0, i, rows);
        }
        float[] out = a[n];
        float[] predicted = java.util.Arrays.copyOf(out, rows * outputs);
        // the output delta, times the learning rate and the loss's factor (as one float, as the engine's constant),
        // times each row's sample weight
        loss.hostOutputDelta(targets, start * targetWidth, out, rows, outputs, activations[n - 1], delta);
        float scale = (float) (stepRate * loss.outputDeltaScale(rows, outputs));
        for (int k = 0; k < rows * outputs; k++) {
            delta[k] *= scale;
        }
        if (weights != null) {
            for (int r = 0; r < rows; r++) {
                float sw = weights[start + r];
                for (int c = 0; c < outputs; c++) {
                    delta[r * outputs + c] *= sw;
                }
            }
        }
        // the rate is checked and the step counted before any weight changes, as applyScaled does
        optimizer.countPlainStep();
        for (int i = n - 1; i >= 0; i--) {
            float[] in = i == 0 ? x : a[i];
            int inOffset = i == 0 ? start * inputs[0] : 0;
            if (i > 0) {
                // the next delta from this layer's weights before their update: (d . W) * f'(a)
                backDelta(i, rows);
                activations[i - 1].timesDerivativeFromOutput(previous, a[i], rows * inputs[i]);
            }
            update(i, in, inOffset, rows);
            if (i > 0) {
                float[] t = delta;
                delta = previous;
                previous = t;
            }
        }
        modelStale = true;
        double sum = DenseBackpropStep.lossSum(loss, targets, weights, predicted, start, rows, targetWidth, outputs);
        return new Result(sum / rows, predicted);
    }

    /**
     * a[i + 1] = f(a_i . K_i + b_i) for {@code rows} rows of {@code in} from {@code offset}. Each inner loop runs
     * along a row of contiguous values with no dependence between iterations (the JIT turns it into vector
     * instructions); each output's sum still adds its products in the order of the inputs.
     */
    private void forward(float[] in, int offset, int i, int rows) {
        int k = inputs[i];
        int u = units[i];
        float[] kernel = kt[i];
        float[] bias = b[i];
        float[] z = a[i + 1];
        for (int r = 0; r < rows; r++) {
            int zRow = r * u;
            java.util.Arrays.fill(z, zRow, zRow + u, 0f);
            int row = offset + r * k;
            for (int m = 0; m < k; m++) {
                float x = in[row + m];
                int kRow = m * u;
                for (int j = 0; j < u; j++) {
                    z[zRow + j] += x * kernel[kRow + j];
                }
            }
            if (bias != null) {
                for (int j = 0; j < u; j++) {
                    z[zRow + j] += bias[j];
                }
            }
        }
        activations[i].applyInPlace(z, rows * u, u);
    }

    /** previous = delta . W_i: the delta of layer i's input, before the activation's derivative. */
    private void backDelta(int i, int rows) {
        int k = inputs[i];
        int u = units[i];
        float[] weight = w[i];
        for (int r = 0; r < rows; r++) {
            int pRow = r * k;
            java.util.Arrays.fill(previous, pRow, pRow + k, 0f);
            for (int j = 0; j < u; j++) {
                float d = delta[r * u + j];
                int wRow = j * k;
                for (int m = 0; m < k; m++) {
                    previous[pRow + m] += d * weight[wRow + m];
                }
            }
        }
    }

    /**
     * W_i -= delta^T . a_i (in both layouts, the same sums in the same order, so the two copies stay equal to the
     * bit) and b_i -= sum(delta, rows): the gradients, already times the rate, subtracted.
     */
    private void update(int i, float[] in, int offset, int rows) {
        int k = inputs[i];
        int u = units[i];
        float[] weight = w[i];
        float[] kernel = kt[i];
        float[] sum = gradient;
        // W (units, inputs): row j -= sum over r of delta[r][j] * a[r]
        for (int j = 0; j < u; j++) {
            java.util.Arrays.fill(sum, 0, k, 0f);
            for (int r = 0; r < rows; r++) {
                float d = delta[r * u + j];
                int row = offset + r * k;
                for (int m = 0; m < k; m++) {
                    sum[m] += d * in[row + m];
                }
            }
            int wRow = j * k;
            for (int m = 0; m < k; m++) {
                weight[wRow + m] -= sum[m];
            }
        }
        // K (inputs, units): row m -= sum over r of a[r][m] * delta[r]
        for (int m = 0; m < k; m++) {
            java.util.Arrays.fill(sum, 0, u, 0f);
            for (int r = 0; r < rows; r++) {
                float x = in[offset + r * k + m];
                int dRow = r * u;
                for (int j = 0; j < u; j++) {
                    sum[j] += delta[dRow + j] * x;
                }
            }
            int kRow = m * u;
            for (int j = 0; j < u; j++) {
                kernel[kRow + j] -= sum[j];
            }
        }
        float[] bias = b[i];
        if (bias != null) {
            java.util.Arrays.fill(sum, 0, u, 0f);
            for (int r = 0; r < rows; r++) {
                int dRow = r * u;
                for (int j = 0; j < u; j++) {
                    sum[j] += delta[dRow + j];
                }
            }
            for (int j = 0; j < u; j++) {
                bias[j] -= sum[j];
            }
        }
    }

    private void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        int n = w.length;
        a = new float[n + 1][];
        int widest = 0;
        for (int i = 0; i < n; i++) {
            a[i + 1] = new float[rows * units[i]];
            widest = Math.max(widest, Math.max(units[i], inputs[i]));
        }
        delta = new float[rows * widest];
        previous = new float[rows * widest];
        gradient = new float[widest];
        capacity = rows;
    }

    /** Writes the trained weights into the model's arrays, if they lag behind. */
    @Override
    public void toModel() {
        if (!modelStale) {
            return;
        }
        for (int i = 0; i < w.length; i++) {
            kernels[i].overwrite(kt[i]);
            if (biases[i] != null) {
                biases[i].overwrite(b[i]);
            }
        }
        modelStale = false;
    }

    /**
     * The model's arrays may have been set (by a callback): they are read again before the next step on the host,
     * once however many callback rounds come first (an epoch's end and the next one's beginning).
     */
    @Override
    public void fromModel() {
        toModel();
        hostStale = true;
    }

    /** Reads the weights from the model's arrays. */
    private void read() {
        for (int i = 0; i < w.length; i++) {
            kt[i] = kernels[i].values();
            w[i] = kernels[i].toEngine(kt[i]);
            b[i] = biases[i] == null ? null : biases[i].values();
        }
        hostStale = false;
    }

    @Override
    public List<NDArray> gradients(NDArray xs, NDArray ys) {
        toModel();
        return engine.gradients(xs, ys);
    }

    @Override
    public void close() {
        try {
            toModel();
        } finally {
            engine.close();
        }
    }
}
