package io.github.kerasdjl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad arguments to the callbacks: a clear IllegalArgumentException naming the argument and the value, before
 * anything trains; and what Keras does not reject (a monitored key the logs lack) warns once and trains on. The
 * order in which the hooks fire is Keras'.
 */
class CallbackArgumentsTest {

    private static final float[][] X = {{0, 1}, {1, 0}, {1, 1}, {0, 0}, {0.5f, 0.2f}};
    private static final float[][] Y = {{1}, {1}, {0}, {0}, {1}};

    @TempDir
    Path dir;

    private static void assertMessage(Executable call, String... parts) {
        Throwable e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    private static Sequential model() {
        Sequential m = new Sequential().seed(1).add(new Dense(3, "tanh", 2)).add(new Dense(1, "sigmoid"));
        m.compile(new SGD(0.1), "binary_crossentropy", "accuracy");
        m.build(2);
        return m;
    }

    @Test
    void reduceLROnPlateauRejectsBadArguments() {
        assertMessage(() -> new ReduceLROnPlateau("val_loss", -0.5, 10), "`factor`", "-0.5", "[0, 1)");
        assertMessage(() -> new ReduceLROnPlateau("val_loss", Double.NaN, 10), "`factor`", "NaN");
        assertMessage(() -> new ReduceLROnPlateau("val_loss", 1.0, 10), "`factor`", "1.0",
                "does not support a factor >= 1.0");
        assertMessage(() -> new ReduceLROnPlateau("val_loss", 0.1, -1), "`patience`", "-1");
        assertMessage(() -> new ReduceLROnPlateau("val_loss", 0.1, 1, 0, "auto", 1e-4, 0, -0.001), "`min_lr`",
                "-0.001");
        assertMessage(() -> new ReduceLROnPlateau("val_loss", 0.1, 1, 0, "auto", 1e-4, 0, Double.NaN), "`min_lr`",
                "NaN");
        assertMessage(() -> new ReduceLROnPlateau("val_loss", 0.1, 1, 0, "auto", 1e-4, -2, 0), "`cooldown`", "-2");
        assertMessage(() -> new ReduceLROnPlateau("val_loss", 0.1, 1, 0, "lowest", 1e-4, 0, 0), "`mode`",
                "'lowest'", "'min', 'max' or 'auto'");
        assertMessage(() -> new ReduceLROnPlateau("val_loss", 0.1, 1, 0, "auto", Double.NaN, 0, 0), "`min_delta`",
                "NaN");
        assertMessage(() -> new ReduceLROnPlateau(null, 0.1, 1), "`monitor`", "null");
    }

    @Test
    void earlyStoppingRejectsBadArguments() {
        assertMessage(() -> new EarlyStopping("loss", 0, -1, false), "`patience`", "-1");
        assertMessage(() -> new EarlyStopping("loss", 0, 1, 0, "maximum", null, false, 0), "`mode`", "'maximum'");
        assertMessage(() -> new EarlyStopping("loss", 0, 1, 0, null, null, false, 0), "`mode`", "null");
        assertMessage(() -> new EarlyStopping("loss", 0, 1, 0, "min", Double.NaN, false, 0), "`baseline`", "NaN");
        assertMessage(() -> new EarlyStopping("loss", 0, 1, 0, "min", null, false, -3), "`start_from_epoch`", "-3");
        assertMessage(() -> new EarlyStopping("loss", Double.POSITIVE_INFINITY, 1, false), "`min_delta`",
                "Infinity");
        assertMessage(() -> new EarlyStopping("loss", 0, 1, 2, "min", null, false, 0), "`verbose`", "2");
    }

    @Test
    void otherCallbacksRejectBadArguments() {
        assertMessage(() -> new LearningRateScheduler(null), "`schedule`", "null");
        assertMessage(() -> new LearningRateScheduler((e, lr) -> lr, -1), "`verbose`", "-1");
        assertMessage(() -> new CSVLogger(null), "`filename`", "null");
        assertMessage(() -> new CSVLogger(" "), "`filename`");
        assertMessage(() -> new CSVLogger("log.csv", ", ", false), "`separator`", "', '", "one character");
        assertMessage(() -> new CSVLogger("log.csv", "\n", false), "`separator`", "'\\n'");
        assertMessage(() -> new CSVLogger("log.csv", "", false), "`separator`", "''");
    }

    /** Fails before training: the weights and the optimizer are as before, and nothing was written. */
    private static void assertRejectedBeforeTraining(Callback callback, boolean validation, String... parts) {
        try (Sequential m = model()) {
            List<float[]> before = m.getWeights();
            FitOptions o = new FitOptions().epochs(2).batchSize(2).verbose(0).callbacks(callback);
            if (validation) {
                o.validationData(X, Y);
            }
            assertMessage(() -> m.fit(X, Y, o), parts);
            assertEquals(0, m.optimizer().iterations(), "optimizer steps");
            List<float[]> after = m.getWeights();
            for (int i = 0; i < before.size(); i++) {
                assertTrue(java.util.Arrays.equals(before.get(i), after.get(i)), "weights changed");
            }
        }
    }

    @Test
    void aCsvFolderThatCannotBeWrittenFailsBeforeTraining() throws IOException {
        Path missing = dir.resolve("no-such-folder").resolve("log.csv");
        assertRejectedBeforeTraining(new CSVLogger(missing.toString()), false, "`filename`", missing.toString(),
                "does not exist");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertRejectedBeforeTraining(new CSVLogger(file.resolve("log.csv").toString()), false, "`filename`",
                "does not exist");
        Path folderAsFile = Files.createDirectory(dir.resolve("log.csv"));
        assertRejectedBeforeTraining(new CSVLogger(folderAsFile.toString()), false, "`filename`",
                "not a file that can be written");
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        if (readOnly.toFile().setWritable(false) && !Files.isWritable(readOnly)) { // not when run as root
            assertRejectedBeforeTraining(new CSVLogger(readOnly.resolve("log.csv").toString()), false,
                    "`filename`", "cannot be written");
        }
        readOnly.toFile().setWritable(true);
        assertTrue(!Files.exists(missing));
    }

    /** As Keras: in mode auto a monitor that is neither the loss nor a metric of the model is an error. */
    @Test
    void aMonitorWhoseDirectionCannotBeToldFailsBeforeTraining() {
        assertRejectedBeforeTraining(new ReduceLROnPlateau("val_acuracy", 0.5, 1), true, "`monitor`",
                "'val_acuracy'", "cannot tell whether it should be maximized or minimized", "mode 'max'");
        assertRejectedBeforeTraining(new EarlyStopping("mae", 0, 1, false), false, "`monitor`", "'mae'");
        assertRejectedBeforeTraining(new ModelCheckpoint("m.keras", "precision", "auto", true, false), false,
                "`monitor`", "'precision'");
    }

    @Test
    void aScheduleThatReturnsABadRateStopsWithItsEpoch() {
        try (Sequential m = model()) {
            assertMessage(() -> m.fit(X, Y, new FitOptions().epochs(3).verbose(0).callbacks(
                    new LearningRateScheduler((epoch, lr) -> epoch == 1 ? -lr : lr))), "`schedule`", "epoch 1",
                    "-0.1");
        }
    }

    /** A monitored key the logs lack: one warning (not one per epoch) naming the key and those there are. */
    @Test
    void aMissingMonitoredKeyWarnsOnceAndTrainsOn() {
        try (Sequential m = model()) {
            io.github.kerasdjl.callbacks.History[] h = new io.github.kerasdjl.callbacks.History[1];
            String err = Stderr.of(() -> h[0] = m.fit(X, Y, new FitOptions().epochs(4).batchSize(2).verbose(0)
                    .callbacks(new ReduceLROnPlateau("val_loss", 0.5, 0))));
            assertEquals(4, h[0].epochs().size());
            assertEquals(1, err.split("Learning rate reduction is conditioned on metric `val_loss` which is not"
                    + " available. Available metrics are: loss,accuracy,learning_rate.", -1).length - 1, err);
            double f32 = (float) 0.1;
            assertEquals(List.of(f32, f32, f32, f32), h[0].get("learning_rate"), "the rate is left alone");
        }
    }

    /** ModelCheckpoint with saveBestOnly on a key the logs lack: warns once and saves every epoch, as Keras. */
    @Test
    void aCheckpointOnAMissingKeyWarnsOnceAndSavesEveryEpoch() {
        try (Sequential m = model()) {
            ModelCheckpoint c = new ModelCheckpoint(dir.resolve("best.weights.h5").toString(), "val_loss", "auto",
                    true, true);
            String err = Stderr.of(() -> m.fit(X, Y, new FitOptions().epochs(3).batchSize(2).verbose(0)
                    .callbacks(c)));
            assertEquals(3, c.saves());
            assertEquals(1, err.split("Can save best model only with val_loss available.", -1).length - 1, err);
            assertTrue(Files.exists(dir.resolve("best.weights.h5")));
        }
    }

    /** The hooks fire in Keras' order, a callback's before History's, and learning_rate reaches History. */
    @Test
    void hooksFireInKerasOrder() {
        List<String> events = new ArrayList<>();
        LambdaCallback recorder = new LambdaCallback()
                .onTrainBegin(model -> events.add("train_begin"))
                .onEpochBegin(epoch -> events.add("epoch_begin " + epoch))
                .onBatchBegin(batch -> events.add("batch_begin " + batch))
                .onBatchEnd((batch, logs) -> events.add("batch_end " + batch + " " + logs.keySet()))
                .onEpochEnd((epoch, logs) -> events.add("epoch_end " + epoch + " " + logs.keySet()))
                .onTrainEnd(logs -> events.add("train_end " + logs.keySet()));
        try (Sequential m = model()) {
            io.github.kerasdjl.callbacks.History h = m.fit(X, Y, new FitOptions().epochs(2).batchSize(3)
                    .verbose(0).callbacks(new LearningRateScheduler((e, lr) -> lr / 2), recorder));
            assertEquals(List.of("train_begin",
                    "epoch_begin 0", "batch_begin 0", "batch_end 0 [loss, accuracy]", "batch_begin 1",
                    "batch_end 1 [loss, accuracy]", "epoch_end 0 [loss, accuracy, learning_rate]",
                    "epoch_begin 1", "batch_begin 0", "batch_end 0 [loss, accuracy]", "batch_begin 1",
                    "batch_end 1 [loss, accuracy]", "epoch_end 1 [loss, accuracy, learning_rate]",
                    "train_end [loss, accuracy, learning_rate]"), events);
            assertEquals(List.of((double) (float) 0.05, (double) (float) 0.025), h.get("learning_rate"));
            assertEquals((float) 0.025, (float) m.learningRate());
        }
    }
}
