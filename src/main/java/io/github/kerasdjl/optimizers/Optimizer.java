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
            .register("adagrad", Adagrad::new)
            .register("adamw", AdamW::new)
            .register("adamax", Adamax::new)
            .register("nadam", Nadam::new);

    private final String name;
    private double learningRate;
    /** A learning-rate schedule, or null for the fixed {@link #learningRate}. */
    private LearningRateSchedule schedule;
    /** Keras' common arguments; null when not set (Keras' None). */
    private Double weightDecay;
    private Double clipnorm;
    private Double clipvalue;
    private Double globalClipnorm;
    /** The learning rate of the update being applied (the schedule's at the step count before it). */
    private double stepLearningRate;
    private long iterations;
    /** The model this optimizer is compiled into: its state belongs to that model alone. */
    private Object owner;
    private String ownerName;

    protected Optimizer(String name, double learningRate) {
        checkLearningRate(learningRate);
        this.name = name;
        this.learningRate = learningRate;
    }

    /** An optimizer whose learning rate follows {@code schedule} (Keras: a schedule as {@code learning_rate}). */
    protected Optimizer(String name, LearningRateSchedule schedule) {
        this.name = name;
        schedule(schedule);
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

    /** The learning rate of the next step: the schedule's value at {@link #iterations()} when there is one. */
    public double learningRate() {
        return schedule != null ? schedule.at(iterations) : learningRate;
    }

    /** The learning-rate schedule, or null when the rate is a number. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * Keras' {@code optimizer.learning_rate = value}, as {@code ReduceLROnPlateau} and {@code LearningRateScheduler}
     * do between epochs: the next step uses it. The state (moments, step count) is kept.
     *
     * @throws IllegalArgumentException for a negative, NaN or infinite rate
     * @throws IllegalStateException when the rate follows a schedule (as Keras refuses it)
     */
    public void setLearningRate(double value) {
        checkLearningRate(value);
        if (schedule != null) {
            throw new IllegalStateException("This optimizer (" + this + ") was created with a learning-rate schedule"
                    + " (" + schedule.className() + ") as its learning_rate, hence its learning rate is not"
                    + " settable; compile with a number as the learning rate to change it from a callback.");
        }
        this.learningRate = value;
    }

    /** Makes the learning rate follow {@code value} (Keras: a {@code LearningRateSchedule} as learning_rate). */
    public Optimizer schedule(LearningRateSchedule value) {
        if (value == null) {
            throw new IllegalArgumentException("Invalid value for argument `learning_rate`: null. Expected a number"
                    + " or a learning-rate schedule such as ExponentialDecay.");
        }
        this.schedule = value;
        return this;
    }

    /**
     * Keras' {@code weight_decay}: before each update, {@code w -= w * weight_decay * lr} for every variable (biases
     * too, as Keras does unless told to exclude them).
     */
    public Optimizer weightDecay(double value) {
        this.weightDecay = nonNegativeOrNull("weight_decay", value);
        return this;
    }

    /** Keras' {@code clipnorm}: each gradient is rescaled so that its L2 norm is at most this. */
    public Optimizer clipnorm(double value) {
        Double v = positive("clipnorm", value);
        requireOneClip("clipnorm", value, clipvalue, globalClipnorm);
        this.clipnorm = v;
        return this;
    }

    /** Keras' {@code clipvalue}: each gradient element is clipped to [-value, value]. */
    public Optimizer clipvalue(double value) {
        Double v = positive("clipvalue", value);
        requireOneClip("clipvalue", value, clipnorm, globalClipnorm);
        this.clipvalue = v;
        return this;
    }

    /** Keras' {@code global_clipnorm}: all gradients are rescaled together so that their joint L2 norm is at most this. */
    public Optimizer globalClipnorm(double value) {
        Double v = positive("global_clipnorm", value);
        requireOneClip("global_clipnorm", value, clipnorm, clipvalue);
        this.globalClipnorm = v;
        return this;
    }

    /** {@code weight_decay}, or null when not set. */
    public Double weightDecay() {
        return weightDecay;
    }

    /** {@code clipnorm}, or null when not set. */
    public Double clipnorm() {
        return clipnorm;
    }

    /** {@code clipvalue}, or null when not set. */
    public Double clipvalue() {
        return clipvalue;
    }

    /** {@code global_clipnorm}, or null when not set. */
    public Double globalClipnorm() {
        return globalClipnorm;
    }

    /** Whether gradients are clipped or weights decayed before the update (then no step can fold the rate in). */
    protected final boolean transformsGradients() {
        return weightDecay != null || clipnorm != null || clipvalue != null || globalClipnorm != null;
    }

    /** The learning rate of the update being applied; what {@link #update} uses. */
    protected final double stepLearningRate() {
        return stepLearningRate;
    }

    private static Double nonNegativeOrNull(String argument, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + value
                    + ". Expected a finite number >= 0.");
        }
        return value;
    }

    private static Double positive(String argument, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + value
                    + ". Expected a finite number > 0.");
        }
        return value;
    }

    private void requireOneClip(String argument, double value, Double other1, Double other2) {
        if (other1 != null || other2 != null) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + value
                    + ". Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set; this optimizer has"
                    + " clipnorm=" + clipnorm + ", clipvalue=" + clipvalue + ", global_clipnorm=" + globalClipnorm
                    + ".");
        }
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
        // Keras' BaseOptimizer.apply: the rate at the step count before this update, clipped gradients, weight
        // decay, then each variable's update; the count goes up last (here first, so update() sees Keras' t + 1).
        stepLearningRate = checkedStepRate();
        List<NDArray> g = clip(gradients);
        if (weightDecay != null) {
            float wd = (float) (double) weightDecay;
            float lr = (float) stepLearningRate;
            for (NDArray v : variables) {
                v.subi(v.mul(wd).muli(lr));
            }
        }
        iterations++;
        beforeUpdates();
        for (int i = 0; i < variables.size(); i++) {
            update(i, variables.get(i), g.get(i));
        }
    }

    /** The rate of the coming update; a schedule of the program's own that gives a bad one is stopped here. */
    private double checkedStepRate() {
        double rate = learningRate();
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("Invalid value for argument `learning_rate`: " + rate + " from the"
                    + " schedule " + (schedule == null ? "" : schedule.className()) + " at step " + iterations
                    + ". Expected a finite number >= 0; no variable was changed.");
        }
        return rate;
    }

    /** Keras' {@code _clip_gradients}: clipnorm per variable, else global_clipnorm, else clipvalue. */
    private List<NDArray> clip(List<NDArray> gradients) {
        if (clipnorm != null) {
            float c = (float) (double) clipnorm;
            List<NDArray> out = new java.util.ArrayList<>(gradients.size());
            for (NDArray g : gradients) {
                // g * c / max(||g||, c)
                out.add(g.mul(c).divi(g.square().sum().sqrt().maximum(c)));
            }
            return out;
        }
        if (globalClipnorm != null) {
            float c = (float) (double) globalClipnorm;
            NDArray squares = null;
            for (NDArray g : gradients) {
                NDArray s = g.square().sum();
                squares = squares == null ? s : squares.addi(s);
            }
            // c * min(1 / norm, 1 / c): 1 when the norm is within c (also when it is 0)
            NDArray norm = squares.sqrt();
            // Keras adds (norm - norm): NaN for an infinite or NaN norm, 0 otherwise
            NDArray scale = norm.pow(-1f).minimum(1f / c).muli(c).addi(norm.sub(norm));
            List<NDArray> out = new java.util.ArrayList<>(gradients.size());
            for (NDArray g : gradients) {
                out.add(g.mul(scale));
            }
            return out;
        }
        if (clipvalue != null) {
            float v = (float) (double) clipvalue;
            List<NDArray> out = new java.util.ArrayList<>(gradients.size());
            for (NDArray g : gradients) {
                out.add(g.clip(-v, v));
            }
            return out;
        }
        return gradients;
    }

    /** Called once per step after the count went up and before the variables' updates (Nadam's running product). */
    protected void beforeUpdates() {
    }

    /**
     * For an optimizer whose next step is exactly {@code w -= lr * g} (SGD without momentum, clipping or weight
     * decay), that {@code lr} (the schedule's, with one); NaN for any other. A hand-written backward pass folds it into its first delta and then calls {@link #applyScaled}.
     */
    public double plainStepRate() {
        return Double.NaN;
    }

    /**
     * One step of an optimizer with a {@link #plainStepRate()}, from gradients already multiplied by it:
     * {@code w -= g} for each variable.
     */
    public final void applyScaled(List<NDArray> variables, List<NDArray> scaledGradients) {
        countPlainStep();
        for (int i = 0; i < variables.size(); i++) {
            variables.get(i).subi(scaledGradients.get(i));
        }
    }

    /**
     * The optimizer's side of one step of an optimizer with a {@link #plainStepRate()} whose update {@code w -= g}
     * the caller makes itself (the hand-written step on JVM arrays): the step's rate is checked (a schedule that
     * gives a bad one throws here, before anything changes) and the step counted.
     */
    public final void countPlainStep() {
        if (Double.isNaN(plainStepRate())) {
            throw new IllegalStateException(this + " is not plain SGD; use apply()");
        }
        stepLearningRate = checkedStepRate();
        iterations++;
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

    /**
     * State that is one number for the whole optimizer rather than an array per variable, in Keras' order after the
     * slots (Nadam's running product of its momentum schedule). Empty for most optimizers.
     */
    public double[] scalarState() {
        return new double[0];
    }

    /** Restores {@link #scalarState()} from a saved state. */
    public void setScalarState(double[] values) {
        checkScalarState(values, 0);
    }

    /** Checks a saved scalar state's length. */
    protected final void checkScalarState(double[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException("Invalid value for argument `state`: " + (values == null ? "null"
                    : values.length + " number(s)") + ". " + this + " keeps " + expected + " number(s) of state"
                    + " besides its slots.");
        }
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

    /** The learning rate as {@code toString} shows it: the number, or the schedule. */
    protected final String rateText() {
        return schedule != null ? schedule.toString() : Double.toString(learningRate);
    }

    /** Keras' common arguments that are set, as {@code toString} appends them. */
    protected final String commonText() {
        StringBuilder b = new StringBuilder();
        if (weightDecay != null) {
            b.append(", weight_decay=").append(weightDecay);
        }
        if (clipnorm != null) {
            b.append(", clipnorm=").append(clipnorm);
        }
        if (clipvalue != null) {
            b.append(", clipvalue=").append(clipvalue);
        }
        if (globalClipnorm != null) {
            b.append(", global_clipnorm=").append(globalClipnorm);
        }
        return b.toString();
    }

    /** Updates variable {@code index} in place. {@link #iterations()} already counts this step. */
    protected abstract void update(int index, NDArray variable, NDArray gradient);

    @Override
    public String toString() {
        return name + "(learning_rate=" + rateText() + ")";
    }
}
