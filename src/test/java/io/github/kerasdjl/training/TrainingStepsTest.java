package io.github.kerasdjl.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.Adam;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One place chooses the step: what {@code usesFastPath()} says is what {@code fit} does. */
class TrainingStepsTest {

    private static final Dataset DATA = Playground.circle(24, 0, 3);

    /**
     * Which step a fit ran, seen from inside it: the hand-written step takes the weights out of autograd for the fit
     * (they do not require gradients while it runs), the autograd step needs them to.
     */
    private static boolean fitRanHandWritten(Sequential model) {
        List<Boolean> seen = new ArrayList<>();
        Callback probe = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                seen.add(!((Dense) model.layers().get(0)).kernel().array().hasGradient());
            }
        };
        model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(2).batchSize(8).verbose(0).callbacks(probe));
        assertEquals(1, seen.stream().distinct().count());
        assertTrue(((Dense) model.layers().get(0)).kernel().array().hasGradient(), "restored after the fit");
        return seen.get(0);
    }

    @Test
    void usesFastPathIsWhatFitDoes() {
        List<Supplier<Sequential>> models = List.of(
                () -> new Sequential().add(new Dense(4, "relu", 2)).add(new Dense(1, "sigmoid"))
                        .compile(new SGD(0.1), "mse"),
                () -> new Sequential().add(new Dense(4, "tanh", 2)).add(new Dense(1, "sigmoid"))
                        .compile(new Adam(), "binary_crossentropy"),
                () -> new Sequential().add(new Dense(4, "elu", 2)).add(new Dense(1, "sigmoid"))
                        .compile(new SGD(0.1), "mse"),
                () -> new Sequential().add(new Dense(4, "relu", 2).kernelRegularizer(Regularizer.l2(0.01)))
                        .add(new Dense(1, "sigmoid")).compile(new SGD(0.1), "mse"),
                () -> new Sequential().fastPath(false).add(new Dense(4, "relu", 2)).add(new Dense(1, "sigmoid"))
                        .compile(new SGD(0.1), "mse"),
                () -> new Sequential().device("cpu:0,cpu:1").add(new Dense(4, "relu", 2))
                        .add(new Dense(1, "sigmoid")).compile(new SGD(0.1), "mse"),
                () -> new Sequential().add(new Dense(4, "relu", 2)).add(new Dense(1, "linear"))
                        .compile(new SGD(0.1), "binary_crossentropy"));
        List<Boolean> expected = List.of(true, true, false, false, false, false, false);
        for (int i = 0; i < models.size(); i++) {
            try (Sequential model = models.get(i).get()) {
                boolean says = model.usesFastPath();
                assertEquals(expected.get(i), says, "model " + i);
                assertEquals(says, fitRanHandWritten(model), "model " + i + ": usesFastPath() and fit disagree");
            }
        }
    }

    @Test
    void chooserNeedsOneDeviceAndTheFastPathOn() {
        Sequential model = new Sequential().add(new Dense(4, "relu", 2)).add(new Dense(1, "sigmoid"))
                .compile(new SGD(0.1), "mse");
        List<io.github.kerasdjl.layers.Layer> layers = model.layers();
        assertEquals(TrainingSteps.Kind.HAND_WRITTEN, TrainingSteps.choose(layers, model.loss(), 1, true));
        assertEquals(TrainingSteps.Kind.AUTOGRAD, TrainingSteps.choose(layers, model.loss(), 2, true));
        assertEquals(TrainingSteps.Kind.AUTOGRAD, TrainingSteps.choose(layers, model.loss(), 1, false));
        assertFalse(DenseBackpropStep.supports(List.of(), model.loss()));
        model.close();
    }
}
