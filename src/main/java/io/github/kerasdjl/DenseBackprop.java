package io.github.kerasdjl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.losses.Losses;
import io.github.kerasdjl.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training step of a stack of {@link Dense} layers with its backward pass written out by hand, as the
 * seeds derive it, instead of DJL's autograd. On the seeds' tiny networks a step's time is the number of native
 * calls (each costs microseconds whatever the tensor size), and autograd makes about twice as many as this pass:
 *
 * <pre>
 * forward, each layer:    z = linear(a, W^T, b);  a' = f(z)          (activations a kept)
 * output delta:           d = dL/dz of the last layer, times lr for plain SGD
 * backward, each layer:   dW = a^T . d;  db = sum(d, rows);  d = (d . W^T) * f'(a)
 * update:                 the optimizer, or W -= dW for plain SGD (lr already in d)
 * </pre>
 *
 * with f'(a) written from the activation's output: relu {@code sign(a)}, sigmoid {@code a - a^2}, tanh
 * {@code 1 - a^2}, leaky_relu {@code 0.2 + 0.8 [a > 0]}. The output delta: mse {@code 2 (p - y) / (rows cols)}
 * times f'(p); mae {@code sign(p - y) / (rows cols)} times f'(p); binary cross-entropy on a sigmoid output
 * {@code (p - y) / (rows cols)} and categorical cross-entropy on a softmax output {@code (p - y) / rows}. The last
 * two are the gradients of the cross-entropy of the logits, as Keras' TensorFlow backend computes them; they
 * differ from the gradient through the clipped probabilities (the autograd path) only where an output is within
 * 1e-7 of 0 or 1.
 *
 * <p>Anything else (another layer type or activation, a regularized kernel, a custom loss, categorical targets
 * whose rows do not sum to 1) trains through autograd. The tests compare both paths step by step.
 */
final class DenseBackprop implements AutoCloseable {

    private final List<Layer> layers;
    private final Activation[] activations;
    private final NDArray[] kernels;
    private final NDArray[] transposed;
    private final NDArray[] biases;
    private final boolean[] hasBias;
    private final List<NDArray> variables;
    private final Loss loss;
    private final Optimizer optimizer;
    private final boolean plain;
    private final NDArray one;
    private final NDArray zero;
    private final NDArray leakySlope;
    private final NDArray leakyRise;
    /** The output delta's constant factor by batch size (only the sizes the fit uses are filled). */
    private final NDArray[] scales;

    private DenseBackprop(List<Layer> layers, Loss loss, Optimizer optimizer, NDManager constants, int outputs,
            int... batchRows) {
        this.layers = layers;
        int n = layers.size();
        this.activations = new Activation[n];
        this.kernels = new NDArray[n];
        this.transposed = new NDArray[n];
        this.biases = new NDArray[n];
        this.hasBias = new boolean[n];
        List<NDArray> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Dense dense = (Dense) layers.get(i);
            activations[i] = dense.activation();
            for (Weight w : dense.weights()) {
                v.add(w.array());
                if (w.name().equals("kernel")) {
                    kernels[i] = w.array();
                } else {
                    biases[i] = w.array();
                    hasBias[i] = true;
                }
            }
        }
        this.variables = List.copyOf(v);
        // No autograd during the fit: a weight that requires a gradient costs libtorch an autograd dispatch on
        // every op that reads it, even with gradient recording off. close() restores it.
        for (NDArray variable : variables) {
            variable.setRequiresGradient(false);
        }
        for (int i = 0; i < n; i++) {
            // A transposed view, made once: it shares the kernel's storage, so it follows the in-place updates.
            transposed[i] = kernels[i].transpose();
            transposed[i].attach(constants);
            if (biases[i] == null) {
                biases[i] = constants.zeros(new Shape(kernels[i].getShape().get(1)));
            }
        }
        this.loss = loss;
        this.optimizer = optimizer;
        this.plain = !Double.isNaN(optimizer.plainStepRate());
        this.one = constants.create(1f);
        this.zero = constants.create(0f);
        float slope = (float) Activation.LEAKY_RELU_NEGATIVE_SLOPE;
        this.leakySlope = constants.create(slope);
        this.leakyRise = constants.create(1f - slope);
        // The output delta's constant factor for each batch size: made once, as an op with a Java scalar would
        // create a new engine scalar on every step.
        double rate = plain ? optimizer.plainStepRate() : 1.0;
        double lossFactor = loss instanceof Losses.MeanSquaredError ? 2.0 : 1.0;
        int perRow = loss instanceof Losses.CategoricalCrossentropy ? 1 : outputs;
        this.scales = new NDArray[Arrays.stream(batchRows).max().orElse(0) + 1];
        for (int rows : batchRows) {
            if (scales[rows] == null) {
                scales[rows] = constants.create((float) (rate * lossFactor / ((double) rows * perRow)));
            }
        }
    }

    /**
     * The hand-written step for these layers, loss and targets, or null when they need autograd. Its constants
     * live in {@code constants}, which the caller closes after the fit.
     *
     * @param targets the training targets, row-major
     * @param outputs the number of outputs per row
     * @param batchRows the sizes the batches will have
     */
    static DenseBackprop plan(List<Layer> layers, Loss loss, Optimizer optimizer, float[] targets, int outputs,
            NDManager constants, int... batchRows) {
        if (!supports(layers, loss)) {
            return null;
        }
        if (loss instanceof Losses.CategoricalCrossentropy && !rowsSumToOne(targets, outputs)) {
            return null;
        }
        return new DenseBackprop(layers, loss, optimizer, constants, outputs, batchRows);
    }

    /** Whether the layers and loss have a hand-written backward pass (the targets aside). */
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
            Activation a = ((Dense) layer).activation();
            boolean last = i == layers.size() - 1;
            if (!(last ? outputSupported(a, loss) : hasDerivativeFromOutput(a))) {
                return false;
            }
        }
        return true;
    }

    private static boolean outputSupported(Activation a, Loss loss) {
        if (loss instanceof Losses.MeanSquaredError || loss instanceof Losses.MeanAbsoluteError) {
            return hasDerivativeFromOutput(a);
        }
        if (loss instanceof Losses.BinaryCrossentropy) {
            return a == Activation.SIGMOID;
        }
        if (loss instanceof Losses.CategoricalCrossentropy) {
            return a == Activation.SOFTMAX;
        }
        return false;
    }

    private static boolean hasDerivativeFromOutput(Activation a) {
        return switch (a) {
            case LINEAR, RELU, SIGMOID, TANH, LEAKY_RELU -> true;
            default -> false;
        };
    }

    private static boolean rowsSumToOne(float[] targets, int cols) {
        for (int r = 0; r < targets.length / cols; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                float t = targets[r * cols + c];
                if (t < 0) {
                    return false;
                }
                sum += t;
            }
            if (Math.abs(sum - 1) > 1e-5) {
                return false;
            }
        }
        return true;
    }

    /** Makes the weights require gradients again, for autograd (computeGradients, a fit without this pass). */
    @Override
    public void close() {
        for (NDArray variable : variables) {
            variable.setRequiresGradient(true);
        }
    }

    /**
     * One step on rows [start, end) of {@code xs} and {@code ys}: forward, hand-written backward, update. Every
     * array it makes belongs to the caller's scope. Returns the predictions of the forward pass, row-major.
     */
    float[] step(NDArray xs, NDArray ys, int start, int end) {
        NDIndex rows = new NDIndex().addSliceDim(start, end);
        int n = layers.size();
        NDArray[] a = new NDArray[n + 1];
        a[0] = xs.get(rows);
        for (int i = 0; i < n; i++) {
            // One native call for a . W + b: torch's linear takes the weight as (units, inputs).
            NDArray z = a[i].getNDArrayInternal().linear(a[i], transposed[i], biases[i]).singletonOrThrow();
            a[i + 1] = activations[i].apply(z);
        }
        NDArray p = a[n];
        float[] predicted = p.toFloatArray();

        NDArray delta = p.sub(ys.get(rows));
        if (loss instanceof Losses.MeanAbsoluteError) {
            delta = delta.sign();
        }
        if (loss instanceof Losses.MeanSquaredError || loss instanceof Losses.MeanAbsoluteError) {
            delta = timesDerivative(delta, activations[n - 1], p);
        }
        delta = delta.muli(scales[end - start]);

        NDArray[] gradients = new NDArray[variables.size()];
        int g = gradients.length;
        for (int i = n - 1; i >= 0; i--) {
            if (hasBias[i]) {
                gradients[--g] = delta.sum(new int[] {0});
            }
            gradients[--g] = a[i].transpose().matMul(delta);
            if (i > 0) {
                delta = timesDerivative(delta.matMul(transposed[i]), activations[i - 1], a[i]);
            }
        }
        if (plain) {
            optimizer.applyScaled(variables, Arrays.asList(gradients));
        } else {
            optimizer.apply(variables, Arrays.asList(gradients));
        }
        return predicted;
    }

    /** {@code d * f'(z)} in place, with f' written from the activation's output {@code a = f(z)}. */
    private NDArray timesDerivative(NDArray d, Activation f, NDArray a) {
        return switch (f) {
            case LINEAR -> d;
            case RELU -> d.muli(a.sign());
            case SIGMOID -> d.muli(a.sub(a.mul(a)));
            case TANH -> d.muli(one.sub(a.mul(a)));
            case LEAKY_RELU -> d.muli(a.gt(zero).toType(DataType.FLOAT32, false).muli(leakyRise).addi(leakySlope));
            default -> throw new IllegalStateException("no derivative from the output for " + f);
        };
    }
}
