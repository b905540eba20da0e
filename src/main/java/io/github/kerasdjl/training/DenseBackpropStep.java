package io.github.kerasdjl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.backend.Autograd;
import io.github.kerasdjl.backend.Constants;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training step of a stack of {@link Dense} layers with its backward pass written out by hand, as the seeds
 * derive it, instead of DJL's autograd. On the seeds' tiny networks a step's time is the number of native calls
 * (each costs microseconds whatever the tensor size), and autograd makes about twice as many as this pass. With W a
 * Linear block's weight, (units, inputs) as DJL reads it, and K = W^T the kernel in Keras' layout (the storage
 * itself, see {@code Dense}):
 *
 * <pre>
 * forward, each layer:    z = linear(a, W, b) = a . K + b;  a' = f(z)      (activations a kept)
 * output delta:           d = dL/dz of the last layer (the loss's outputDelta), times lr for plain SGD
 * backward, each layer:   dK = a^T . d;  db = sum(d, rows);  d = (d . W) * f'(a)
 * update:                 the optimizer (on dW = dK^T), or K -= dK for plain SGD (lr already in d)
 * </pre>
 *
 * <p>Each activation gives its derivative from its output ({@link Activation#derivativeFromOutput}) and each loss
 * its output delta ({@link Loss#outputDelta}); this class only chains them. It covers Dense layers without a
 * regularizer whose activations have a derivative from their output, and a loss with an output delta for the last
 * activation; anything else trains through autograd. The tests compare both paths step by step, and the gradient
 * check compares both with the hand-derived reference.
 */
final class DenseBackpropStep implements TrainingStep {

    private final Activation.Derivative[] derivatives;
    private final Activation[] activations;
    private final NDArray[] kernels;
    /** Each kernel in Keras' layout: a view made once per fit, sharing the weight's storage. */
    private final NDArray[] kerasKernels;
    private final NDArray[] biases;
    private final List<NDArray> variables;
    /** The variables with kernels in Keras' layout, for plain SGD's {@code K -= dK}. */
    private final List<NDArray> kerasVariables;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Constants constants;
    private final int outputs;
    /** The width of a row of targets: {@code loss.targetWidth(outputs)}. */
    private final int targetWidth;
    /** Each layer's units (the width of its bias). */
    private final long[] units;
    /** The rows of the batch at hand, set by train() and gradients() (the shape is not asked of the engine). */
    private int batchRows;

    /** The batches of the pass being trained, cut once per pass (see {@link Batches}). */
    private final Batches xBatches = new Batches();
    private final Batches yBatches = new Batches();
    private final Batches wBatches = new Batches();
    /** The learning rate folded into the output delta (plain SGD), 1 otherwise; follows the optimizer's. */
    private double rate;
    /** The output delta's constant factor by batch size, made on first use. */
    private NDArray[] scales = new NDArray[0];

    DenseBackpropStep(Network network, Loss loss, Optimizer optimizer, Constants constants) {
        List<Layer> layers = network.layers();
        int n = layers.size();
        this.derivatives = new Activation.Derivative[n];
        this.activations = new Activation[n];
        this.kernels = new NDArray[n];
        this.kerasKernels = new NDArray[n];
        this.biases = new NDArray[n];
        this.units = new long[n];
        List<NDArray> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Dense dense = (Dense) layers.get(i);
            activations[i] = dense.activation();
            derivatives[i] = dense.activation().derivativeFromOutput(constants);
            kernels[i] = dense.kernel().array();
            units[i] = dense.units();
            v.add(kernels[i]);
            if (dense.usesBias()) {
                biases[i] = dense.bias().array();
                v.add(biases[i]);
            }
        }
        this.variables = List.copyOf(v);
        // No autograd during the fit: a weight that requires a gradient costs libtorch an autograd dispatch on
        // every op that reads it, even with gradient recording off. close() restores it. Before the views below
        // are made, so that they are plain views that may be updated in place.
        Autograd.requireGradients(variables, false);
        List<NDArray> kv = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kerasKernels[i] = constants.keep(kernels[i].transpose());
            kv.add(kerasKernels[i]);
            if (biases[i] != null) {
                kv.add(biases[i]);
            }
        }
        this.kerasVariables = List.copyOf(kv);
        this.loss = loss;
        this.optimizer = optimizer;
        this.constants = constants;
        this.outputs = network.outputDim();
        this.targetWidth = loss.targetWidth(outputs);
        double stepRate = optimizer.plainStepRate();
        this.rate = Double.isNaN(stepRate) ? 1.0 : stepRate;
    }

    /** Whether the layers and loss have a hand-written backward pass. */
    static boolean supports(List<Layer> layers, Loss loss) {
        if (layers.isEmpty()) {
            return false;
        }
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            // Exactly Dense: a subclass may change the forward pass. Regularized kernels go through autograd.
            if (layer.getClass() != Dense.class || ((Dense) layer).kernelRegularizer() != null) {
                return false;
            }
            if (!layer.isTrainable()) {
                return false; // [layers] a frozen layer: autograd, whose optimizer sees only trainable weights
            }
            // [layers] Flat rows only: a Dense on N-D samples (acting on their last axis) goes through autograd.
            ai.djl.ndarray.types.Shape in = layer.isBuilt() ? layer.builtInputShape() : layer.declaredInputShape();
            if (in != null && in.dimension() != 1) {
                return false;
            }
            Activation a = ((Dense) layer).activation();
            boolean last = i == layers.size() - 1;
            if (!(last ? loss.hasOutputDelta(a) : a.hasDerivativeFromOutput())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Result train(NDArray xs, NDArray ys, NDArray ws, float[] targets, float[] weights, int start, int end) {
        int count = end - start;
        // Decided every step: a schedule changes plain SGD's rate, and clipping or weight decay set from a callback
        // ends the folding.
        double stepRate = optimizer.plainStepRate();
        boolean plain = !Double.isNaN(stepRate);
        if (plain && stepRate != rate) {
            rescale(stepRate);
        }
        batchRows = count;
        NDArray[] a = forward(xBatches.rows(xs, start, end));
        NDArray p = a[a.length - 1];
        float[] predicted = p.toFloatArray();
        // With sample weights, each row's output delta is times its weight: dL/dz_i = w_i / rows * dl_i/dz_i.
        List<NDArray> gradients = backward(a, yBatches.rows(ys, start, end), scale(count, plain ? rate : 1.0),
                ws == null ? null : wBatches.rows(ws, start, end));
        if (plain) {
            optimizer.applyScaled(kerasVariables, gradients);
        } else {
            optimizer.apply(variables, engineLayout(gradients));
        }
        return new Result(lossSum(loss, targets, weights, predicted, start, count, targetWidth, outputs) / count,
                predicted);
    }

    /**
     * The sum over rows [start, start + count) of the loss per sample, times its sample weight when
     * {@code weights} is given, on the host from the targets ({@code targetWidth} a row: one class index for the
     * sparse loss) and the batch's predictions ({@code outputs} a row).
     */
    static double lossSum(Loss loss, float[] targets, float[] weights, float[] predicted, int start, int count,
            int targetWidth, int outputs) {
        float[] expected = Arrays.copyOfRange(targets, start * targetWidth, (start + count) * targetWidth);
        if (weights == null) {
            return loss.hostSum(expected, predicted, count, outputs);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += weights[start + i] * loss.hostSum(
                    Arrays.copyOfRange(expected, i * targetWidth, (i + 1) * targetWidth),
                    Arrays.copyOfRange(predicted, i * outputs, (i + 1) * outputs), 1, outputs);
        }
        return sum;
    }

    @Override
    public List<NDArray> gradients(NDArray x, NDArray y) {
        batchRows = (int) x.getShape().get(0);
        return engineLayout(backward(forward(x), y, scale(batchRows, 1.0)));
    }

    /** Gradients in Keras' layout (kernels (inputs, units)) as views in the weights' layout. */
    private List<NDArray> engineLayout(List<NDArray> gradients) {
        NDArray[] out = gradients.toArray(new NDArray[0]);
        for (int k = 0; k < out.length; k++) {
            if (out[k].getShape().dimension() == 2) {
                out[k] = out[k].transpose();
            }
        }
        return Arrays.asList(out);
    }

    /** The activations of every layer; a[0] is the input. */
    private NDArray[] forward(NDArray x) {
        int n = kernels.length;
        NDArray[] a = new NDArray[n + 1];
        a[0] = x;
        for (int i = 0; i < n; i++) {
            // One native call for a . W^T + b.
            NDArray z = Linear.linear(a[i], kernels[i], biases[i]).singletonOrThrow();
            a[i + 1] = activations[i].apply(z);
        }
        return a;
    }

    /** The gradients in Keras' layout (times {@code scale}'s learning rate, if folded in), in variables' order. */
    private List<NDArray> backward(NDArray[] a, NDArray y, NDArray scale) {
        return backward(a, y, scale, null);
    }

    /** As above, each row's output delta times its sample weight when {@code w} (rows, 1) is given. */
    private List<NDArray> backward(NDArray[] a, NDArray y, NDArray scale, NDArray w) {
        int n = kernels.length;
        boolean oneRow = batchRows == 1;
        NDArray delta = loss.outputDelta(y, a[n], derivatives[n - 1]).muli(scale);
        if (w != null) {
            delta = delta.muli(w);
        }
        NDArray[] gradients = new NDArray[variables.size()];
        int g = gradients.length;
        for (int i = n - 1; i >= 0; i--) {
            if (biases[i] != null) {
                // one row: the sum over rows is that row, exactly; a view costs less than a reduction
                gradients[--g] = oneRow ? delta.reshape(units[i]) : delta.sum(new int[] {0});
            }
            gradients[--g] = a[i].transpose().matMul(delta);
            if (i > 0) {
                delta = derivatives[i - 1].timesDerivative(delta.matMul(kernels[i]), a[i]);
            }
        }
        return Arrays.asList(gradients);
    }

    /** The output delta's factor for a batch of {@code rows}: the loss's scale times {@code lr} (1 when not folded). */
    private NDArray scale(int rows, double lr) {
        if (lr != rate) {
            return constants.of((float) (lr * loss.outputDeltaScale(rows, outputs)));
        }
        if (rows >= scales.length) {
            scales = Arrays.copyOf(scales, rows + 1);
        }
        if (scales[rows] == null) {
            // Own arrays, not shared constants: a new learning rate rewrites them in place (rescale).
            scales[rows] = constants.keep(kernels[0].getManager().create(scaleValue(rows)));
        }
        return scales[rows];
    }

    private float scaleValue(int rows) {
        return (float) (rate * loss.outputDeltaScale(rows, outputs));
    }

    /** The learning rate changed between steps (a callback set it): the folded factors follow, in place. */
    private void rescale(double newRate) {
        rate = newRate;
        for (int rows = 0; rows < scales.length; rows++) {
            if (scales[rows] != null) {
                scales[rows].set(new float[] {scaleValue(rows)});
            }
        }
    }

    /** Makes the weights require gradients again, for autograd. */
    @Override
    public void close() {
        xBatches.close();
        yBatches.close();
        wBatches.close();
        Autograd.requireGradients(variables, true);
    }

    /**
     * The rows [start, end) of a pass's array as views cut once for the whole pass: on the seeds' per-sample
     * networks, slicing each batch with an index ({@code get(NDIndex)}, libtorch's advanced indexing, three native
     * calls) was about a tenth of a step. The first batch asked for sets the batch size; the views live in a manager
     * of their own, freed when the pass's array changes and when the step closes. A batch the cut does not hold
     * (another size) is sliced as before.
     */
    private static final class Batches implements AutoCloseable {
        private NDArray source;
        private int batchSize;
        private NDArray[] views;
        private ai.djl.ndarray.NDManager manager;

        NDArray rows(NDArray array, int start, int end) {
            if (array != source) {
                cut(array, end - start);
            }
            int index = start / batchSize;
            if (start % batchSize == 0 && index < views.length && views[index].getShape().get(0) == end - start) {
                return views[index];
            }
            return array.get(new NDIndex().addSliceDim(start, end));
        }

        private void cut(NDArray array, int size) {
            close();
            long n = array.getShape().get(0);
            long[] at = new long[(int) Math.max(0, (n - 1) / size)];
            for (int i = 0; i < at.length; i++) {
                at[i] = (long) (i + 1) * size;
            }
            manager = array.getManager().newSubManager();
            // With no cut, DJL's split gives back the array itself: keep a view then, never the caller's array.
            ai.djl.ndarray.NDList parts = at.length == 0 ? new ai.djl.ndarray.NDList(array.get(
                    new NDIndex().addSliceDim(0, n))) : array.split(at);
            views = new NDArray[parts.size()];
            for (int i = 0; i < views.length; i++) {
                views[i] = parts.get(i);
                views[i].attach(manager);
                ai.djl.ndarray.NDScope.unregister(views[i]);
            }
            source = array;
            batchSize = size;
        }

        @Override
        public void close() {
            if (manager != null) {
                manager.close();
                manager = null;
            }
            source = null;
            views = null;
        }
    }
}
