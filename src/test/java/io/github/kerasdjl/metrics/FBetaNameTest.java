package io.github.kerasdjl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kerasdjl.Keras;
import org.junit.jupiter.api.Test;

/** An F-beta score is logged under Keras' name for it, fbeta_score, unless named otherwise. */
class FBetaNameTest {

    @Test
    void fBetaIsKeyedAsKerasKeysIt() {
        assertEquals("fbeta_score", new F1Score().beta(2.0).name());
        assertEquals("fbeta_score", Keras.FBetaScore("macro", 0.5, null).name());
        assertEquals("FBetaScore", Keras.FBetaScore("macro", 0.5, null).kerasClassName());
        assertEquals("f1_score", new F1Score().beta(2.0).beta(1.0).name());
        assertEquals("mine", new F1Score().named("mine").beta(2.0).name(), "a given name is kept");
    }
}
