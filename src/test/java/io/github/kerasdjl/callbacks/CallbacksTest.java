package io.github.kerasdjl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.training.FitOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbacksTest {

    private static String run(ProgressLogger logger, int epochs) {
        logger.onTrainBegin(null, epochs, 4);
        Map<String, Double> logs = new LinkedHashMap<>();
        for (int e = 0; e < epochs; e++) {
            logger.onEpochBegin(e);
            logs.put("loss", 1.0 / (e + 1));
            logs.put("accuracy", 0.5);
            logger.onEpochEnd(e, logs);
        }
        logger.onTrainEnd(logs);
        return "";
    }

    private static String output(int verbose, boolean terminal, int epochs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        run(new ProgressLogger(verbose, out, terminal), epochs);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verboseTwoPrintsOneLinePerEpoch() {
        String s = output(2, false, 7);
        assertEquals(7, s.lines().count());
        assertTrue(s.lines().findFirst().orElseThrow().startsWith("Epoch 1/7 - loss: 1.0000 - accuracy: 0.5000"),
                s);
        assertTrue(s.contains("ETA"), s);
    }

    @Test
    void formatSeconds() {
        assertEquals("4.2s", ProgressLogger.formatSeconds(4.2));
        assertEquals("3m07s", ProgressLogger.formatSeconds(187));
        assertEquals("1h02m", ProgressLogger.formatSeconds(3720));
    }

    /** EarlyStopping ends fit normally (no exception), Keras' way, and can restore the best weights. */
    @Test
    void earlyStoppingStopsFitNormally() {
        Dataset d = Playground.gauss(40, 0, 1);
        try (Sequential model = new Sequential().add(new Dense(1, "sigmoid", 2)).seed(1)) {
            model.compile(new io.github.kerasdjl.optimizers.SGD(0.0), "mse");
            EarlyStopping stop = new EarlyStopping("loss", 0, 2, true);
            History h = model.fit(d.x(), d.y(), new FitOptions().epochs(50).shuffle(false).verbose(0).callbacks(stop));
            // The loss never improves with learning rate 0: as Keras 3 (the fixture's case stop_constant in
            // KerasCallbacksTest), the first epoch sets the best, the wait reaches the patience at epoch 2.
            assertEquals(3, h.epochs().size());
            assertEquals(2, stop.stoppedEpoch());
        }
    }
}
