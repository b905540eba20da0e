package io.github.kerasdjl.training;

import static io.github.kerasdjl.Keras.Conv2D;
import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Flatten;
import static io.github.kerasdjl.Keras.Input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.optimizers.SGD;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Images as validation data and through the one-batch methods, as a Keras user hands them: (samples, h, w, c). */
class ImageBatchesTest {

    private static float[][][][] images(int n, long seed) {
        Random r = new Random(seed);
        float[][][][] x = new float[n][4][4][1];
        for (float[][][] image : x) {
            for (float[][] row : image) {
                for (float[] pixel : row) {
                    pixel[0] = (float) r.nextGaussian();
                }
            }
        }
        return x;
    }

    private static float[][] labels(float[][][][] x) {
        float[][] y = new float[x.length][1];
        for (int i = 0; i < x.length; i++) {
            y[i][0] = x[i][1][1][0] + x[i][2][2][0] > 0 ? 1 : 0;
        }
        return y;
    }

    private static Sequential convnet() {
        Sequential m = new Sequential().seed(3).add(Input(4, 4, 1)).add(Conv2D(2, 3, "relu")).add(Flatten())
                .add(Dense(1, "sigmoid"));
        m.compile(new SGD(0.1), "binary_crossentropy", "accuracy");
        return m;
    }

    @Test
    void imageValidationDataIsEvaluatedEachEpoch() {
        float[][][][] x = images(20, 1);
        float[][][][] vx = images(6, 2);
        try (Sequential m = convnet()) {
            History h = m.fit(x, labels(x), new FitOptions().epochs(3).batchSize(5).verbose(0)
                    .validationData(vx, labels(vx)));
            assertEquals(3, h.get("val_loss").size());
            Map<String, Double> after = m.evaluate(vx, labels(vx));
            assertEquals(after.get("loss"), h.get("val_loss").get(2), 1e-6, "the last epoch's val_loss");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (Sequential m = convnet()) {
                m.fit(x, labels(x), new FitOptions().epochs(1).validationData(images(3, 3)[0][0], new float[][] {
                    {1}, {0}, {1}, {0}}));
            }
        });
        assertTrue(e.getMessage().contains("validation_data x"), e.getMessage());
    }

    @Test
    void oneBatchMethodsTakeImagesAndStepAsFitDoes() {
        float[][][][] x = images(8, 4);
        float[][] y = labels(x);
        List<float[]> byFit;
        try (Sequential m = convnet()) {
            m.fit(x, y, new FitOptions().epochs(1).batchSize(8).shuffle(false).verbose(0));
            byFit = m.getWeights();
        }
        try (Sequential m = convnet()) {
            Map<String, Double> logs = m.trainOnBatch(x, y, null, null);
            assertTrue(logs.containsKey("loss") && logs.containsKey("accuracy"), logs.toString());
            assertEquals(0.0, Precision.maxDifference(byFit, m.getWeights()), 1e-7, "one step, as fit's");
            Map<String, Double> test = m.testOnBatch(x, y, null);
            assertEquals(m.evaluate(x, y).get("loss"), test.get("loss"), 1e-6);
            float[][] p = m.predictOnBatch(x);
            float[][] q = m.predict(x);
            assertEquals(q[5][0], p[5][0], 1e-7);
        }
    }
}
