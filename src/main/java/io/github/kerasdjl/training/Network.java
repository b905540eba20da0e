package io.github.kerasdjl.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.kerasdjl.backend.ReplicaStore;
import io.github.kerasdjl.backend.Staging;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import java.util.ArrayList;
import java.util.List;

/**
 * A built model as training sees it: its layers, the DJL block they compiled to (whose parameters are the weights),
 * the manager that owns the weights and optimizer state, and the devices it trains on.
 */
public final class Network {

    private final List<Layer> layers;
    private final Block block;
    private final NDManager manager;
    private final List<Device> devices;
    private final int inputDim;
    private final int outputDim;
    /** [layers] The shape of one input sample and of one output (without the batch axis). */
    private final Shape inputShape;
    private final Shape outputShape;
    private List<Weight> weights;
    /** [layers] The layers' trainable flags when {@link #weights} was made: a change makes it again. */
    private boolean[] trainableFlags;
    /** [layers] Every weight, trainable or not, in Keras' get_weights order. */
    private final List<Weight> allWeights;
    private List<NDArray> variables;
    private final ReplicaStore store;
    /** The native buffers a fit's x and y are copied into, kept for the next fit (see {@link Staging}). */
    private final Staging xStaging = new Staging();
    private final Staging yStaging = new Staging();

    /**
     * @param layers the layers, built
     * @param block their block, initialized
     * @param manager the owner of the weights (on the first device)
     * @param devices one device, or several for data-parallel training
     * @param inputDim the input width
     */
    public Network(List<Layer> layers, Block block, NDManager manager, List<Device> devices, int inputDim) {
        this(layers, block, manager, devices, new Shape(inputDim));
    }

    /**
     * @param layers the layers, built
     * @param block their block, initialized
     * @param manager the owner of the weights (on the first device)
     * @param devices one device, or several for data-parallel training
     * @param inputShape the shape of one input sample (a batch of flat rows is reshaped to it in {@link #forward})
     */
    public Network(List<Layer> layers, Block block, NDManager manager, List<Device> devices, Shape inputShape) {
        this.layers = List.copyOf(layers);
        this.block = block;
        this.manager = manager;
        this.devices = List.copyOf(devices);
        this.inputShape = inputShape;
        this.inputDim = (int) inputShape.size();
        Shape shape = inputShape;
        List<Weight> all = new ArrayList<>();
        for (Layer l : layers) {
            shape = l.outputShape(shape);
            all.addAll(l.weights());
        }
        this.allWeights = List.copyOf(all);
        this.outputShape = shape;
        this.outputDim = (int) shape.size();
        refreshTrainable();
        this.store = new ReplicaStore(manager);
    }

    public List<Layer> layers() {
        return layers;
    }

    public Block block() {
        return block;
    }

    public NDManager manager() {
        return manager;
    }

    /** The staging buffer of a fit's inputs. */
    Staging xStaging() {
        return xStaging;
    }

    /** The staging buffer of a fit's targets. */
    Staging yStaging() {
        return yStaging;
    }

    /** Lets the staging buffers go (the model is closed): the garbage collector frees them. */
    public void releaseStaging() {
        xStaging.release();
        yStaging.release();
    }

    public List<Device> devices() {
        return devices;
    }

    /** The first device: where the weights live. */
    public Device device() {
        return devices.get(0);
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    /** The shape of one input sample. */
    public Shape inputShape() {
        return inputShape;
    }

    /** The shape of one output sample. */
    public Shape outputShape() {
        return outputShape;
    }

    /** Every weight, trainable or not (BatchNormalization's moving statistics, frozen layers), Keras' order. */
    public List<Weight> allWeights() {
        return allWeights;
    }

    /**
     * Every trainable weight, in Keras' order (kernel, then bias, layer by layer): the weights of trainable layers
     * that an optimizer updates. A layer's {@code trainable} flag changed since the last call is taken into account
     * (by the next fit, as Keras after a new compile).
     */
    public List<Weight> weights() {
        refreshTrainable();
        return weights;
    }

    /** The weights' engine arrays (the block's parameter arrays), in {@link #weights()}'s order. */
    public List<NDArray> variables() {
        refreshTrainable();
        return variables;
    }

    private synchronized void refreshTrainable() {
        boolean[] flags = new boolean[layers.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = layers.get(i).isTrainable();
        }
        if (java.util.Arrays.equals(flags, trainableFlags)) {
            return;
        }
        List<Weight> w = new ArrayList<>();
        for (Layer l : layers) {
            w.addAll(l.trainableWeights());
        }
        this.weights = List.copyOf(w);
        this.variables = weights.stream().map(Weight::array).toList();
        this.trainableFlags = flags;
    }

    /** The parameter store of the weights themselves (the first replica). */
    public ParameterStore store() {
        return store;
    }

    /** The block's output for a batch, reading the parameters from {@code store}. */
    public NDArray forward(ParameterStore parameters, NDArray x, boolean training) {
        if (inputShape.dimension() > 1 && x.getShape().dimension() == 2) {
            // [layers] N-D samples travel as flat rows (C order); the block sees them batch first, channels last.
            x = x.reshape(new Shape(x.getShape().get(0)).addAll(inputShape));
        }
        return block.forward(parameters, new NDList(x), training).singletonOrThrow();
    }

    /** The block's output for a batch, with the weights themselves. */
    public NDArray forward(NDArray x, boolean training) {
        return forward(store, x, training);
    }

    /** The loss plus every layer's regularization penalty (Keras adds layer.losses to the loss it minimizes). */
    public NDArray withPenalties(NDArray value) {
        for (Layer l : layers) {
            NDArray penalty = l.penalty();
            if (penalty != null) {
                value = value.add(penalty);
            }
        }
        return value;
    }

    /** The penalties computed on the host from the current weights. */
    public double hostPenalty() {
        double penalty = 0;
        for (Layer l : layers) {
            penalty += l.hostPenalty();
        }
        return penalty;
    }
}
