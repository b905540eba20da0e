package io.github.kerasdjl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {

    private static final Dataset DATA = Playground.circle(60, 0, 3);

    @TempDir
    Path dir;

    private static Sequential model(double lr) {
        return new Sequential().seed(3).add(new Dense(6, "relu", 2)).add(new Dense(1, "sigmoid"))
                .compile(new SGD(lr, 0.9, false), "mse", "accuracy");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savesEveryEpochWithKerasFileNameFields() throws IOException {
        ModelCheckpoint checkpoint = new ModelCheckpoint(dir.resolve("m-{epoch:02d}-{val_loss:.4f}.keras")
                .toString());
        try (Sequential m = model(0.1)) {
            History h = m.fit(DATA.x(), DATA.y(), new FitOptions().epochs(3).batchSize(10).validationSplit(0.25)
                    .verbose(0).callbacks(checkpoint));
            List<String> files = files();
            assertEquals(3, files.size(), files.toString());
            assertEquals(String.format(java.util.Locale.ROOT, "m-03-%.4f.keras", h.last("val_loss")), files.get(2));
            try (Sequential last = Keras.loadModel(dir.resolve(files.get(2)))) {
                assertEquals(0.0, Precision.maxDifference(m.getWeights(), last.getWeights()));
                assertEquals(m.optimizer().iterations(), last.optimizer().iterations());
            }
        }
    }

    @Test
    void saveBestOnlyKeepsTheBestEpochsWeights() throws IOException {
        Path best = dir.resolve("best.weights.h5");
        ModelCheckpoint checkpoint = Keras.ModelCheckpoint(best.toString(), "loss", "min", true, true);
        List<List<float[]>> weights = new java.util.ArrayList<>();
        Callback record = new Callback() {
            private ModelView model;

            @Override
            public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
                this.model = model;
            }

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                weights.add(model.getWeights());
            }
        };
        try (Sequential m = model(0.5)) {
            History h = m.fit(DATA.x(), DATA.y(), new FitOptions().epochs(8).batchSize(10).verbose(0)
                    .callbacks(record, checkpoint));
            List<Double> losses = h.get("loss");
            int bestEpoch = losses.indexOf(losses.stream().min(Double::compare).orElseThrow());
            assertEquals(losses.get(bestEpoch), checkpoint.best());
            assertTrue(checkpoint.saves() >= 1 && checkpoint.saves() <= 8);
            try (Sequential fresh = model(0.5)) {
                fresh.build(2);
                fresh.loadWeights(best);
                assertEquals(0.0, Precision.maxDifference(weights.get(bestEpoch), fresh.getWeights()),
                        "the file holds the best epoch's weights (epoch " + (bestEpoch + 1) + ")");
            }
        }
    }

    /** A diverged epoch (loss NaN) never writes a checkpoint, so it cannot replace a good one. */
    @Test
    void aNanLossNeverOverwritesAGoodCheckpoint() throws IOException {
        Path file = dir.resolve("last.keras");
        try (Sequential good = model(0.1)) {
            good.fit(DATA.x(), DATA.y(), new FitOptions().epochs(2).batchSize(10).verbose(0)
                    .callbacks(new ModelCheckpoint(file.toString())));
        }
        byte[] before = Files.readAllBytes(file);
        ModelCheckpoint checkpoint = new ModelCheckpoint(file.toString());
        try (Sequential diverging = new Sequential().seed(3).add(new Dense(6, "relu", 2)).add(new Dense(1))
                .compile(new SGD(1e6), "mse")) {
            PrintStreams.quiet(() -> diverging.fit(DATA.x(), DATA.y(), new FitOptions().epochs(6).batchSize(10)
                    .verbose(0).callbacks(checkpoint)));
        }
        assertTrue(checkpoint.skippedNonFinite() > 0, "some epochs diverged");
        assertTrue(checkpoint.saves() < 6);
        if (checkpoint.saves() == 0) {
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the good file is untouched");
        }
        try (Sequential loaded = Keras.loadModel(file)) {
            for (float[] w : loaded.getWeights()) {
                for (float v : w) {
                    assertTrue(Float.isFinite(v), "the checkpoint on disk holds finite weights");
                }
            }
        }
    }

    @Test
    void badArgumentsAreNamedBeforeTraining() {
        assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("model.h5"));
        assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("w.keras", "loss", "min", false, true));
        assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("m.keras", "loss", "lowest", false,
                false));
        Throwable e = assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("m-{epoch:x}.keras"));
        assertTrue(e.getMessage().contains("{epoch}"), e.getMessage());
        try (Sequential m = model(0.1)) {
            e = assertThrows(IllegalArgumentException.class, () -> m.fit(DATA.x(), DATA.y(), new FitOptions()
                    .epochs(1).verbose(0).callbacks(new ModelCheckpoint(dir.resolve("m-{val_loss:.2f}.keras")
                            .toString()))));
            assertTrue(e.getMessage().contains("{val_loss}"), e.getMessage());
            assertFalse(m.isBuilt(), "nothing was built");
        }
    }

    /** Runs something whose warnings on standard error are expected. */
    static final class PrintStreams {
        static void quiet(Runnable r) {
            java.io.PrintStream err = System.err;
            System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                r.run();
            } finally {
                System.setErr(err);
            }
        }
    }
}
