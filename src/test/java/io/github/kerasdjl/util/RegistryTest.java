package io.github.kerasdjl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.initializers.Initializer;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.metrics.Metric;
import io.github.kerasdjl.optimizers.Optimizer;
import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void unknownActivationNamesArgumentValueClosestAndValidValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.get("rlu"));
        assertTrue(e.getMessage().contains("`activation`"), e.getMessage());
        assertTrue(e.getMessage().contains("'rlu'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'relu'?"), e.getMessage());
        assertTrue(e.getMessage().contains("sigmoid") && e.getMessage().contains("gelu"), e.getMessage());
    }

    @Test
    void unknownLossOptimizerMetricAndInitializerAreRejectedWithSuggestions() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Loss.get("mse2")).getMessage()
                .contains("`loss`: 'mse2'. Did you mean 'mse'?"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizer.get("adma")).getMessage()
                .contains("`optimizer`: 'adma'. Did you mean 'adam'?"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Metric.get("accuracyy")).getMessage()
                .contains("`metric`: 'accuracyy'. Did you mean 'accuracy'?"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Initializer.get("glorot"))
                .getMessage().contains("`initializer`"));
    }

    @Test
    void farAwayNamesGetNoSuggestion() {
        Registry<String> r = new Registry<String>("thing").register("relu", () -> "r");
        assertNull(r.closest("completelydifferent"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("zzzzzzzzzz"));
        assertTrue(!e.getMessage().contains("Did you mean"), e.getMessage());
    }

    @Test
    void aliasesAndCaseResolveToTheSameThing() {
        assertEquals(Activation.SWISH, Activation.get("silu"));
        assertEquals(Activation.SWISH, Activation.get("Swish"));
        assertEquals(Activation.LINEAR, Activation.get(null));
        assertEquals("mean_squared_error", Loss.get("mse").name());
        assertEquals("mean_squared_error", Loss.get("mean_squared_error").name());
        assertEquals("binary_crossentropy", Loss.get("binary_crossentropy").name());
        assertEquals("acc", Metric.get("acc").name());
        assertEquals("sgd", Optimizer.get("SGD").name());
    }

    @Test
    void editDistance() {
        assertEquals(1, Registry.editDistance("rlu", "relu"));
        assertEquals(0, Registry.editDistance("tanh", "tanh"));
        assertEquals(3, Registry.editDistance("", "abc"));
    }
}
