package io.github.kerasdjl.backend;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;

/**
 * The arrays a DJL block's forward pass reads for its parameters, for one replica of the model: the parameters' own
 * arrays (the first replica, and every forward pass on one device), or copies of them on another device.
 *
 * <p>DJL's own {@link ParameterStore} keys replicas by device, so it cannot hold two replicas on one device (DJL's
 * PyTorch engine has a single CPU device); this store is one replica, so {@code cpu:0,cpu:1} works too.
 */
public final class ReplicaStore extends ParameterStore {

    private final Map<String, NDArray> copies;

    /** The store of the parameters' own arrays. */
    public ReplicaStore(NDManager manager) {
        this(manager, Map.of());
    }

    /**
     * @param manager where DJL would put anything it makes for this store (nothing, here)
     * @param copies this replica's arrays by {@link Parameter#getId()}; parameters not in it read their own array
     */
    public ReplicaStore(NDManager manager, Map<String, NDArray> copies) {
        super(manager, false);
        this.copies = Map.copyOf(copies);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null; // an optional parameter, e.g. the bias of a Linear without one
        }
        NDArray copy = copies.get(parameter.getId());
        return copy != null ? copy : parameter.getArray();
    }
}
