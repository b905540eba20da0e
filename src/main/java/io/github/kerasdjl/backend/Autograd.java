package io.github.kerasdjl.backend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine calls a training step makes besides the arithmetic: scopes that free a step's arrays, gradient
 * recording, reading and zeroing gradients, and copies between devices. Everything of DJL's autograd and memory
 * scoping that the library uses goes through here.
 */
public final class Autograd {

    static {
        EngineDefaults.apply();
    }

    private Autograd() {
    }

    /** A scope that frees, when closed, every engine array made inside it (unless detached). */
    public static NDScope scope() {
        NDScope scope = new NDScope();
        scope.suppressNotUsedWarning();
        return scope;
    }

    /** Keeps {@code array} alive after the scope it was made in closes. */
    public static NDArray keep(NDArray array) {
        NDScope.unregister(array);
        return array;
    }

    /**
     * Turns off the recording of operations for gradients on the calling thread, outside a {@link #record()}.
     * PyTorch's grad mode is per thread and on by default; DJL turns it off only on the thread that loads the engine.
     * On any other thread an in-place update of a weight (the optimizer, {@code setWeights}) would fail ("a leaf
     * Variable that requires grad is being used in an in-place operation") and every forward pass would build a graph.
     * The model calls this on entry to each of its operations, so that it works the same from any thread. DJL has no
     * public call for it: this is the PyTorch engine's own.
     */
    public static void stopRecordingOnThisThread() {
        Engine.getInstance();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    /** One recording at a time in the JVM: DJL's PyTorch collector refuses a second one, even on another thread. */
    private static final ReentrantLock RECORDING = new ReentrantLock();

    /**
     * Records the operations until closed; {@link GradientCollector#backward} puts gradients on the weights. DJL's
     * PyTorch engine allows one collector at a time in the whole JVM ("A PtGradientCollector is already
     * collecting"), so two models training through autograd on two threads take turns here instead of failing.
     */
    public static GradientCollector record() {
        RECORDING.lock();
        try {
            GradientCollector collector = Engine.getInstance().newGradientCollector();
            return new GradientCollector() {
                @Override
                public void backward(NDArray target) {
                    collector.backward(target);
                }

                @Override
                public void zeroGradients() {
                    collector.zeroGradients();
                }

                @Override
                public void close() {
                    try {
                        collector.close();
                    } finally {
                        RECORDING.unlock();
                    }
                }
            };
        } catch (RuntimeException e) {
            RECORDING.unlock();
            throw e;
        }
    }

    /**
     * The gradients on {@code variables}, summed over their replicas (gradient i of replica r is that of
     * {@code replicas.get(r).get(i)}) onto the first device. The handles belong to the caller's scope; zero them with
     * {@link #zero} after the update, since PyTorch accumulates gradients and DJL's collector does not zero them.
     *
     * @param used receives every gradient handle read, to be zeroed
     */
    public static List<NDArray> gradients(List<NDArray> variables, List<List<NDArray>> replicas,
            List<NDArray> used) {
        List<NDArray> gradients = new ArrayList<>(variables.size());
        for (int v = 0; v < variables.size(); v++) {
            NDArray g = variables.get(v).getGradient();
            used.add(g);
            for (List<NDArray> replica : replicas) {
                NDArray rg = replica.get(v).getGradient();
                used.add(rg);
                g = g.add(rg.toDevice(g.getDevice(), false));
            }
            gradients.add(g);
        }
        return gradients;
    }

    /** Sets gradients to zero in place. */
    public static void zero(List<NDArray> gradients) {
        for (NDArray g : gradients) {
            g.subi(g);
        }
    }

    /** Turns gradient tracking of the arrays on or off. */
    public static void requireGradients(List<NDArray> arrays, boolean required) {
        for (NDArray a : arrays) {
            a.setRequiresGradient(required);
        }
    }

    /**
     * A copy of {@code a} on {@code d}. Not {@code toDevice(d, true)} alone: for the array's own device libtorch's
     * {@code to} returns the same tensor, and a replica must not share its storage with the original.
     */
    public static NDArray copyTo(NDArray a, Device d) {
        return d.equals(a.getDevice()) ? a.duplicate() : a.toDevice(d, true);
    }

    /** {@code a} on device {@code d}: the array itself when it is there, else a copy. */
    public static NDArray toDevice(NDArray a, Device d) {
        return a.toDevice(d, false);
    }

    /** Overwrites {@code target}'s values with {@code source}'s (same shape, any device). */
    public static void assign(NDArray target, NDArray source) {
        NDArray onDevice = source.getDevice().equals(target.getDevice()) ? source
                : source.toDevice(target.getDevice(), false);
        target.set(new NDIndex("..."), onDevice);
        if (onDevice != source) {
            onDevice.close();
        }
    }
}
