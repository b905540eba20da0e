package io.github.kerasdjl.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Standardizer} against scikit-learn 1.9.1's {@code StandardScaler} ({@code fixtures/datasets.txt}, made by
 * {@code tools/keras/dataset_fixtures.py}): fitted on each shipped table's features (float32, as the Java side holds
 * them, widened to float64 for scikit-learn), {@code mean_}, {@code var_} and {@code scale_} agree within 1e-12
 * relative (both accumulate in double; measured on 2026-12-01: 0, bit for bit), the transformed rows within 1e-6
 * (float32 rounding of the result); and on a table of constant and nearly constant columns, where scikit-learn's
 * rule gives a scale of 1.
 */
class StandardizerTest {

    private static final SklearnFixture SKLEARN = new SklearnFixture();

    @TempDir
    Path dir;

    @Test
    void matchesScikitLearnsStandardScaler() {
        Map<String, Supplier<Table>> tables = Map.of("iris", Iris::table, "wine", Wine::table, "breast_cancer",
                BreastCancer::table, "digits", Digits::table);
        double worstStat = 0;
        double worstRow = 0;
        for (var e : tables.entrySet()) {
            float[][] x = e.getValue().get().x();
            Standardizer s = Standardizer.fit(x);
            SklearnFixture.Scaler want = SKLEARN.scalers.get(e.getKey());
            assertEquals(want.samples(), s.samplesSeen());
            worstStat = Math.max(worstStat, relative(want.mean(), s.mean()));
            worstStat = Math.max(worstStat, relative(want.var(), s.variance()));
            worstStat = Math.max(worstStat, relative(want.scale(), s.scale()));
            float[][] t = s.transform(x);
            for (var row : want.rows().entrySet()) {
                for (int j = 0; j < row.getValue().length; j++) {
                    worstRow = Math.max(worstRow, Math.abs(row.getValue()[j] - t[row.getKey()][j]));
                }
            }
        }
        assertTrue(worstStat < 1e-12, "max relative difference of mean_, var_, scale_: " + worstStat);
        assertTrue(worstRow < 1e-6, "max difference of transformed rows: " + worstRow);
        // The digits' first pixel is always 0: scale 1, transformed to 0 rather than NaN.
        Standardizer digits = Standardizer.fit(Digits.table().x());
        assertEquals(1.0, digits.scale()[0]);
        assertEquals(0f, digits.transform(Digits.table().x())[5][0]);
    }

    @Test
    void constantColumnsAsScikitLearnDetectsThem() {
        double[] flat = SKLEARN.constant;
        float[][] x = new float[7][5];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = (float) flat[i * 5 + j];
            }
        }
        Standardizer s = Standardizer.fit(x);
        SklearnFixture.Scaler want = SKLEARN.scalers.get("constant");
        assertArrayEquals(want.scale(), s.scale(), 1e-12 * 30);
        assertEquals(1.0, s.scale()[0]);
        assertTrue(s.scale()[3] != 1.0, "one float32 step of 1e6 is not constant");
        assertTrue(relative(want.mean(), s.mean()) < 1e-14);
        float[][] t = s.transform(x);
        for (var row : want.rows().entrySet()) {
            for (int j = 0; j < 5; j++) {
                assertEquals(row.getValue()[j], t[row.getKey()][j], 1e-6);
            }
        }
    }

    @Test
    void remembersItsStatisticsForNewDataAndInAFile() throws Exception {
        LabeledData wine = Wine.load();
        Standardizer s = Standardizer.fit(wine.trainX());
        float[][] train = s.transform(wine.trainX());
        // Standardized training columns: mean 0, population std 1; the test set is scaled with the same numbers.
        for (int j = 0; j < 13; j++) {
            double m = 0;
            double v = 0;
            for (float[] r : train) {
                m += r[j];
            }
            m /= train.length;
            for (float[] r : train) {
                v += (r[j] - m) * (r[j] - m);
            }
            assertEquals(0, m, 1e-6);
            assertEquals(1, v / train.length, 1e-5);
        }
        float[] row = wine.testX()[3];
        assertEquals((float) ((row[12] - s.mean()[12]) / s.scale()[12]), s.transform(row)[12]);
        LabeledData standardized = wine.standardized();
        assertArrayEquals(s.transform(wine.testX())[7], standardized.testX()[7]);
        float[][] back = s.inverseTransform(train);
        assertEquals(wine.trainX()[2][12], back[2][12], 1e-3);

        Path file = dir.resolve("scaler.json");
        s.save(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"mean_\"") && json.contains("\"scale_\"") && json.contains("StandardScaler"), json);
        Standardizer loaded = Standardizer.load(file);
        assertArrayEquals(s.mean(), loaded.mean(), 0);
        assertArrayEquals(s.scale(), loaded.scale(), 0);
        assertArrayEquals(s.variance(), loaded.variance(), 0);
        assertEquals(s.samplesSeen(), loaded.samplesSeen());
        assertArrayEquals(s.transform(wine.testX())[0], loaded.transform(wine.testX())[0]);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void badInput() throws Exception {
        Standardizer s = Standardizer.fit(new float[][] {{1, 2}, {3, 4}});
        String[][] cases = {
            {message(() -> Standardizer.fit(null)), "`x`", "null"},
            {message(() -> Standardizer.fit(new float[0][])), "`x`", "empty"},
            {message(() -> Standardizer.fit(new float[][] {{1, 2}, {3}})), "row 1 has 1 values", "Expected 2"},
            {message(() -> Standardizer.fit(new float[][] {{1, Float.NaN}})), "NaN", "column 1"},
            {message(() -> s.transform(new float[][] {{1, 2, 3}})), "row 0 has 3 values", "fitted on"},
            {message(() -> s.transform(new float[][] {{1, Float.POSITIVE_INFINITY}})), "Infinity", "finite"},
            {message(() -> Standardizer.load(dir.resolve("none.json"))), "`path`", "not a file"},
            {message(() -> Standardizer.load(Files.writeString(dir.resolve("a.json"), "[1, 2]"))), "not a saved"},
            {message(() -> Standardizer.load(Files.writeString(dir.resolve("b.json"), "{\"mean_\": [1], \"var_\":"
                    + " [1], \"scale_\": [0], \"n_samples_seen_\": 3}"))), "a scale of 0.0"},
            {message(() -> Standardizer.load(Files.writeString(dir.resolve("c.json"), "{\"mean_\": [1, 2], \"var_\":"
                    + " [1], \"scale_\": [1], \"n_samples_seen_\": 3}"))), "have 2, 1 and 1 values"},
            {message(() -> Standardizer.load(Files.writeString(dir.resolve("d.json"), "{\"mean_\": [1"))),
                "not a saved"},
        };
        for (String[] c : cases) {
            for (int k = 1; k < c.length; k++) {
                assertTrue(c[0].contains(c[k]), c[0] + " should say " + c[k]);
            }
        }
    }

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    private static double relative(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            double d = Math.abs(want[i] - got[i]) / Math.max(Math.abs(want[i]), 1e-300);
            worst = Math.max(worst, want[i] == got[i] ? 0 : d);
        }
        return worst;
    }
}
