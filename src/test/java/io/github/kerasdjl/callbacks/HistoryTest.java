package io.github.kerasdjl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static Map<String, Double> logs(double loss, double accuracy) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", loss);
        logs.put("accuracy", accuracy);
        return logs;
    }

    @Test
    void recordsEachEpochsLogsAsACallback() {
        History h = new History();
        Callback asCallback = h;
        asCallback.onEpochEnd(0, logs(0.5, 0.6));
        asCallback.onEpochEnd(1, logs(0.25, 0.75));
        asCallback.onEpochEnd(2, logs(0.125, 0.875));
        assertEquals(List.of(0.5, 0.25, 0.125), h.get("loss"));
        assertEquals(0.875, h.last("accuracy"));
        assertEquals(List.of("loss", "accuracy"), List.copyOf(h.keys()));
        assertEquals(List.of(0, 1, 2), h.epochs());
        assertTrue(h.toString().contains("loss=[0.5, 0.25, 0.125]"), h.toString());
    }

    /** Past the first capacity (16 values), values stay in order. */
    @Test
    void manyEpochs() {
        History h = new History();
        for (int e = 0; e < 1000; e++) {
            h.onEpochEnd(e, logs(e, -e));
        }
        assertEquals(1000, h.get("loss").size());
        assertEquals(777.0, h.get("loss").get(777));
        assertEquals(-999.0, h.last("accuracy"));
        assertEquals(999, h.epochs().get(999));
    }

    @Test
    void asMapIsACopyAndGetIsReadOnly() {
        History h = new History();
        h.onEpochEnd(0, logs(1, 0));
        Map<String, List<Double>> copy = h.asMap();
        h.onEpochEnd(1, logs(2, 0));
        assertEquals(1, copy.get("loss").size());
        assertThrows(UnsupportedOperationException.class, () -> h.get("loss").add(3.0));
        assertThrows(UnsupportedOperationException.class, () -> copy.get("loss").add(3.0));
    }

    @Test
    void unknownKeyAndEmptyHistory() {
        History h = new History();
        Throwable e = assertThrows(IllegalArgumentException.class, () -> h.get("val_loss"));
        assertTrue(e.getMessage().contains("'val_loss'"), e.getMessage());
        h.onEpochEnd(0, logs(1, 0));
        e = assertThrows(IllegalArgumentException.class, () -> h.last("val_loss"));
        assertTrue(e.getMessage().contains("[loss, accuracy]"), e.getMessage());
        History empty = new History();
        assertTrue(empty.epochs().isEmpty());
        assertTrue(empty.keys().isEmpty());
    }
}
