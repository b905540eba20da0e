package io.github.kerasdjl.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.kerasdjl.backend.Autograd;
import io.github.kerasdjl.backend.ReplicaStore;
import io.github.kerasdjl.layers.Weight;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A training step through DJL's autograd, over the model's devices as DJL's {@code EasyTrain.trainBatch} does it:
 * the batch split into one near-equal part per device, each replica's forward (the model's block) and backward on its
 * part with its loss weighted by its share of the rows, the gradients summed on the first device, one optimizer
 * update there, and the new weights copied to the other replicas. One device is the case N = 1: the whole batch, the
 * weights themselves, no copies. Any layer and any loss train this way.
 */
final class AutogradStep implements TrainingStep {

    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final boolean needPredictions;
    private final List<Device> devices;
    private final List<NDArray> variables;
    /** Replica r's parameter store; replica 0 reads the weights themselves. */
    private final List<ParameterStore> stores = new ArrayList<>();
    /** The weights of replicas 1..n-1, in variables' order. */
    private final List<List<NDArray>> replicas = new ArrayList<>();
    private final List<NDManager> replicaManagers = new ArrayList<>();

    AutogradStep(Network network, Loss loss, Optimizer optimizer, boolean needPredictions) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.needPredictions = needPredictions;
        this.devices = network.devices();
        this.variables = network.variables();
        stores.add(network.store());
        for (int r = 1; r < devices.size(); r++) {
            NDManager m = network.manager().newSubManager(devices.get(r));
            replicaManagers.add(m);
            Map<String, NDArray> copies = new HashMap<>();
            List<NDArray> replica = new ArrayList<>();
            for (Weight w : network.weights()) {
                NDArray copy = Autograd.copyTo(w.array(), devices.get(r));
                copy.attach(m);
                copy.setRequiresGradient(true);
                copies.put(w.parameter().getId(), copy);
                replica.add(copy);
            }
            replicas.add(replica);
            stores.add(new ReplicaStore(m, copies));
        }
    }

    @Override
    public Result train(NDArray xs, NDArray ys, NDArray ws, float[] targets, float[] weights, int start, int end) {
        float[] predicted = needPredictions ? new float[(end - start) * network.outputDim()] : null;
        double batchLoss = backward(xs, ys, ws, start, end, predicted);
        List<NDArray> used = new ArrayList<>();
        optimizer.apply(variables, Autograd.gradients(variables, replicas, used));
        Autograd.zero(used);
        syncReplicas();
        return new Result(batchLoss, predicted);
    }

    @Override
    public List<NDArray> gradients(NDArray x, NDArray y) {
        int rows = (int) x.getShape().get(0);
        backward(x, y, null, 0, rows, null);
        List<NDArray> used = new ArrayList<>();
        List<NDArray> gradients = new ArrayList<>();
        for (NDArray g : Autograd.gradients(variables, replicas, used)) {
            gradients.add(g.duplicate());
        }
        Autograd.zero(used);
        return gradients;
    }

    /**
     * Forward and backward of rows [start, end) over the replicas; the gradients land on each replica's weights.
     * Returns the batch loss; fills {@code predicted} (row-major) when given.
     */
    private double backward(NDArray xs, NDArray ys, NDArray ws, int start, int end, float[] predicted) {
        int rows = end - start;
        int n = devices.size();
        int cols = network.outputDim();
        double batchLoss = 0;
        try (GradientCollector collector = Autograd.record()) {
            for (int r = 0; r < n; r++) {
                int from = start + rows * r / n;
                int to = start + rows * (r + 1) / n;
                if (from == to) {
                    continue;
                }
                Device d = devices.get(r);
                NDIndex part = new NDIndex().addSliceDim(from, to);
                NDArray x = Autograd.toDevice(xs.get(part), d);
                NDArray y = Autograd.toDevice(ys.get(part), d);
                NDArray prediction = network.forward(stores.get(r), x, true);
                NDArray value;
                if (ws == null) {
                    value = loss.compute(y, prediction);
                } else {
                    // Keras' sum_over_batch_size: sum(w * loss) / rows of the part
                    NDArray w = Autograd.toDevice(ws.get(part), d).reshape(-1);
                    value = loss.perSample(y, prediction).mul(w).sum().divi((float) (to - from));
                }
                if (n > 1) {
                    value = value.muli((float) (to - from) / rows);
                }
                if (r == 0) {
                    value = network.withPenalties(value); // once per step, on the first device's weights
                }
                collector.backward(value);
                batchLoss += value.getFloat();
                if (predicted != null) {
                    System.arraycopy(prediction.toFloatArray(), 0, predicted, (from - start) * cols,
                            (to - from) * cols);
                }
            }
        }
        return batchLoss;
    }

    /** Copies the first device's weights to every replica. */
    private void syncReplicas() {
        for (List<NDArray> replica : replicas) {
            for (int v = 0; v < variables.size(); v++) {
                Autograd.assign(replica.get(v), variables.get(v));
            }
        }
    }

    @Override
    public void close() {
        for (NDManager m : replicaManagers) {
            m.close();
        }
    }
}
