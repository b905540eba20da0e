package io.github.kerasdjl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.losses.Loss;
import org.junit.jupiter.api.Test;

/** Reference numbers: the examples of Keras' BinaryAccuracy and CategoricalAccuracy docstrings (keras.io). */
class MetricsTest {

    @Test
    void binaryAccuracyThresholdsAtHalf() {
        // Keras docs: update_state([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]) -> 0.75
        Metric m = new Metrics.BinaryAccuracy();
        m.update(new float[] {1, 1, 0, 0}, new float[] {0.98f, 1, 0, 0.6f}, 4, 1);
        assertEquals(0.75, m.result(), 1e-12);
        // Exactly 0.5 is not above the threshold: predicted 0.
        m.reset();
        m.update(new float[] {1, 0}, new float[] {0.5f, 0.5f}, 2, 1);
        assertEquals(0.5, m.result(), 1e-12);
    }

    @Test
    void categoricalAccuracyComparesArgmax() {
        // Keras docs: update_state([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]) -> 0.5
        Metric m = new Metrics.CategoricalAccuracy();
        m.update(new float[] {0, 0, 1, 0, 1, 0}, new float[] {0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0}, 2, 3);
        assertEquals(0.5, m.result(), 1e-12);
    }

    @Test
    void accuracyIsBinaryForOneUnitAndCategoricalForSeveral() {
        Metrics.Accuracy one = new Metrics.Accuracy();
        one.configure(1, Loss.get("mse"));
        assertTrue(one.isBinary());
        Metrics.Accuracy several = new Metrics.Accuracy();
        several.configure(3, Loss.get("categorical_crossentropy"));
        assertFalse(several.isBinary());
        // Keras 3 decides by shapes alone: three sigmoid units with binary cross-entropy get categorical accuracy
        // (checked in Keras 3.15: 0.75 where binary accuracy on the same predictions would be 0.667).
        Metrics.Accuracy binaryLoss = new Metrics.Accuracy();
        binaryLoss.configure(3, Loss.get("binary_crossentropy"));
        assertFalse(binaryLoss.isBinary());
        // On one column this is 0.5, where DJL's Accuracy would report 1.0.
        one.update(new float[] {1, 0}, new float[] {0.9f, 0.8f}, 2, 1);
        assertEquals(0.5, one.result(), 1e-12);
    }

    @Test
    void accumulatesSampleWeightedOverBatches() {
        Metric m = Metric.get("mse");
        m.update(new float[] {0, 0}, new float[] {1, 1}, 2, 1); // two samples, error 1 each
        m.update(new float[] {0}, new float[] {3}, 1, 1); // one sample, error 9
        assertEquals((1 + 1 + 9) / 3.0, m.result(), 1e-12);
        assertEquals("mse", m.name());
        m.reset();
        assertTrue(Double.isNaN(m.result()));
    }

    @Test
    void meanAbsoluteError() {
        Metric m = Metric.get("mae");
        m.update(new float[] {0, 1, 0, 0}, new float[] {1, 1, 1, 0}, 2, 2);
        assertEquals(0.5, m.result(), 1e-12);
    }
}
