package io.github.kerasdjl.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.backend.Tensors;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.util.RandomSeed;
import java.util.Random;

/**
 * A workload written against DJL's public API as tightly as this project knows how, without the DSL: weights as
 * plain NDArrays stored (units, inputs) so that the forward pass is one {@code linear} call a layer and the
 * backward pass needs no transpose of them; the backward pass written by hand with the learning rate folded into
 * the output delta; relu' as {@code sign}; in-place updates; data on the device once, a permuted copy per epoch,
 * batches by slicing; the loss computed on the host from one copy of the predictions per step (cheaper than the
 * three or four engine calls of a loss on the device); each step in an NDScope.
 */
final class HandTunedDjl implements AutoCloseable {

    private final MlpSpec w;
    private final NDManager manager;
    private final NDArray x;
    private final NDArray y;
    private final NDArray[] weights;
    private final NDArray[] biases;
    private final NDArray[] scales;
    private final NDArray one;
    private final Random random = new Random(1);
    private final int n;
    private final boolean sigmoidHidden;
    private final float[][] hostY;
    private float[] targets;

    HandTunedDjl(Workload w) {
        this(MlpSpec.of(w));
    }

    HandTunedDjl(MlpSpec w) {
        this.w = w;
        Dataset data = w.data();
        manager = NDManager.newBaseManager();
        x = Tensors.toArray(manager, data.x());
        y = Tensors.toArray(manager, data.y());
        hostY = data.y();
        targets = Tensors.flatten(hostY);
        n = data.size();
        int layers = w.widths().length - 1;
        weights = new NDArray[layers];
        biases = new NDArray[layers];
        Random init = new Random(2);
        for (int l = 0; l < layers; l++) {
            int in = w.widths()[l];
            int out = w.widths()[l + 1];
            float limit = (float) Math.sqrt(6.0 / (in + out));
            float[] values = new float[in * out];
            for (int i = 0; i < values.length; i++) {
                values[i] = (init.nextFloat() * 2 - 1) * limit;
            }
            weights[l] = manager.create(values, new Shape(out, in));
            biases[l] = manager.zeros(new Shape(out));
        }
        double perRow = w.loss().equals("mse") ? 2.0 / w.widths()[layers] : 1.0;
        scales = new NDArray[w.batch() + 1];
        for (int rows = 1; rows <= w.batch(); rows++) {
            scales[rows] = manager.create((float) (w.learningRate() * perRow / rows));
        }
        one = manager.create(1f);
        sigmoidHidden = w.hidden().equals("sigmoid");
    }

    /** One epoch; returns the mean loss, read from the device once. */
    float epoch() {
        try (NDScope epochScope = new NDScope()) {
            epochScope.suppressNotUsedWarning();
            NDArray xs = x;
            NDArray ys = y;
            if (w.shuffle()) {
                long[] permutation = RandomSeed.permutation(n, random);
                NDArray order = manager.create(permutation);
                xs = x.get(order);
                ys = y.get(order);
                float[][] shuffled = new float[n][];
                for (int i = 0; i < n; i++) {
                    shuffled[i] = hostY[(int) permutation[i]];
                }
                targets = Tensors.flatten(shuffled);
            }
            return (float) (pass(xs, ys, n) / n);
        }
    }

    /**
     * {@code epochs} epochs over the first {@code rows} samples, in order (the scaling sweep, whose data are not
     * shuffled); returns the last epoch's mean loss.
     */
    float epochs(int rows, int epochs) {
        if (w.shuffle()) {
            throw new IllegalStateException("epochs(rows, epochs) is for data in order; this network shuffles");
        }
        double lossSum = 0;
        for (int e = 0; e < epochs; e++) {
            try (NDScope epochScope = new NDScope()) {
                epochScope.suppressNotUsedWarning();
                lossSum = pass(x, y, rows);
            }
        }
        return (float) (lossSum / rows);
    }

    /** The steps over the first {@code rows} samples of xs, ys; returns their summed loss. */
    private double pass(NDArray xs, NDArray ys, int rows) {
        double lossSum = 0;
        for (int start = 0; start < rows; start += w.batch()) {
            int end = Math.min(rows, start + w.batch());
            try (NDScope stepScope = new NDScope()) {
                stepScope.suppressNotUsedWarning();
                lossSum += step(xs, ys, start, end);
            }
        }
        return lossSum;
    }

    /** One step; returns the batch's summed loss. */
    private double step(NDArray xs, NDArray ys, int start, int end) {
        NDIndex rows = new NDIndex().addSliceDim(start, end);
        int layers = weights.length;
        NDArray[] a = new NDArray[layers + 1];
        a[0] = xs.get(rows);
        NDArray yb = ys.get(rows);
        for (int l = 0; l < layers; l++) {
            NDArray z = a[l].getNDArrayInternal().linear(a[l], weights[l], biases[l]).singletonOrThrow();
            boolean last = l == layers - 1;
            String f = last ? w.output() : w.hidden();
            a[l + 1] = switch (f) {
                case "relu" -> z.getNDArrayInternal().relu();
                case "sigmoid" -> z.getNDArrayInternal().sigmoid();
                default -> z.softmax(-1);
            };
        }
        NDArray p = a[layers];
        float[] predicted = p.toFloatArray();
        double batchLoss = hostLoss(predicted, start);
        NDArray delta = p.sub(yb);
        if (w.loss().equals("mse")) {
            delta.muli(p.sub(p.square())); // sigmoid output
        }
        delta.muli(scales[end - start]);
        for (int l = layers - 1; l >= 0; l--) {
            NDArray gradW = delta.transpose().matMul(a[l]);
            NDArray gradB = delta.sum(new int[] {0});
            if (l > 0) {
                NDArray back = delta.matMul(weights[l]);
                NDArray h = a[l];
                delta = back.muli(sigmoidHidden ? h.sub(h.square()) : h.sign());
            }
            weights[l].subi(gradW);
            biases[l].subi(gradB);
        }
        return batchLoss;
    }

    private double hostLoss(float[] p, int start) {
        int cols = w.widths()[w.widths().length - 1];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            float t = targets[start * cols + i];
            sum += w.loss().equals("mse") ? (p[i] - t) * (p[i] - t) / cols : -t * Math.log(Math.max(p[i], 1e-7));
        }
        return sum;
    }


    @Override
    public void close() {
        manager.close();
    }
}
