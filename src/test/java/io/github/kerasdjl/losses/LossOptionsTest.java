package io.github.kerasdjl.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import io.github.kerasdjl.util.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What comes with the losses besides their numbers (those are {@link KerasLossesTest}'s): integer class labels in
 * fit and evaluate, the checks of the labels before training, Keras' warning for from_logits on probabilities, the
 * suggestion for a misspelt loss, {@code to_categorical}, and loss objects saved and loaded with their arguments.
 */
class LossOptionsTest {

    @TempDir
    Path dir;

    private static final float[][] X = {{0.1f, 0.2f}, {0.9f, -0.4f}, {-0.5f, 0.3f}, {0.2f, 0.8f}, {-0.7f, -0.1f}};
    private static final float[] CLASSES = {0, 2, 1, 2, 0};

    private static Sequential softmax3(Loss loss) {
        return new Sequential().seed(3).add(new Dense(4, "tanh", 2)).add(new Dense(3, "softmax"))
                .compile(new SGD(0.1), loss);
    }

    private static float[][] column(float[] v) {
        float[][] c = new float[v.length][1];
        for (int i = 0; i < v.length; i++) {
            c[i][0] = v[i];
        }
        return c;
    }


    // ------------------------------------------------------------------ sparse labels

    @Test
    void sparseLabelsTrainFromAFlatArrayOrOneColumnAsFromOneHotRows() {
        FitOptions options = new FitOptions().epochs(3).batchSize(2).verbose(0);
        try (Sequential flat = softmax3(Loss.get("sparse_categorical_crossentropy"));
                Sequential column = softmax3(Loss.get("sparse_categorical_crossentropy"));
                Sequential oneHot = softmax3(Loss.get("categorical_crossentropy"))) {
            List<Double> a = flat.fit(X, CLASSES, options.epochs(3)).get("loss");
            List<Double> b = column.fit(X, column(CLASSES), options).get("loss");
            List<Double> c = oneHot.fit(X, Labels.toCategorical(CLASSES, 3), options).get("loss");
            for (int e = 0; e < 3; e++) {
                assertEquals(c.get(e), a.get(e), 1e-6, "sparse labels give categorical cross-entropy's loss");
                assertEquals(a.get(e), b.get(e), 0.0);
            }
            assertTrue(a.get(2) < a.get(0), "it learns");
            assertEquals(c.get(2), flat.evaluate(X, column(CLASSES)).get("loss"), 0.1);
            assertEquals(oneHot.evaluate(X, Labels.toCategorical(CLASSES, 3)).get("loss"),
                    flat.evaluate(X, column(CLASSES)).get("loss"), 0.2);
            assertTrue(flat.usesFastPath(), "sparse cross-entropy on softmax keeps the hand-written step");
        }
    }

    @Test
    void aClassIndexOutsideTheSoftmaxOrNotAnIntegerIsRefusedBeforeTraining() {
        try (Sequential model = softmax3(Loss.get("sparse_categorical_crossentropy"))) {
            model.build(2);
            List<float[]> before = model.getWeights();
            FitOptions options = new FitOptions().epochs(1).verbose(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(X, new float[] {0, 2, 3, 1, 0}, options));
            assertTrue(e.getMessage().contains("`y`: 3.0 at row 2. Expected an integer class index in [0, 3)"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(X, new float[] {0, 1.5f, 1, 1, 0}, options));
            assertTrue(e.getMessage().contains("1.5 at row 1") && e.getMessage().contains("whole numbers"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(X, new float[] {0, 1, 1, -1, 0}, options));
            assertTrue(e.getMessage().contains("-1.0 at row 3"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(X, new float[] {Float.NaN, 1, 1, 1, 0}, options));
            assertTrue(e.getMessage().contains("row 0, column 0 is NaN"), e.getMessage()); // the data check's
            e = assertThrows(IllegalArgumentException.class, () -> model.evaluate(X, column(new float[] {
                0, 1, 7, 1, 0})));
            assertTrue(e.getMessage().contains("7.0 at row 2"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> model.fit(X, column(CLASSES),
                    new FitOptions().epochs(1).verbose(0).validationData(X, column(new float[] {0, 0, 0, 0, 3}))));
            assertTrue(e.getMessage().contains("`validation_data y`: 3.0 at row 4"), e.getMessage());
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), model.getWeights().get(i), "nothing trained");
            }
        }
    }

    @Test
    void labelsOfTheOtherKindAreRefusedWithTheLossThatTakesThem() {
        try (Sequential sparse = softmax3(Loss.get("sparse_categorical_crossentropy"));
                Sequential categorical = softmax3(Loss.get("categorical_crossentropy"))) {
            FitOptions options = new FitOptions().epochs(1).verbose(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sparse.fit(X, Labels.toCategorical(CLASSES, 3), options));
            assertTrue(e.getMessage().contains("rows of 3 value(s)") && e.getMessage().contains("Expected 1 value(s)")
                    && e.getMessage().contains("for one-hot rows use categorical_crossentropy"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> categorical.fit(X, CLASSES, options));
            assertTrue(e.getMessage().contains("Expected 3 value(s) per row")
                    && e.getMessage().contains("use sparse_categorical_crossentropy")
                    && e.getMessage().contains("Keras.toCategorical(labels, 3)"), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ from_logits on probabilities

    @Test
    void fromLogitsOnASigmoidOrSoftmaxOutputWarnsOncePerFitAsKeras() {
        float[][] binary = column(new float[] {0, 1, 1, 0, 1});
        String err = io.github.kerasdjl.callbacks.Stderr.of(() -> {
            try (Sequential m = new Sequential().seed(1).add(new Dense(1, "sigmoid", 2))
                    .compile(new SGD(0.1), new Losses.BinaryCrossentropy(true))) {
                m.fit(X, binary, new FitOptions().epochs(3).batchSize(2).verbose(0));
            }
        });
        assertEquals(1, count(err, "received `from_logits=True`"), err);
        assertTrue(err.contains("\"`binary_crossentropy` received `from_logits=True`, but the `output` argument was"
                + " produced by a Sigmoid activation and thus does not represent logits. Was this intended?\""), err);
        err = io.github.kerasdjl.callbacks.Stderr.of(() -> {
            try (Sequential m = softmax3(new Losses.SparseCategoricalCrossentropy(true))) {
                m.fit(X, CLASSES, new FitOptions().epochs(1).verbose(0));
            }
        });
        assertTrue(err.contains("`sparse_categorical_crossentropy` received `from_logits=True`")
                && err.contains("produced by a Softmax activation"), err);
        err = io.github.kerasdjl.callbacks.Stderr.of(() -> {
            try (Sequential m = softmax3(new Losses.CategoricalCrossentropy(true, 0))) {
                m.fit(X, Labels.toCategorical(CLASSES, 3), new FitOptions().epochs(1).verbose(0));
            }
        });
        assertTrue(err.contains("`categorical_crossentropy` received `from_logits=True`"), err);
        // A linear output is what from_logits is for: no warning; nor without from_logits.
        err = io.github.kerasdjl.callbacks.Stderr.of(() -> {
            try (Sequential logits = new Sequential().seed(1).add(new Dense(3, "linear", 2))
                    .compile(new SGD(0.1), new Losses.SparseCategoricalCrossentropy(true));
                    Sequential probabilities = softmax3(new Losses.SparseCategoricalCrossentropy(false))) {
                logits.fit(X, CLASSES, new FitOptions().epochs(1).verbose(0));
                probabilities.fit(X, CLASSES, new FitOptions().epochs(1).verbose(0));
                assertTrue(logits.usesFastPath(), "from_logits on a linear output keeps the hand-written step");
            }
        });
        assertFalse(err.contains("from_logits"), err);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ names

    @Test
    void kerasNamesAndAliasesResolve() {
        Map<String, String> names = Map.ofEntries(Map.entry("mape", "mean_absolute_percentage_error"),
                Map.entry("MAPE", "mean_absolute_percentage_error"), Map.entry("msle", "mean_squared_logarithmic_error"),
                Map.entry("kld", "kl_divergence"), Map.entry("KLDivergence", "kl_divergence"),
                Map.entry("Huber", "huber"), Map.entry("LogCosh", "log_cosh"), Map.entry("poisson", "poisson"),
                Map.entry("SquaredHinge", "squared_hinge"), Map.entry("categorical_hinge", "categorical_hinge"),
                Map.entry("hinge", "hinge"), Map.entry("SparseCategoricalCrossentropy",
                        "sparse_categorical_crossentropy"), Map.entry("BinaryCrossentropy", "binary_crossentropy"),
                Map.entry("bce", "binary_crossentropy"), Map.entry("mse", "mean_squared_error"));
        names.forEach((alias, name) -> assertEquals(name, Loss.get(alias).name(), alias));
        assertEquals(1.0, ((Losses.Huber) Loss.get("huber")).delta());
        assertEquals(1, Loss.get("sparse_categorical_crossentropy").targetWidth(5));
        assertEquals(5, Loss.get("categorical_crossentropy").targetWidth(5));
    }

    @Test
    void aMisspeltLossIsNeverPointedAtOneLossAloneWhenOneOfTheOtherLabelsIsAsNear() {
        // Before, "sparse_categorical_crossentropy" did not exist and the suggestion was categorical_crossentropy,
        // which then failed on the same integer labels. Now a name near losses of both kinds names both, with the
        // labels each takes, nearest first.
        String m = assertThrows(IllegalArgumentException.class,
                () -> Loss.get("sparse_categorical_crossentopy")).getMessage();
        assertTrue(m.contains("Did you mean 'sparse_categorical_crossentropy' (integer class labels, one column) or"
                + " 'categorical_crossentropy' (targets as wide as the output, e.g. one-hot rows)?"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Loss.get("categorical_crosentropy")).getMessage();
        assertTrue(m.contains("Did you mean 'categorical_crossentropy' (targets as wide as the output, e.g. one-hot"
                + " rows) or 'sparse_categorical_crossentropy' (integer class labels, one column)?"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Loss.get("sparse_categorical")).getMessage();
        assertTrue(m.contains("Did you mean 'sparse_categorical_crossentropy'? Valid"), m); // no other kind is near
        // Far from the sparse loss, the suggestion is one name, as before.
        m = assertThrows(IllegalArgumentException.class, () -> Loss.get("mse2")).getMessage();
        assertTrue(m.contains("`loss`: 'mse2'. Did you mean 'mse'? Valid values:"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Loss.get("hubber")).getMessage();
        assertTrue(m.contains("Did you mean 'huber'? Valid values:"), m);
    }

    // ------------------------------------------------------------------ arguments

    @Test
    void lossArgumentsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Losses.Huber(0));
        assertTrue(e.getMessage().contains("`delta`: 0.0. Expected a finite number above 0."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Losses.Huber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Losses.Huber(Double.POSITIVE_INFINITY));
        e = assertThrows(IllegalArgumentException.class, () -> new Losses.BinaryCrossentropy(false, 1.5));
        assertTrue(e.getMessage().contains("`label_smoothing`: 1.5. Expected a number in [0, 1]."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Losses.CategoricalCrossentropy(true, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Keras.CategoricalCrossentropy(false, Double.NaN));
        assertEquals("huber{delta=0.5}", Keras.Huber(0.5).toString());
        assertEquals(Map.of("from_logits", true, "label_smoothing", 0.1),
                Keras.BinaryCrossentropy(true, 0.1).arguments());
        assertTrue(Keras.SparseCategoricalCrossentropy(true).fromLogits());
    }

    // ------------------------------------------------------------------ to_categorical

    @Test
    void toCategoricalIsKerassOneHot() {
        assertArrayEquals(new float[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}, Keras.toCategorical(new int[] {0, 2, 1}, 3));
        assertArrayEquals(new float[][] {{0, 1}, {1, 0}}, Keras.toCategorical(new float[] {1, 0}, 2));
        assertArrayEquals(new float[][] {{0, 0, 0, 1}, {1, 0, 0, 0}}, Labels.toCategorical(new int[] {3, 0}));
        assertArrayEquals(new int[] {0, 2, 1}, Labels.argmax(Labels.toCategorical(new int[] {0, 2, 1}, 3)));
    }

    @Test
    void toCategoricalRefusesBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labels.toCategorical(new int[] {0, 3}, 3));
        assertTrue(e.getMessage().contains("`labels`: 3 at index 1. Expected a class index in [0, 3)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Labels.toCategorical(new float[] {0, 0.5f}, 3));
        assertTrue(e.getMessage().contains("`labels`: 0.5 at index 1. Expected a whole number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Labels.toCategorical(new int[] {-1}, 3));
        assertTrue(e.getMessage().contains("-1 at index 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Labels.toCategorical(new int[] {0}, 0));
        assertTrue(e.getMessage().contains("`num_classes`: 0. Expected at least 1."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Labels.toCategorical((int[]) null, 2));
        assertThrows(IllegalArgumentException.class, () -> Labels.toCategorical(new float[0], 2));
        assertThrows(IllegalArgumentException.class, () -> Labels.toCategorical(new int[] {2, -3}));
        assertThrows(IllegalArgumentException.class, () -> Labels.toCategorical(new float[] {Float.NaN}, 2));
    }

    // ------------------------------------------------------------------ saving

    @Test
    void lossObjectsAreSavedAndLoadedWithTheirArguments() throws IOException {
        List<Loss> losses = List.of(new Losses.Huber(0.5), new Losses.BinaryCrossentropy(true, 0.1),
                new Losses.CategoricalCrossentropy(false, 0.2), new Losses.SparseCategoricalCrossentropy(true),
                Loss.get("log_cosh"), Loss.get("kld"));
        int k = 0;
        for (Loss loss : losses) {
            Path file = dir.resolve("m" + k++ + ".keras");
            try (Sequential m = new Sequential().seed(1).add(new Dense(3, "linear", 2)).compile(new SGD(0.1), loss)) {
                m.build(2);
                m.save(file);
            }
            try (Sequential back = Keras.loadModel(file)) {
                assertEquals(loss.getClass(), back.loss().getClass());
                assertEquals(loss.name(), back.loss().name());
                assertEquals(loss.arguments(), back.loss().arguments(), loss.toString());
                assertEquals(loss.fromLogits(), back.loss().fromLogits());
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                String config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(),
                        StandardCharsets.UTF_8);
                if (loss.arguments().isEmpty()) {
                    assertTrue(config.contains("\"loss\": \"" + loss.name() + "\""), config);
                } else {
                    // Keras' own form: {"module": "keras.losses", "class_name": .., "config": {..}}.
                    assertTrue(config.contains("\"class_name\": \"" + loss.className() + "\""), config);
                    assertTrue(config.contains("\"module\": \"keras.losses\""), config);
                }
            }
        }
        Path djl = dir.resolve("djl");
        try (Sequential m = new Sequential().seed(1).add(new Dense(3, "linear", 2))
                .compile(new SGD(0.1), new Losses.Huber(0.25))) {
            m.build(2);
            m.saveDjl(djl);
        }
        try (Sequential back = Keras.loadModel(djl)) {
            assertEquals(0.25, assertInstanceOf(Losses.Huber.class, back.loss()).delta());
        }
    }

    @Test
    void kerassOwnLossObjectsRead() {
        // compile_config["loss"] as Keras 3.15.1 writes it for BinaryCrossentropy(from_logits=True,
        // label_smoothing=0.1) and for Huber(0.5) (whose delta Keras itself leaves out: it loads as 1.0 there too).
        String bce = "{\"module\": \"keras.losses\", \"class_name\": \"BinaryCrossentropy\", \"config\": {\"name\":"
                + " \"binary_crossentropy\", \"reduction\": \"sum_over_batch_size\", \"from_logits\": true,"
                + " \"label_smoothing\": 0.1, \"axis\": -1}, \"registered_name\": null}";
        io.github.kerasdjl.saving.KerasArchive.LossObject o = io.github.kerasdjl.saving.KerasArchive.parseLossObject(bce);
        Loss loss = Losses.fromConfig(o.className(), o.config());
        assertEquals(Map.of("from_logits", true, "label_smoothing", 0.1), loss.arguments());
        String huber = "{\"module\": \"keras.losses\", \"class_name\": \"Huber\", \"config\": {\"name\":"
                + " \"huber_loss\", \"reduction\": \"sum_over_batch_size\"}, \"registered_name\": null}";
        o = io.github.kerasdjl.saving.KerasArchive.parseLossObject(huber);
        assertEquals(1.0, ((Losses.Huber) Losses.fromConfig(o.className(), o.config())).delta());
        assertEquals(null, io.github.kerasdjl.saving.KerasArchive.parseLossObject("mse"));
    }

    @Test
    void aLossWithArgumentsButNoKerasClassIsRefusedByName() {
        Loss custom = new Loss("my_loss") {
            @Override
            public ai.djl.ndarray.NDArray perSample(ai.djl.ndarray.NDArray yTrue, ai.djl.ndarray.NDArray yPred) {
                return yPred.sub(yTrue).abs().mean(new int[] {-1});
            }

            @Override
            public Map<String, Object> arguments() {
                return Map.of("power", 3.0);
            }
        };
        try (Sequential m = new Sequential().seed(1).add(new Dense(1, "linear", 2)).compile(new SGD(0.1), custom)) {
            m.build(2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.save(dir.resolve("custom.keras")));
            assertTrue(e.getMessage().contains("my_loss{power=3.0} cannot be saved"), e.getMessage());
        }
    }

    @Test
    void lossConfigsThisLibraryDoesNotComputeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.fromConfig("Huber", Map.of("reduction", "sum")));
        assertTrue(e.getMessage().contains("`reduction` of loss Huber: sum. Expected sum_over_batch_size"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.fromConfig("SparseCategoricalCrossentropy", Map.of("ignore_class", 0.0)));
        assertTrue(e.getMessage().contains("`ignore_class`"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.fromConfig("Dice", Map.of()));
        assertTrue(e.getMessage().contains("class Dice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.fromConfig("Huber", Map.of("alpha", 1.0)));
        assertTrue(e.getMessage().contains("[alpha]"), e.getMessage());
        assertEquals(0.3, ((Losses.Huber) Losses.fromConfig("Huber", Map.of("name", "huber_loss", "delta", 0.3)))
                .delta());
        Map<String, Object> kerasConfig = new java.util.HashMap<>(Map.of("name", "sparse_categorical_crossentropy",
                "reduction", "sum_over_batch_size", "from_logits", true));
        kerasConfig.put("ignore_class", null); // as Keras writes it
        assertEquals(Map.of("from_logits", true),
                Losses.fromConfig("SparseCategoricalCrossentropy", kerasConfig).arguments());
    }
}
