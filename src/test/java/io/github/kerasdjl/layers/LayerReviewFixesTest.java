package io.github.kerasdjl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Precision;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A frozen layer survives saving both ways; built layers refuse a change; Embedding names a bad index. */
class LayerReviewFixesTest {

    @TempDir
    Path dir;

    private static Sequential frozen() {
        Sequential m = new Sequential().seed(4).add(Keras.Input(3)).add(new Dense(4, "tanh").trainable(false))
                .add(new Dense(1, "sigmoid"));
        m.compile(Keras.SGD(0.1), "mse");
        m.build(3);
        return m;
    }

    @Test
    void aFrozenLayerSavesAndLoadsFrozenInBothFormats() {
        try (Sequential a = frozen()) {
            a.save(dir.resolve("m.keras"));
            a.saveDjl(dir.resolve("djl"));
            for (Path p : new Path[] {dir.resolve("m.keras"), dir.resolve("djl")}) {
                try (Sequential b = Keras.loadModel(p)) {
                    assertTrue(!b.layers().get(0).isTrainable(), p + ": the first Dense loads frozen");
                    assertEquals(0.0, Precision.maxDifference(a.getWeights(), b.getWeights()), p.toString());
                }
            }
        }
    }

    @Test
    void aBuiltPoolingLayerRefusesNewStridesOrPadding() {
        Pooling2D pool = (Pooling2D) Keras.MaxPooling2D(2);
        try (Sequential m = new Sequential().add(Keras.Input(4, 4, 1)).add(pool).add(Keras.Flatten())) {
            m.build(new ai.djl.ndarray.types.Shape(4, 4, 1));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.strides(1));
            assertTrue(e.getMessage().contains("strides"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> pool.padding("same"));
        }
    }

    @Test
    void anEmbeddingIndexOutOfRangeIsNamed() {
        try (Sequential m = new Sequential().add(Keras.Input(2)).add(Keras.Embedding(5, 3)).add(Keras.Flatten())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.predict(new float[][] {{1, 5}}));
            assertTrue(e.getMessage().contains("index 5.0") && e.getMessage().contains("[0, 5)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.predict(new float[][] {{-1, 0}}));
            assertEquals(6, m.predict(new float[][] {{1, 4}})[0].length, "indices 0..4 are fine");
        }
    }
}
