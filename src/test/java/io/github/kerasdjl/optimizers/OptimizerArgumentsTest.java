package io.github.kerasdjl.optimizers;

import static io.github.kerasdjl.optimizers.LearningRateSchedulesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad optimizer arguments are refused with the argument, the value and what is valid, and change nothing. */
class OptimizerArgumentsTest {

    @Test
    void learningRates() {
        assertMessage(() -> new SGD(-0.1), "learning_rate", "-0.1", ">= 0");
        assertMessage(() -> new Adam(Double.NaN), "learning_rate", "NaN");
        assertMessage(() -> new AdamW(Double.POSITIVE_INFINITY, 0.01), "learning_rate", "Infinity");
        assertMessage(() -> new Nadam(-1), "learning_rate", "-1.0");
        assertMessage(() -> new SGD(0.1).schedule(null), "learning_rate", "null", "schedule");
    }

    @Test
    void commonArguments() {
        assertMessage(() -> new SGD(0.1).clipnorm(0), "clipnorm", "0.0", "> 0");
        assertMessage(() -> new SGD(0.1).clipnorm(-1), "clipnorm", "-1.0");
        assertMessage(() -> new Adam().clipvalue(Double.NaN), "clipvalue", "NaN");
        assertMessage(() -> new Adam().globalClipnorm(0), "global_clipnorm", "0.0");
        assertMessage(() -> new RMSprop().weightDecay(-0.01), "weight_decay", "-0.01", ">= 0");
        assertMessage(() -> new AdamW(0.001, -0.004), "weight_decay", "-0.004");
        Optimizer clipped = new Adam().clipnorm(1.0);
        assertMessage(() -> clipped.clipvalue(0.5), "clipvalue", "Only one of `clipnorm`, `clipvalue` and"
                + " `global_clipnorm`", "clipnorm=1.0");
        assertEquals(1.0, clipped.clipnorm());
        assertNull(clipped.clipvalue(), "the refused clipvalue was not set");
    }

    @Test
    void constants() {
        assertMessage(() -> new Adamax(0.001, 1.0, 0.999, 1e-7), "beta_1", "1.0", "[0, 1)");
        assertMessage(() -> new Nadam(0.001, 0.9, -0.1, 1e-7), "beta_2", "-0.1");
        assertMessage(() -> new Nadam(0.001, 0.9, 0.999, 0), "epsilon", "0.0", "> 0");
        assertMessage(() -> new AdamW(0.001, 0.01, 0.9, 0.999, -1e-7), "epsilon");
    }

    @Test
    void configsFromFiles() {
        assertMessage(() -> Optimizers.fromConfig("Lion", Map.of()), "optimizer", "Lion", "AdamW", "Nadam");
        assertMessage(() -> Optimizers.fromConfig("Adam", Map.of("amsgrad", true)), "amsgrad");
        assertMessage(() -> Optimizers.fromConfig("SGD", Map.of("learning_rate", Map.of("class_name",
                "CosineDecayRestarts", "config", Map.of()))), "CosineDecayRestarts");
        assertMessage(() -> Optimizers.fromConfig("SGD", Map.of("momentum", "a lot")), "momentum", "a lot");
    }

    /** An optimizer of a class Keras does not have cannot go into a .keras file, and says which can. */
    @Test
    void anOwnOptimizerHasNoKerasConfig() {
        Optimizer own = new Optimizer("mine", 0.1) {
            @Override
            public void build(java.util.List<ai.djl.ndarray.NDArray> variables, ai.djl.ndarray.NDManager owner) {
            }

            @Override
            public boolean isBuiltFor(java.util.List<ai.djl.ndarray.NDArray> variables) {
                return true;
            }

            @Override
            protected void update(int index, ai.djl.ndarray.NDArray variable, ai.djl.ndarray.NDArray gradient) {
            }
        };
        assertMessage(() -> Optimizers.config(own), "mine", "SGD", "Nadam");
    }
}
