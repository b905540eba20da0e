package io.github.kerasdjl.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The four data sets shipped in the jar against what scikit-learn 1.9.1's own loaders give
 * ({@code fixtures/datasets.txt}, made by {@code tools/keras/dataset_fixtures.py}): the number of samples, features
 * and classes, the class counts the sources state, and four whole rows (features and label, exactly, as float32 of
 * the same decimal text); then the splits: stratified, seeded, disjoint, complete.
 */
class ShippedDatasetsTest {

    private static final SklearnFixture SKLEARN = new SklearnFixture();

    private static final Map<String, Supplier<Table>> TABLES = Map.of("iris", Iris::table, "wine", Wine::table,
            "breast_cancer", BreastCancer::table, "digits", Digits::table);

    @Test
    void everyTableIsScikitLearns() {
        for (var e : TABLES.entrySet()) {
            Table t = e.getValue().get();
            SklearnFixture.Loaded s = SKLEARN.loaded.get(e.getKey());
            assertEquals(s.samples(), t.size(), e.getKey());
            assertEquals(s.features(), t.numFeatures(), e.getKey());
            assertEquals(s.classes(), t.numClasses(), e.getKey());
            assertArrayEquals(s.counts(), t.classCounts(), e.getKey());
            for (var row : s.rows().entrySet()) {
                double[] want = row.getValue();
                float[] x = t.x()[row.getKey()];
                for (int j = 0; j < x.length; j++) {
                    assertEquals((float) want[j], x[j], 0f, e.getKey() + " row " + row.getKey() + " column " + j);
                }
                assertEquals((float) want[want.length - 1], t.y()[row.getKey()], 0f, e.getKey());
            }
        }
    }

    /** The counts as the sources' descriptions state them (scikit-learn's descr/*.rst). */
    /** The resources are scikit-learn's files unchanged: the SHA-256 that NOTICE.md lists, and the licences named. */
    @Test
    void resourcesAreScikitLearnsFilesWithTheirNotice() throws Exception {
        String notice;
        try (java.io.InputStream in = Table.class.getResourceAsStream("NOTICE.md")) {
            notice = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(notice.contains("CC BY 4.0") && notice.contains("BSD 3-Clause License"), notice);
        for (String name : new String[] {"iris.csv", "wine_data.csv", "digits.csv.gz", "breast_cancer.csv.gz"}) {
            byte[] bytes;
            try (java.io.InputStream in = Table.class.getResourceAsStream(name)) {
                bytes = in.readAllBytes();
            }
            String listed = name;
            if (name.equals("breast_cancer.csv.gz")) { // compressed here: the hash is of scikit-learn's plain file
                bytes = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
                listed = "breast_cancer.csv";
            }
            String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
            assertTrue(notice.contains(hex + "  " + listed), name + " has SHA-256 " + hex);
        }
    }

    @Test
    void classBalanceAsTheSourcesState() {
        assertArrayEquals(new int[] {50, 50, 50}, Iris.table().classCounts());
        assertArrayEquals(new int[] {59, 71, 48}, Wine.table().classCounts());
        assertArrayEquals(new int[] {212, 357}, BreastCancer.table().classCounts());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, Digits.table().classCounts());
        assertEquals(1797, Digits.table().size());
        assertEquals(64, Digits.FEATURE_NAMES.size());
        assertEquals("pixel_7_7", Digits.FEATURE_NAMES.get(63));
        assertEquals("malignant", BreastCancer.table().classNames().get(0));
        assertEquals("petal width (cm)", Iris.table().featureNames().get(3));
        assertEquals("proline", Wine.table().featureNames().get(12));
    }

    @Test
    void digitsAreEightByEightImagesChannelsLast() {
        Table t = Digits.table();
        float[][][][] images = t.images();
        assertEquals(1797, images.length);
        assertEquals(8, images[0].length);
        assertEquals(8, images[0][0].length);
        assertEquals(1, images[0][0][0].length);
        // sklearn's images = data.reshape(-1, 8, 8): pixel (r, c) is feature 8 r + c.
        for (int i : new int[] {0, 77, 1796}) {
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    assertEquals(t.x()[i][8 * r + c], images[i][r][c][0]);
                }
            }
        }
        float max = 0;
        for (float[] row : t.x()) {
            for (float v : row) {
                assertTrue(v >= 0 && v == Math.rint(v), "a pixel " + v);
                max = Math.max(max, v);
            }
        }
        assertEquals(Digits.MAX_PIXEL, max);
        LabeledData d = Digits.load();
        assertEquals(d.trainX().length, d.trainImages().length);
        assertEquals(d.testX()[5][19], d.testImages()[5][2][3][0]);
        LabeledData scaled = d.scaleX(1.0 / 16);
        assertEquals(d.trainX()[3][20] / 16f, scaled.trainX()[3][20], 1e-7);
        assertThrows(IllegalStateException.class, () -> Iris.load().trainImages());
    }

    @Test
    void theDefaultSplitIsStratifiedAndComplete() {
        for (var e : TABLES.entrySet()) {
            Table all = e.getValue().get();
            LabeledData d = all.split();
            int[] counts = all.classCounts();
            int[] test = d.test().classCounts();
            int[] train = d.train().classCounts();
            for (int c = 0; c < counts.length; c++) {
                assertEquals(Math.round(counts[c] * 0.2), test[c], e.getKey() + " class " + c);
                assertEquals(counts[c], test[c] + train[c], e.getKey());
            }
            // Every sample exactly once: the multiset of rows is the table's.
            java.util.List<String> parts = new java.util.ArrayList<>(rows(d.train()));
            parts.addAll(rows(d.test()));
            java.util.List<String> whole = rows(all);
            java.util.Collections.sort(parts);
            java.util.Collections.sort(whole);
            assertEquals(whole, parts, e.getKey());
            assertEquals(all.size(), d.train().size() + d.test().size());
            assertEquals(all.featureNames(), d.featureNames());
            assertEquals(all.classNames(), d.classNames());
        }
        assertEquals(30, Iris.load().testX().length);
        assertEquals(359, Digits.load().testX().length); // 10 classes of 174..183, 20 % of each rounded
        assertEquals(113, BreastCancer.load().testX().length); // 42 + 71
        assertEquals(36, Wine.load().testX().length); // 12 + 14 + 10
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        LabeledData a = Wine.load(7, 0.25);
        LabeledData b = Wine.load(7, 0.25);
        LabeledData c = Wine.load(8, 0.25);
        assertTrue(Arrays.deepEquals(a.trainX(), b.trainX()));
        assertArrayEquals(a.testY(), b.testY());
        assertFalse(Arrays.deepEquals(a.testX(), c.testX()));
        assertEquals(a.test().size(), c.test().size());
        assertNotEquals(Arrays.deepToString(Iris.load().trainX()), Arrays.deepToString(Iris.load(1, 0.2).trainX()));
        // The training set is shuffled, not in class order.
        float[] y = Iris.load().trainY();
        float[] sorted = y.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, y));
    }

    @Test
    void labelsOneHotAndAsInts() {
        LabeledData d = Iris.load();
        float[][] hot = d.trainYCategorical();
        int[] labels = d.trainLabels();
        for (int i = 0; i < hot.length; i++) {
            assertEquals(3, hot[i].length);
            assertEquals(1f, hot[i][labels[i]]);
            assertEquals(1f, hot[i][0] + hot[i][1] + hot[i][2]);
            assertEquals(labels[i], d.trainY()[i]);
        }
        assertEquals(d.testX().length, d.test().toDataset().size());
        assertEquals(d.testY()[4], d.test().toDataset().y()[4][0]);
    }

    @Test
    void badSplits() {
        Table iris = Iris.table();
        for (double f : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> iris.split(1, f));
            assertTrue(e.getMessage().contains("`test_fraction`"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> iris.split(1, 0.001));
        assertTrue(e.getMessage().contains("test set would be empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> iris.scaleX(0));
        assertTrue(e.getMessage().contains("`factor`"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Table("t", java.util.List.of("a"), "y", null,
                new float[][] {{1}, {2}}, new float[] {0, 0.5f}, null));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Table("t", java.util.List.of("a", "b"), "y", null,
                new float[][] {{1, 2}, {2}}, new float[] {0, 1}, null));
        assertTrue(e.getMessage().contains("row 1 has 1 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Table("t", java.util.List.of("a", "b"), "y", null,
                new float[][] {{1, 2}}, new float[] {0}, new int[] {3, 3, 1}));
        assertTrue(e.getMessage().contains("`image_shape`"), e.getMessage());
    }

    private static java.util.List<String> rows(Table t) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(Arrays.toString(t.x()[i]) + " " + t.y()[i]);
        }
        return out;
    }
}
