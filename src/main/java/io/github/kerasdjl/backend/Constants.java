package io.github.kerasdjl.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.HashMap;
import java.util.Map;

/**
 * Engine scalars made once and reused. An op with a Java number ({@code a.mul(0.2f)}) makes a new engine scalar
 * every time, which on a small network costs more than the op itself; a training step asks for its constants when it
 * is set up and keeps the arrays. Closing frees them.
 */
public final class Constants implements AutoCloseable {

    private final NDManager manager;
    private final Map<Float, NDArray> byValue = new HashMap<>();

    /** Constants owned by a new child of {@code parent} (on its device). */
    public Constants(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** The engine scalar {@code value}, float32, made on the first call (and kept out of any open scope). */
    public NDArray of(float value) {
        NDArray constant = byValue.get(value);
        if (constant == null) {
            constant = manager.create(value);
            NDScope.unregister(constant);
            byValue.put(value, constant);
        }
        return constant;
    }

    /** Makes {@code array} one of these constants: kept out of any open scope, freed with them. */
    public NDArray keep(NDArray array) {
        array.attach(manager);
        NDScope.unregister(array);
        return array;
    }

    @Override
    public void close() {
        manager.close();
        byValue.clear();
    }
}
