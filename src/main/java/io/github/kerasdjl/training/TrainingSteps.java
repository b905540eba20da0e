package io.github.kerasdjl.training;

import io.github.kerasdjl.backend.Constants;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.optimizers.Optimizer;
import java.util.List;

/** The one place that decides which {@link TrainingStep} trains a model. */
public final class TrainingSteps {

    /** The kinds of step. */
    public enum Kind {
        /** {@link DenseBackpropStep}: the hand-written backward pass of a Dense stack, on one device. */
        HAND_WRITTEN,
        /** {@link AutogradStep}: DJL's autograd through the model's block, on one or more devices. */
        AUTOGRAD
    }

    private TrainingSteps() {
    }

    /**
     * The step for these layers and loss: the hand-written one when it is allowed ({@code fastPath}), the model
     * trains on one device and {@link DenseBackpropStep#supports} says it covers them; autograd otherwise.
     */
    public static Kind choose(List<Layer> layers, Loss loss, int devices, boolean fastPath) {
        return fastPath && devices == 1 && DenseBackpropStep.supports(layers, loss) ? Kind.HAND_WRITTEN
                : Kind.AUTOGRAD;
    }

    /**
     * The step {@link #choose} picks, for a fit or a gradient computation.
     *
     * @param constants where the step keeps its engine constants (closed by the caller afterwards)
     * @param needPredictions whether {@link TrainingStep#train} must return the predictions
     */
    public static TrainingStep create(Network network, Loss loss, Optimizer optimizer, boolean fastPath,
            Constants constants, boolean needPredictions) {
        return create(network, loss, optimizer, fastPath, 0, constants, needPredictions);
    }

    /**
     * As above, for a fit in batches of {@code hostRows}: the hand-written step on JVM arrays
     * ({@link HostDenseStep}) when it supports such a step ({@link #onHost}); 0 never takes it.
     */
    public static TrainingStep create(Network network, Loss loss, Optimizer optimizer, boolean fastPath,
            int hostRows, Constants constants, boolean needPredictions) {
        if (onHost(network, loss, optimizer, fastPath, hostRows)) {
            return new HostDenseStep(network, loss, optimizer, constants);
        }
        return switch (choose(network.layers(), loss, network.devices().size(), fastPath)) {
            case HAND_WRITTEN -> new DenseBackpropStep(network, loss, optimizer, constants);
            case AUTOGRAD -> new AutogradStep(network, loss, optimizer, needPredictions);
        };
    }

    /**
     * Whether a fit in batches of {@code rows} trains on JVM arrays: the hand-written step is allowed, the model
     * trains on the CPU with plain SGD, and a step is small enough ({@link HostDenseStep#supports}).
     */
    public static boolean onHost(Network network, Loss loss, Optimizer optimizer, boolean fastPath, int rows) {
        return fastPath && HostDenseStep.supports(network, loss, optimizer, rows);
    }
}
