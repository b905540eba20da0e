package io.github.kerasdjl.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.Adam;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keras 3 {@code .keras} files. Keras to Java: keras_mlp_sgd.keras and keras_mlp_adam.keras (made by
 * tools/keras/model_fixtures.py with Keras 3.15.1: lesson 001's network, binary cross-entropy, three epochs) load with
 * Keras' predictions, compiled as saved, and one more epoch in Java ends where Keras' did (the optimizer's state
 * continues). Java to Keras is checked by tools/keras/check_java_model.py (a script, not CI).
 */
class ModelFileTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        return Fixtures.copy(dir, name);
    }

    private record Data(float[][] x, float[][] y) {
    }

    private Data data() throws IOException {
        List<float[]> x = new ArrayList<>();
        List<float[]> y = new ArrayList<>();
        for (String line : Files.readAllLines(fixture("keras_models_data.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                String[] t = line.split(" ");
                x.add(new float[] {Float.parseFloat(t[0]), Float.parseFloat(t[1])});
                y.add(new float[] {Float.parseFloat(t[2])});
            }
        }
        return new Data(x.toArray(new float[0][]), y.toArray(new float[0][]));
    }

    private static float[] floats(String line, int from) {
        String[] t = line.split(" ");
        float[] v = new float[t.length - from];
        for (int i = from; i < t.length; i++) {
            v[i - from] = Float.parseFloat(t[i]);
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "rmsprop", "adagrad", "adamw_cosine", "nadam_clipnorm",
        "adamax_global_clipnorm", "sgd_exponential"})
    void aKerasFileLoadsCompiledAndContinuesAsKerasDid(String optimizer) throws IOException {
        Data d = data();
        float[] predictions = null;
        List<float[]> next = new ArrayList<>();
        for (String line : Files.readAllLines(fixture("keras_mlp_" + optimizer + "_next.txt"))) {
            if (line.startsWith("predictions ")) {
                predictions = floats(line, 1);
            } else if (line.startsWith("weight ")) {
                next.add(floats(line, 1));
            }
        }
        try (Sequential model = Keras.loadModel(fixture("keras_mlp_" + optimizer + ".keras"))) {
            // The names Keras gave (dense, dense_1, ... in a fresh session; higher numbers after other models).
            assertEquals(3, model.layers().size());
            assertTrue(model.layers().get(0).getName().startsWith("dense"), model.layers().toString());
            assertEquals("binary_crossentropy", model.loss().name());
            assertEquals(optimizer.split("_")[0], model.optimizer().name());
            assertTrue(!model.optimizer().slots().isEmpty(), "the optimizer's state was restored");
            assertEquals(12, model.optimizer().iterations(), "three epochs of four steps");
            float[][] p = model.predict(java.util.Arrays.copyOf(d.x(), 5));
            for (int i = 0; i < 5; i++) {
                assertEquals(predictions[i], p[i][0], 1e-6, "prediction " + i);
            }
            model.fit(d.x(), d.y(), new FitOptions().epochs(1).batchSize(10).shuffle(false).verbose(0));
            double diff = Precision.maxDifference(next, model.getWeights());
            assertTrue(diff <= 1e-5, optimizer + ": max weight difference from Keras after one more epoch: " + diff);
            assertEquals(16, model.optimizer().iterations());
        }
    }

    /** Without the optimizer's state a loaded model would not continue as Keras: the check above can fail. */
    @Test
    void aFreshOptimizerWouldNotContinueTheSame() throws IOException {
        Data d = data();
        List<float[]> next = new ArrayList<>();
        for (String line : Files.readAllLines(fixture("keras_mlp_sgd_next.txt"))) {
            if (line.startsWith("weight ")) {
                next.add(floats(line, 1));
            }
        }
        try (Sequential model = Keras.loadModel(fixture("keras_mlp_sgd.keras"))) {
            model.compile(new SGD(0.1, 0.9, false), "binary_crossentropy");
            model.fit(d.x(), d.y(), new FitOptions().epochs(1).batchSize(10).shuffle(false).verbose(0));
            assertTrue(Precision.maxDifference(next, model.getWeights()) > 1e-3);
        }
    }

    /**
     * Every optimizer with Keras' common arguments and a schedule saves and loads with its whole state (Nadam's
     * running product, a rate a callback changed) and continues exactly as the model it was saved from.
     */
    @Test
    void everyOptimizerRoundTripsWithItsState() throws IOException {
        Data d = data();
        List<java.util.function.Supplier<io.github.kerasdjl.optimizers.Optimizer>> optimizers = List.of(
                () -> new io.github.kerasdjl.optimizers.Nadam(0.01).clipnorm(1.0),
                () -> new io.github.kerasdjl.optimizers.AdamW(new io.github.kerasdjl.optimizers.LearningRateSchedules
                        .CosineDecay(0.01, 20, 0.1, 0.05, 3), 0.02),
                () -> new io.github.kerasdjl.optimizers.Adamax(0.02).globalClipnorm(0.5),
                () -> new SGD(new io.github.kerasdjl.optimizers.LearningRateSchedules.PiecewiseConstantDecay(
                        new long[] {3, 6}, new double[] {0.1, 0.05, 0.01}), 0.9, true).clipvalue(0.2),
                () -> new io.github.kerasdjl.optimizers.RMSprop(0.01).weightDecay(0.01));
        for (var make : optimizers) {
            Path file = dir.resolve("round.keras");
            try (Sequential a = new Sequential("mine").seed(3).add(new Dense(6, "tanh", 2)).add(new Dense(1,
                    "sigmoid"))) {
                a.compile(make.get(), "binary_crossentropy");
                a.fit(d.x(), d.y(), new FitOptions().epochs(2).batchSize(10).shuffle(false).verbose(0));
                if (a.optimizer().schedule() == null) {
                    a.setLearningRate(a.learningRate() / 4); // as ReduceLROnPlateau: the file must keep it
                }
                a.save(file);
                try (Sequential b = Keras.loadModel(file)) {
                    String what = a.optimizer().toString();
                    assertEquals(what, b.optimizer().toString());
                    assertEquals((float) a.learningRate(), (float) b.learningRate(), what);
                    assertEquals(java.util.Arrays.toString(a.optimizer().scalarState()),
                            java.util.Arrays.toString(b.optimizer().scalarState()), what);
                    FitOptions one = new FitOptions().epochs(2).batchSize(10).shuffle(false).verbose(0);
                    a.fit(d.x(), d.y(), one);
                    b.fit(d.x(), d.y(), one);
                    assertTrue(Precision.maxDifference(a.getWeights(), b.getWeights()) <= 1e-7, what
                            + " continues the same: " + Precision.maxDifference(a.getWeights(), b.getWeights()));
                }
            }
        }
    }

    @Test
    void javaSaveAndLoadRoundTripsEverything() throws IOException {
        Data d = data();
        Path file = dir.resolve("mlp.keras");
        try (Sequential a = new Sequential("mine").seed(2).add(new Dense(8, "tanh", 2))
                .add(new Dense(1, "sigmoid").kernelInitializer("he_normal"))) {
            a.compile(new Adam(0.01), "binary_crossentropy", "accuracy");
            a.fit(d.x(), d.y(), new FitOptions().epochs(2).batchSize(10).shuffle(false).verbose(0));
            a.save(file);
            try (Sequential b = Keras.loadModel(file)) {
                assertEquals("mine", b.name());
                assertEquals(a.summary(), b.summary());
                assertEquals(0.0, Precision.maxDifference(a.getWeights(), b.getWeights()));
                assertEquals(a.optimizer().iterations(), b.optimizer().iterations());
                assertEquals(List.of("accuracy"), b.metrics().stream().map(m -> m.name()).toList());
                FitOptions one = new FitOptions().epochs(1).batchSize(10).shuffle(false).verbose(0);
                a.fit(d.x(), d.y(), one);
                b.fit(d.x(), d.y(), one);
                assertEquals(0.0, Precision.maxDifference(a.getWeights(), b.getWeights()), "continues the same");
            }
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporaries left");
        }
    }

    @Test
    void badModelFilesAreNamed() throws IOException {
        Path noConfig = dir.resolve("noconfig.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(noConfig))) {
            zip.putNextEntry(new ZipEntry("metadata.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        Path conv = dir.resolve("conv.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(conv))) {
            zip.putNextEntry(new ZipEntry("config.json"));
            zip.write(("{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\":"
                    + " [{\"class_name\": \"Conv3D\", \"config\": {}}]}}").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("model.weights.h5"));
            zip.write(new byte[] {1, 2, 3});
        }
        Path notZip = Files.writeString(dir.resolve("text.keras"), "hello");
        byte[] whole = Files.readAllBytes(fixture("keras_mlp_sgd.keras"));
        Path truncated = Files.write(dir.resolve("truncated.keras"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path empty = Files.write(dir.resolve("empty.keras"), new byte[0]);
        assertMessage(() -> Keras.loadModel(truncated), "truncated.keras", "cannot be read");
        assertMessage(() -> Keras.loadModel(empty), "empty.keras", "cannot be read");
        assertMessage(() -> Keras.loadModel(dir), "must end in `.keras`");
        assertMessage(() -> Keras.loadModel(dir.resolve("missing.keras")), "missing.keras", "does not exist");
        assertMessage(() -> Keras.loadModel(noConfig), "noconfig.keras", "no config.json");
        assertMessage(() -> Keras.loadModel(conv), "\"Conv3D\" in", "conv.keras", "supported layers: [InputLayer, Dense, Conv2D");
        assertMessage(() -> Keras.loadModel(notZip), "text.keras", "cannot be read");
        assertMessage(() -> Keras.loadModel(dir.resolve("model.h5")), "`filepath`", "must end in `.keras`");
        try (Sequential m = new Sequential().add(new Dense(1, "sigmoid", 2))) {
            Throwable e = assertThrows(IllegalStateException.class, () -> m.save(dir.resolve("x.keras")));
            assertTrue(e.getMessage().contains("not built"), e.getMessage());
            m.build(2);
            assertMessage(() -> m.save(dir.resolve("x.weights.h5")), "`filepath`", "`.keras`");
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        Throwable e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    /** A copy of a fixture whose config.json went through {@code edit}. */
    private Path withConfig(String fixture, String name, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        Path out = dir.resolve(name);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(fixture(fixture).toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("config.json")) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
            }
        }
        return out;
    }

    /**
     * A file from a newer Keras: fields this library does not know load with one warning that lists them; fields
     * that would change the numbers when set (use_ema, a dtype other than float32) are refused, named.
     */
    @Test
    void newerKerasFieldsWarnOnceAndFieldsThatChangeTheNumbersAreRefused() throws IOException {
        Path future = withConfig("keras_mlp_sgd.keras", "future.keras",
                c -> c.replaceFirst("\"units\": 8,", "\"units\": 8, \"future_field\": 1,"));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try (Sequential model = Keras.loadModel(future)) {
            assertEquals(3, model.layers().size());
        } finally {
            System.setErr(original);
        }
        String warning = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, warning.split("does not know", -1).length - 1, warning);
        assertTrue(warning.contains("future_field"), warning);
        Path ema = withConfig("keras_mlp_sgd.keras", "ema.keras",
                c -> c.replace("\"use_ema\": false", "\"use_ema\": true"));
        assertMessage(() -> Keras.loadModel(ema), "ema.keras", "sets use_ema to true");
        Path half = withConfig("keras_mlp_sgd.keras", "half.keras",
                c -> c.replaceFirst("\"name\": \"float32\"", "\"name\": \"float16\""));
        assertMessage(() -> Keras.loadModel(half), "half.keras", "float16");
    }

    /**
     * DJL's own format: the folder holds DJL's parameters file and the config; a plain DJL program loads the
     * parameters into its own block and predicts the model's numbers, and Keras.loadModel reads the folder back.
     */
    @Test
    void djlFormatLoadsInPlainDjlAndBackInTheLibrary() throws Exception {
        Data d = data();
        Path folder = dir.resolve("djl-model");
        try (Sequential model = new Sequential("circle").seed(4).add(new Dense(6, "relu", 2))
                .add(new Dense(1, "sigmoid"))) {
            model.compile(new SGD(0.3), "mse", "accuracy");
            model.fit(d.x(), d.y(), new FitOptions().epochs(3).batchSize(10).verbose(0));
            model.saveDjl(folder);
            assertTrue(Files.exists(folder.resolve("circle-0000.params")));
            assertTrue(Files.exists(folder.resolve("keras-config.json")));
            float[][] expected = model.predict(d.x());
            // A plain DJL program: its own block, DJL's own Model.load.
            ai.djl.nn.SequentialBlock block = new ai.djl.nn.SequentialBlock()
                    .add(ai.djl.nn.core.Linear.builder().setUnits(6).build()).add(ai.djl.nn.Activation.reluBlock())
                    .add(ai.djl.nn.core.Linear.builder().setUnits(1).build())
                    .add(ai.djl.nn.Activation.sigmoidBlock());
            try (ai.djl.Model plain = ai.djl.Model.newInstance("circle")) {
                plain.setBlock(block);
                plain.load(folder, "circle");
                try (ai.djl.inference.Predictor<float[], float[]> p = plain.newPredictor(
                        new io.github.kerasdjl.RowTranslator())) {
                    for (int i = 0; i < 5; i++) {
                        assertEquals(expected[i][0], p.predict(d.x()[i])[0], 1e-6);
                    }
                }
            }
            try (Sequential again = Keras.loadModel(folder)) {
                assertEquals(0.0, Precision.maxDifference(model.getWeights(), again.getWeights()));
                assertEquals("mean_squared_error", again.loss().name());
                assertEquals(List.of("accuracy"), again.metrics().stream().map(m -> m.name()).toList());
            }
        }
        Path empty = Files.createDirectories(dir.resolve("empty-folder"));
        assertMessage(() -> Keras.loadModel(empty), "empty-folder");
        Path configOnly = Files.createDirectories(dir.resolve("config-only"));
        Files.copy(folder.resolve("keras-config.json"), configOnly.resolve("keras-config.json"));
        assertMessage(() -> Keras.loadModel(configOnly), "config-only", "holds no DJL parameters");
    }

    /**
     * Where a file can and cannot go: a folder that does not exist yet is made; a place that cannot be written (a
     * read-only file system; this runs as root, so permissions alone would not stop it) is an error naming the file,
     * and leaves nothing behind.
     */
    @Test
    void foldersAreMadeAndUnwritablePlacesAreNamed() throws IOException {
        try (Sequential m = new Sequential().seed(1).add(new Dense(2, "relu", 2)).add(new Dense(1))) {
            m.compile(new SGD(0.1), "mse");
            m.build(2);
            Path nested = dir.resolve("a/b/c/model.keras");
            m.save(nested);
            assertTrue(Files.isRegularFile(nested));
            Path readOnly = Path.of("/proc/keras-djl-cannot-write/model.keras");
            Throwable e = assertThrows(java.io.UncheckedIOException.class, () -> m.save(readOnly));
            assertTrue(e.getMessage().contains("Cannot write the model to '" + readOnly + "'"), e.getMessage());
            e = assertThrows(java.io.UncheckedIOException.class,
                    () -> m.saveWeights(Path.of("/proc/keras-djl-cannot-write/w.weights.h5")));
            assertTrue(e.getMessage().contains("Cannot write the weights"), e.getMessage());
            assertTrue(Files.notExists(Path.of("/proc/keras-djl-cannot-write")));
        }
    }
}
