package io.github.kerasdjl.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.optimizers.SGD;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metrics by name and as objects: Keras' names and keys, "accuracy" resolved by the loss's target width, vector
 * results logged one key per element, the Keras config form saved in and loaded from {@code .keras} files, and the
 * refusals of bad arguments (each an IllegalArgumentException that names the argument, the value and what is
 * valid).
 */
class MetricObjectsTest {

    @Test
    void namesAreKerasKeys() {
        for (String name : List.of("sparse_categorical_accuracy", "top_k_categorical_accuracy", "precision", "recall",
                "auc", "f1_score", "root_mean_squared_error", "r2_score")) {
            Metric m = Metric.get(name);
            assertEquals(name, m.name());
            assertTrue(m.isByName());
            assertEquals(name, Metrics.toKeras(m), "a metric given by name is saved by name, as Keras does");
        }
        assertInstanceOf(AUC.class, Metric.get("AUC"));
        assertInstanceOf(F1Score.class, Metric.get("F1Score"));
        assertInstanceOf(R2Score.class, Metric.get("R2Score"));
        assertEquals("precision", new Precision().name());
        assertEquals("auc", Keras.AUC().name());
        assertEquals("f1_score", Keras.F1Score("macro", null).name());
        assertEquals("root_mean_squared_error", Keras.RootMeanSquaredError().name());
        assertEquals("r2_score", Keras.R2Score().name());
        assertEquals("top_k_categorical_accuracy", Keras.TopKCategoricalAccuracy(5).name());
        assertEquals("sparse_categorical_accuracy", Keras.SparseCategoricalAccuracy().name());
    }

    /** A loss whose targets are one class index per sample, as sparse_categorical_crossentropy's. */
    private static Loss sparseLoss() {
        return new Loss("sparse_test") {
            @Override
            public NDArray perSample(NDArray yTrue, NDArray yPred) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int targetWidth(int outputUnits) {
                return 1;
            }
        };
    }

    @Test
    void accuracyIsSparseWhenTheLossTakesClassIndices() {
        Metrics.Accuracy a = new Metrics.Accuracy();
        a.configure(3, sparseLoss());
        assertInstanceOf(Metrics.SparseCategoricalAccuracy.class, a.resolved());
        // rows: argmax 2 (label 2), argmax 0 (label 1), argmax 1 (label 1), weights 1, 3, 0.5
        float[] pred = {0.1f, 0.2f, 0.7f, 0.5f, 0.3f, 0.2f, 0.2f, 0.6f, 0.2f};
        a.update(new float[] {2, 1, 1}, 1, pred, 3, 3, null);
        assertEquals(2 / 3.0, a.result(), 1e-12);
        a.reset();
        a.update(new float[] {2, 1, 1}, 1, pred, 3, 3, new float[] {1, 3, 0.5f});
        assertEquals(1.5 / 4.5, a.result(), 1e-12);
        Metrics.Accuracy one = new Metrics.Accuracy();
        one.configure(1, sparseLoss());
        assertTrue(one.isBinary(), "one unit stays binary, as Keras' is_binary comes first");
        Metrics.Accuracy cat = new Metrics.Accuracy();
        cat.configure(3, Loss.get("categorical_crossentropy"));
        assertInstanceOf(Metrics.CategoricalAccuracy.class, cat.resolved());
        // Outside a model: one target column and several predictions is sparse, as Keras' compile decides.
        Metrics.Accuracy loose = new Metrics.Accuracy();
        loose.update(new float[] {2, 1, 1}, 1, pred, 3, 3, null);
        assertInstanceOf(Metrics.SparseCategoricalAccuracy.class, loose.resolved());
    }

    @Test
    void vectorResultsLogOneKeyPerElement() {
        assertEquals(List.of("f1_score_0", "f1_score_1", "f1_score_2"), Metric.get("f1_score").keys(3));
        assertEquals(List.of("f1_score"), Keras.F1Score("micro", null).keys(3));
        assertEquals(List.of("p_0", "p_1"), new Precision().thresholds(0.3, 0.6).named("p").keys(1));
        assertEquals(List.of("precision"), new Precision().thresholds(0.3).keys(1));
        assertEquals(List.of("r2_score_0", "r2_score_1"), new R2Score().classAggregation(null).keys(2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Precision().thresholds(0.3, 0.6).result());
        assertTrue(e.getMessage().contains("results()"), e.getMessage());
    }

    @Test
    void metricObjectsSaveAndLoadInKerasConfigForm(@TempDir Path dir) throws Exception {
        float[][] x = {{0.1f, -0.2f}, {0.5f, 0.3f}, {-0.4f, 0.9f}, {0.7f, -0.6f}, {0.2f, 0.2f}};
        float[][] y = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}};
        Path file = dir.resolve("m.keras");
        Map<String, Double> before;
        try (Sequential model = new Sequential().seed(3).add(new Dense(3, "softmax", 2))) {
            model.compile(new SGD(0.1), Loss.get("categorical_crossentropy"), Metric.get("auc"),
                    new Precision().thresholds(0.3, 0.6).classId(1).named("p"), new AUC().curve("PR").named("pr"),
                    Keras.F1Score("weighted", 0.4), new R2Score().classAggregation("variance_weighted_average"),
                    Keras.TopKCategoricalAccuracy(2), Metric.get("accuracy"));
            before = model.evaluate(x, y);
            model.save(file);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes());
            assertTrue(config.contains("\"class_name\": \"Precision\""), config);
            assertTrue(config.contains("\"curve\": \"PR\""), config);
            assertTrue(config.contains("\"top_k\": null"), "Keras' config keeps its nulls: " + config);
        }
        try (Sequential loaded = Keras.loadModel(file)) {
            assertEquals(List.of("auc", "p", "pr", "f1_score", "r2_score", "top_k_categorical_accuracy", "accuracy"),
                    loaded.metrics().stream().map(Metric::name).toList());
            assertTrue(loaded.metrics().get(0).isByName());
            assertFalse(loaded.metrics().get(1).isByName());
            assertEquals(before, loaded.evaluate(x, y));
            Path again = dir.resolve("again.keras");
            loaded.save(again);
            try (ZipFile a = new ZipFile(file.toFile()); ZipFile b = new ZipFile(again.toFile())) {
                assertEquals(new String(a.getInputStream(a.getEntry("config.json")).readAllBytes()),
                        new String(b.getInputStream(b.getEntry("config.json")).readAllBytes()));
            }
        }
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void kerasWrittenMetricConfigsLoad() {
        // The compile config's metrics exactly as Keras 3.15 wrote them (tools/keras/metric_fixtures.py).
        String precision = "{\"module\":\"keras.metrics\",\"class_name\":\"Precision\",\"config\":{\"name\":"
                + "\"precision_at\",\"dtype\":\"float32\",\"thresholds\":[0.3,0.6],\"top_k\":null,\"class_id\":null},"
                + "\"registered_name\":null}";
        Metric p = Metrics.fromKeras(precision);
        assertEquals(List.of("precision_at_0", "precision_at_1"), p.keys(1));
        assertEquals(precision.replace("\"registered_name\":null", "\"registered_name\":null"), Metrics.toKeras(p));
        String auc = "{\"module\":\"keras.metrics\",\"class_name\":\"AUC\",\"config\":{\"name\":\"pr_auc\",\"dtype\":"
                + "\"float32\",\"num_thresholds\":200,\"curve\":\"PR\",\"summation_method\":\"interpolation\","
                + "\"multi_label\":false,\"num_labels\":null,\"label_weights\":null,\"from_logits\":false},"
                + "\"registered_name\":null}";
        assertEquals(auc, Metrics.toKeras(Metrics.fromKeras(auc)));
    }

    @Test
    void aucHoldsKerasThresholds() {
        double[] t = new AUC().thresholdList();
        assertEquals(200, t.length);
        assertEquals(-1e-7, t[0], 0);
        assertEquals(1 / 199.0, t[1], 0);
        assertEquals(1 + 1e-7, t[199], 0);
        assertArrayEquals(new double[] {-1e-7, 0.1, 0.5, 1 + 1e-7}, new AUC().thresholds(0.5, 0.1).thresholdList());
    }

    @Test
    void sampleWeightsWeighEveryMetric() {
        // Keras' docs: RootMeanSquaredError update_state([[0, 1], [0, 0]], [[1, 1], [0, 0]], sample_weight=[1, 0])
        // gives 0.70710677.
        Metric rmse = Keras.RootMeanSquaredError();
        rmse.update(new float[] {0, 1, 0, 0}, 2, new float[] {1, 1, 0, 0}, 2, 2, new float[] {1, 0});
        assertEquals(0.70710677, rmse.result(), 1e-7);
        // All weights 0: Keras' divide_no_nan gives 0.
        Metric mse = Metric.get("mse");
        mse.update(new float[] {0}, 1, new float[] {3}, 1, 1, new float[] {0});
        assertEquals(0, mse.result(), 0);
        // Keras' docs: Precision update_state([0, 1, 1, 1], [1, 0, 1, 1], sample_weight=[0, 0, 1, 0]) gives 1.0.
        Metric p = new Precision();
        p.update(new float[] {0, 1, 1, 1}, 1, new float[] {1, 0, 1, 1}, 1, 4, new float[] {0, 0, 1, 0});
        assertEquals(1.0, p.result(), 0);
    }

    @Test
    void badArgumentsAreRefusedByName() {
        assertMessage(() -> new Precision().thresholds(1.5), "`thresholds`", "1.5", "[0, 1]");
        assertMessage(() -> new Recall().topK(0), "`top_k`", "0", ">= 1");
        assertMessage(() -> new Precision().classId(-1), "`class_id`", "-1");
        assertMessage(() -> new Precision().classId(3).update(new float[] {1, 0, 0}, new float[] {1, 0, 0}, 1, 3),
                "`class_id`", "3", "[0, 3)");
        assertMessage(() -> new Precision().topK(4).update(new float[] {1, 0, 0}, new float[] {1, 0, 0}, 1, 3),
                "`top_k`", "4");
        assertMessage(() -> new AUC().curve("ROCX"), "`curve`", "ROCX", "ROC, PR, PRGAIN");
        assertMessage(() -> new AUC().multiLabel(false, 3), "`num_labels`", "3", "only when `multi_label`");
        assertMessage(() -> new AUC().labelWeights(0.5, -1), "`label_weights`", "-1");
        assertMessage(() -> new AUC().labelWeights(1, 2).update(new float[] {1, 0, 0}, new float[] {1, 0, 0}, 1, 3),
                "`label_weights`", "2 weights", "(3)");
        assertMessage(() -> new AUC().numThresholds(1), "`num_thresholds`", "1", "> 1");
        assertMessage(() -> new AUC().summationMethod("trapezoid"), "`summation_method`", "trapezoid");
        assertMessage(() -> Keras.F1Score("mean", null), "`average`", "mean", "micro, macro, weighted");
        assertMessage(() -> Keras.F1Score(null, 0.0), "`threshold`", "0.0", "0 < threshold <= 1");
        assertMessage(() -> new R2Score().classAggregation("sum"), "`class_aggregation`", "sum");
        assertMessage(() -> new R2Score().numRegressors(-1), "`num_regressors`", "-1", ">= 0");
        assertMessage(() -> Keras.TopKCategoricalAccuracy(0), "`k`", "0");
        assertMessage(() -> Metric.get("precision").update(new float[] {1}, 1, new float[] {1}, 1, 1,
                new float[] {1, 1}), "`sample_weight`", "2 weights", "one weight per sample (1)");
        assertMessage(() -> Keras.SparseCategoricalAccuracy().update(new float[] {0, 1}, new float[] {0, 1}, 1, 2),
                "sparse_categorical_accuracy", "one integer class index per sample");
        assertMessage(() -> Metrics.fromKeras("{\"class_name\":\"MeanIoU\",\"config\":{}}"), "MeanIoU",
                "Expected one of");
        assertMessage(() -> Metrics.fromKeras("{\"class_name\":\"AUC\",\"config\":{\"num_labels\":2}}"),
                "`num_labels`", "2");
        assertMessage(() -> Metrics.fromKeras("{\"class_name\":\"Precision\",\"config\":{\"top_kk\":2}}"),
                "`top_kk`", "Expected one of");
        assertMessage(() -> Metrics.fromKeras("{\"class_name\":\"Precision\",\"config\":{\"dtype\":\"float16\"}}"),
                "`dtype`", "float16", "float32");
        assertMessage(() -> Metric.get("precison"), "precison", "precision");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }
}
