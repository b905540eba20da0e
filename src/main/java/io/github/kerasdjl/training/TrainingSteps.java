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
        return switch (choose(network.layers(), loss, network.devices().size(), fastPath)) {
            case HAND_WRITTEN -> new DenseBackpropStep(network, loss, optimizer, constants);
            case AUTOGRAD -> new AutogradStep(network, loss, optimizer, needPredictions);
        };
    }
}
