package io.github.kerasdjl.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.callbacks.ProgressLogger;
import io.github.kerasdjl.callbacks.TerminateOnNaN;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Training that diverges is said out loud: one warning, nan in the progress lines, TerminateOnNaN. */
class DivergenceTest {

    private static final Dataset DATA = Playground.gauss(40, 0, 5);


    private static Sequential diverging() {
        return new Sequential().seed(2).add(new Dense(8, "relu", 2)).add(new Dense(1))
                .compile(new SGD(1e6), "mse");
    }

    @Test
    void aNonFiniteLossIsWarnedOnceAndPrintedAsNan() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (Sequential model = diverging()) {
            History[] h = new History[1];
            String err = io.github.kerasdjl.callbacks.Stderr.of(() -> h[0] = model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(5).batchSize(8)
                    .verbose(0).callbacks(new ProgressLogger(2, new PrintStream(progress, true,
                            StandardCharsets.UTF_8), false))));
            assertTrue(h[0].get("loss").stream().anyMatch(v -> !Double.isFinite(v)), h[0].toString());
            assertEquals(1, err.split("training has diverged", -1).length - 1, err);
            assertTrue(err.contains("Lower the learning rate (SGD(learning_rate=1000000.0"), err);
            String lines = progress.toString(StandardCharsets.UTF_8);
            assertTrue(lines.contains("loss: nan"), lines);
            assertFalse(lines.contains("NaN"), lines);
        }
    }

    @Test
    void terminateOnNanEndsTrainingAtTheFirstBadBatch() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerminateOnNaN terminate = new TerminateOnNaN(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (Sequential model = diverging()) {
            History[] h = new History[1];
            io.github.kerasdjl.callbacks.Stderr.of(() -> h[0] = model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(50).batchSize(8).verbose(0)
                    .callbacks(terminate)));
            int epochs = h[0].get("loss").size();
            assertTrue(epochs < 50, "stopped after " + epochs + " epochs");
            long steps = model.optimizer().iterations();
            assertEquals((epochs - 1) * 5 + terminate.stoppedAtBatch() + 1, steps, "ended right after that batch");
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Batch " + terminate.stoppedAtBatch()
                    + ": Invalid loss, terminating training"), out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void lossesThatCannotLearnInTheirSettingAreWarned() {
        float[][] x = DATA.x();
        String err = io.github.kerasdjl.callbacks.Stderr.of(() -> {
            try (Sequential oneUnit = new Sequential().seed(1).add(new Dense(1, "softmax", 2))
                    .compile(new SGD(0.1), "categorical_crossentropy")) {
                oneUnit.fit(x, DATA.y(), new FitOptions().epochs(1).verbose(0));
            }
        });
        assertTrue(err.contains("categorical_crossentropy on a model with one output unit"), err);
        assertTrue(err.contains("binary_crossentropy"), err);
        float[][] minusOneOne = new float[x.length][1];
        for (int i = 0; i < x.length; i++) {
            minusOneOne[i][0] = DATA.y()[i][0] > 0.5f ? 1 : -1;
        }
        err = io.github.kerasdjl.callbacks.Stderr.of(() -> {
            try (Sequential model = new Sequential().seed(1).add(new Dense(1, "sigmoid", 2))
                    .compile(new SGD(0.1), "binary_crossentropy")) {
                model.fit(x, minusOneOne, new FitOptions().epochs(1).verbose(0));
            }
        });
        assertTrue(err.contains("expects labels in [0, 1], but y holds values from -1.0 to 1.0"), err);
        err = io.github.kerasdjl.callbacks.Stderr.of(() -> {
            try (Sequential fine = new Sequential().seed(1).add(new Dense(1, "sigmoid", 2))
                    .compile(new SGD(0.1), "binary_crossentropy")) {
                fine.fit(x, DATA.y(), new FitOptions().epochs(1).verbose(0));
            }
        });
        assertFalse(err.contains("WARN"), err);
    }
}
