package io.github.kerasdjl.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras 3 weights files both ways. The Keras side: src/test/resources/fixtures/keras_mlp.weights.h5 and the
 * predictions Keras gave with it (keras_mlp_predictions.txt), made by tools/keras/weights_fixtures.py with Keras
 * 3.15.1; the file also holds Keras' optimizer variables, which loading reads past.
 */
class WeightsFileTest {

    @TempDir
    Path dir;

    private static Sequential mlp(long seed) {
        return new Sequential().seed(seed).add(new Dense(8, "relu", 2)).add(new Dense(8, "relu"))
                .add(new Dense(1, "sigmoid"));
    }

    private Path fixture(String name) throws IOException {
        return Fixtures.copy(dir, name);
    }

    @Test
    void aFileWrittenByKerasPredictsKerassNumbers() throws IOException {
        Path weights = fixture("keras_mlp.weights.h5");
        List<float[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(fixture("keras_mlp_predictions.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                String[] t = line.split(" ");
                rows.add(new float[] {Float.parseFloat(t[0]), Float.parseFloat(t[1]), Float.parseFloat(t[2])});
            }
        }
        assertEquals(10, rows.size());
        try (Sequential model = mlp(1)) {
            model.build(2);
            model.loadWeights(weights);
            float[][] x = rows.stream().map(r -> new float[] {r[0], r[1]}).toArray(float[][]::new);
            float[][] p = model.predict(x);
            double max = 0;
            for (int i = 0; i < rows.size(); i++) {
                max = Math.max(max, Math.abs(p[i][0] - rows.get(i)[2]));
            }
            assertTrue(max <= 1e-6, "max difference from Keras' predictions: " + max);
        }
    }

    @Test
    void saveThenLoadGivesTheSameWeightsAndLeavesNoTemporaries() throws IOException {
        float[][] x = {{0.5f, -1}, {2, 3}, {-4, 1}};
        Path file = dir.resolve("spiral.weights.h5");
        try (Sequential a = mlp(3); Sequential b = mlp(4)) {
            a.compile(new SGD(0.1), "mse");
            a.fit(x, new float[][] {{1}, {0}, {1}}, new FitOptions().epochs(3).batchSize(2).verbose(0));
            a.saveWeights(file);
            b.build(2);
            b.loadWeights(file);
            assertEquals(0.0, Precision.maxDifference(a.getWeights(), b.getWeights()));
            assertEquals(0.0, Precision.maxDifference(List.of(a.predict(x)[2]), List.of(b.predict(x)[2])));
            a.saveWeights(file); // over an existing file
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("spiral.weights.h5"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void badFilesAreNamedAndLeaveTheModelUnchanged() throws IOException {
        Path keras = fixture("keras_mlp.weights.h5");
        Path truncated = dir.resolve("truncated.weights.h5");
        byte[] bytes = Files.readAllBytes(keras);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path garbage = Files.writeString(dir.resolve("garbage.weights.h5"), "not an HDF5 file");
        Path empty = Files.write(dir.resolve("empty.weights.h5"), new byte[0]);
        Path folder = Files.createDirectory(dir.resolve("folder.weights.h5"));
        try (Sequential model = mlp(5)) {
            model.build(2);
            List<float[]> before = model.getWeights();
            assertMessage(() -> model.loadWeights(dir.resolve("missing.weights.h5")), "missing.weights.h5",
                    "does not exist");
            assertMessage(() -> model.loadWeights(folder), "folder.weights.h5", "is not a file");
            assertMessage(() -> model.loadWeights(garbage), "garbage.weights.h5", "cannot be read");
            assertMessage(() -> model.loadWeights(empty), "empty.weights.h5", "cannot be read");
            assertMessage(() -> model.loadWeights(truncated), "truncated.weights.h5");
            assertMessage(() -> model.loadWeights(dir.resolve("model.h5")), "`filepath`", "must end in `.weights.h5`");
            assertEquals(0.0, Precision.maxDifference(before, model.getWeights()), "unchanged");
        }
        try (Sequential wider = new Sequential().seed(1).add(new Dense(16, "relu", 2)).add(new Dense(8, "relu"))
                .add(new Dense(1, "sigmoid"))) {
            wider.build(2);
            List<float[]> before = wider.getWeights();
            assertMessage(() -> wider.loadWeights(keras), "keras_mlp.weights.h5", "weight 0 of layer 'dense'",
                    "[2, 8]", "[2, 16]");
            assertEquals(0.0, Precision.maxDifference(before, wider.getWeights()), "unchanged");
        }
        try (Sequential shorter = new Sequential("other").add(new Dense(8, "relu", 2)).add(new Dense(1))) {
            shorter.build(2);
            assertMessage(() -> shorter.loadWeights(keras), "weights for 3 layers [dense, dense_1, dense_2]",
                    "the model has 2");
            List<float[]> before = shorter.getWeights();
            assertEquals(0.0, Precision.maxDifference(before, shorter.getWeights()), "unchanged");
        }
        // Keras keys layers by class and position, not by name: a renamed layer still finds its weights.
        try (Sequential renamed = new Sequential().add(new Dense(8, "relu", 2).setName("hidden"))
                .add(new Dense(8, "relu").setName("hidden2")).add(new Dense(1, "sigmoid").setName("out"))) {
            renamed.build(2);
            renamed.loadWeights(keras);
            try (Sequential named = mlp(9)) {
                named.build(2);
                named.loadWeights(keras);
                assertEquals(0.0, Precision.maxDifference(named.getWeights(), renamed.getWeights()));
            }
        }
    }

    @Test
    void savingNeedsABuiltModelAndAWritablePlace() throws IOException {
        Throwable e = assertThrows(IllegalStateException.class, () -> mlp(1).saveWeights(dir.resolve("a.weights.h5")));
        assertTrue(e.getMessage().contains("not built"), e.getMessage());
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        try (Sequential model = mlp(2)) {
            model.build(2);
            assertMessage(() -> model.saveWeights(dir.resolve("x.keras")), "`filepath`", ".weights.h5");
            e = assertThrows(UncheckedIOException.class, () -> model.saveWeights(blocker.resolve("m.weights.h5")));
            assertTrue(e.getMessage().contains("Cannot write the weights to"), e.getMessage());
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        Throwable e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }
}
