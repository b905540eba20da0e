package io.github.kerasdjl.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.kerasdjl.util.Registry;
import java.util.List;

/**
 * An optimizer as Keras defines it: it owns its state (velocities, moments), created once for a model's
 * variables, and updates each variable in place from its gradient.
 */
public abstract class Optimizer {

    static final Registry<Optimizer> REGISTRY = new Registry<Optimizer>("optimizer")
            .register("sgd", SGD::new)
            .register("adam", Adam::new)
            .register("rmsprop", RMSprop::new)
            .register("adagrad", Adagrad::new);

    private final String name;
    private double learningRate;
    private long iterations;
    /** The model this optimizer is compiled into: its state belongs to that model alone. */
    private Object owner;
    private String ownerName;

    protected Optimizer(String name, double learningRate) {
        checkLearningRate(learningRate);
        this.name = name;
        this.learningRate = learningRate;
    }

    private static void checkLearningRate(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid value for argument `learning_rate`: " + value
                    + ". Expected a finite number >= 0.");
        }
    }

    /**
     * Binds this optimizer to the model it is compiled into. Its state (the step count and the slots: velocities,
     * moments) belongs to that model, so compiling it into a second model that is still open is refused, naming
     * both, instead of silently resetting the first model's state.
     *
     * @throws IllegalArgumentException when another model holds this optimizer
     */
    public synchronized void bindTo(Object model, String modelName) {
        if (owner != null && owner != model) {
            throw new IllegalArgumentException("Invalid value for argument `optimizer`: " + this + " is already"
                    + " compiled into model '" + ownerName + "'. Each model needs its own optimizer, whose state (step"
                    + " count, velocities, moments) is that model's: give model '" + modelName + "' a new one, e.g. "
                    + name + "(...), or close model '" + ownerName + "' first.");
        }
        owner = model;
        ownerName = modelName;
    }

    /** Releases the optimizer from {@code model} (when it is closed or compiled with another optimizer). */
    public synchronized void unbind(Object model) {
        if (owner == model) {
            owner = null;
            ownerName = null;
        }
    }

    /** An optimizer by Keras name ({@code "sgd"}, {@code "adam"}) with Keras' defaults. */
    public static Optimizer get(String name) {
        return REGISTRY.get(name);
    }

    /** Every accepted name. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /** The Keras name. */
    public String name() {
        return name;
    }

    /** The learning rate of the next step. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Keras' {@code optimizer.learning_rate = value}, as {@code ReduceLROnPlateau} and {@code LearningRateScheduler}
     * do between epochs: the next step uses it. The state (moments, step count) is kept.
     *
     * @throws IllegalArgumentException for a negative, NaN or infinite rate
     */
    public void setLearningRate(double value) {
        checkLearningRate(value);
        this.learningRate = value;
    }

    /** How many update steps were applied (Keras' {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    /**
     * Creates the state for these variables in {@code owner} (once, before training; again if the variables change).
     */
    public abstract void build(List<NDArray> variables, NDManager owner);

    /** Whether {@link #build} was called for exactly these variables. */
    public abstract boolean isBuiltFor(List<NDArray> variables);

    /**
     * One step: updates each variable in place from its gradient. Temporaries it creates are freed by the caller's
     * scope.
     */
    public final void apply(List<NDArray> variables, List<NDArray> gradients) {
        iterations++;
        for (int i = 0; i < variables.size(); i++) {
            update(i, variables.get(i), gradients.get(i));
        }
    }

    /**
     * For an optimizer whose step is exactly {@code w -= lr * g} (SGD without momentum), that {@code lr}; NaN for
     * any other. A hand-written backward pass folds it into its first delta and then calls {@link #applyScaled}.
     */
    public double plainStepRate() {
        return Double.NaN;
    }

    /**
     * One step of an optimizer with a {@link #plainStepRate()}, from gradients already multiplied by it:
     * {@code w -= g} for each variable.
     */
    public final void applyScaled(List<NDArray> variables, List<NDArray> scaledGradients) {
        if (Double.isNaN(plainStepRate())) {
            throw new IllegalStateException(this + " is not plain SGD; use apply()");
        }
        iterations++;
        for (int i = 0; i < variables.size(); i++) {
            variables.get(i).subi(scaledGradients.get(i));
        }
    }

    /**
     * The optimizer's state arrays in Keras' order (the order of {@code optimizer.variables} after the iteration
     * count and the learning rate): for each variable, its slots (SGD with momentum: the momentum; Adam: momentum,
     * then velocity). Empty before {@link #build} or for an optimizer without state. The arrays are live: writing
     * them restores a saved state.
     */
    public List<NDArray> slots() {
        return List.of();
    }

    /**
     * Whether {@link #slots()} lists each variable's slots together (Adam: momentum, velocity of the first variable,
     * then of the second, ...) or one kind at a time over all variables (RMSprop: every velocity, then every
     * momentum), as Keras 3 orders {@code optimizer.variables}.
     */
    public boolean slotsInterleaved() {
        return true;
    }

    /** Sets the step count (Keras' {@code iterations}), for a state loaded from a file. */
    public void setIterations(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid value for argument `iterations`: " + value
                    + ". Expected an integer >= 0.");
        }
        this.iterations = value;
    }

    /** Whether both lists hold the very same arrays (by identity, not by content), in order. */
    protected static boolean sameArrays(List<NDArray> a, List<NDArray> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Updates variable {@code index} in place. {@link #iterations()} already counts this step. */
    protected abstract void update(int index, NDArray variable, NDArray gradient);

    @Override
    public String toString() {
        return name + "(learning_rate=" + learningRate + ")";
    }
}
