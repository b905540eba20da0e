package io.github.kerasdjl.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.render.DecisionPlane;
import io.github.kerasdjl.training.FitOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link TensorBoard} writes, read back by {@link EventFileReader} (a reader written from the format's
 * description: TFRecord framing with both masked CRC32Cs checked, protobuf decoded field by field). The values are
 * compared with what the fit itself reports: the History's loss, accuracy and val_ values per epoch (equal as float32,
 * the precision of simple_value), the weights' sizes and values for the histograms, and the model's predictions for
 * the decision boundary's pixels. {@code tools/tensorboard/read_events.py} reads the same files with TensorBoard's
 * own reader; run this test with {@code -Dtensorboard.logdir=DIR} to keep them in DIR.
 */
class TensorBoardTest {

    private static final int EPOCHS = 5;
    private static final int BATCH = 7;

    @TempDir
    Path dir;

    private static Map<String, Map<Long, EventFileReader.Value>> byTag(List<EventFileReader.Event> events) {
        Map<String, Map<Long, EventFileReader.Value>> tags = new TreeMap<>();
        for (EventFileReader.Event e : events) {
            for (EventFileReader.Value v : e.values()) {
                tags.computeIfAbsent(v.tag(), t -> new TreeMap<>()).put(e.step(), v);
            }
        }
        return tags;
    }

    private static float scalar(Map<String, Map<Long, EventFileReader.Value>> tags, String tag, long step) {
        return tags.get(tag).get(step).simpleValue();
    }

    private static Path logDir(Path fallback) {
        String keep = System.getProperty("tensorboard.logdir");
        return keep == null || keep.isBlank() ? fallback : Path.of(keep);
    }

    /** A short fit of a 2-input classifier with validation, histograms every 2 epochs and batch summaries. */
    @Test
    void aShortFitWritesWhatTheFitReports() throws IOException {
        Dataset d = Playground.gauss(48, 0, 3);
        float[][] x = java.util.Arrays.copyOf(d.x(), 36);
        float[][] y = java.util.Arrays.copyOf(d.y(), 36);
        float[][] vx = java.util.Arrays.copyOfRange(d.x(), 36, 48);
        float[][] vy = java.util.Arrays.copyOfRange(d.y(), 36, 48);
        Path logs = logDir(dir.resolve("logs"));
        TensorBoard board = Keras.TensorBoard(logs, 2).updateFreq(3).decisionBoundary(x, y, 2);
        try (Sequential model = new Sequential().add(new Dense(4, "tanh", 2)).add(new Dense(1, "sigmoid")).seed(5)) {
            model.compile(new SGD(0.1), "binary_crossentropy", "accuracy");
            History h = model.fit(x, y, new FitOptions().epochs(EPOCHS).batchSize(BATCH).shuffle(false).verbose(0)
                    .validationData(vx, vy).callbacks(board));
            int steps = (36 + BATCH - 1) / BATCH;

            assertTrue(board.trainFile().startsWith(logs.resolve("train")), board.trainFile().toString());
            assertTrue(board.trainFile().getFileName().toString().startsWith("events.out.tfevents."));
            List<EventFileReader.Event> trainEvents = EventFileReader.read(board.trainFile());
            assertEquals("brain.Event:2", trainEvents.get(0).fileVersion(), "the first record is the file version");
            Map<String, Map<Long, EventFileReader.Value>> train = byTag(trainEvents);
            Map<String, Map<Long, EventFileReader.Value>> val = byTag(EventFileReader.read(board.validationFile()));

            // Scalars per epoch, Keras' tags, train and validation.
            for (int e = 0; e < EPOCHS; e++) {
                assertEquals((float) (double) h.get("loss").get(e), scalar(train, "epoch_loss", e));
                assertEquals((float) (double) h.get("accuracy").get(e), scalar(train, "epoch_accuracy", e));
                assertEquals(0.1f, scalar(train, "epoch_learning_rate", e));
                assertEquals((float) (double) h.get("val_loss").get(e), scalar(val, "epoch_loss", e));
                assertEquals((float) (double) h.get("val_accuracy").get(e), scalar(val, "epoch_accuracy", e));
                assertEquals((float) (double) h.get("val_loss").get(e),
                        scalar(val, "evaluation_loss_vs_iterations", (long) (e + 1) * steps));
            }
            assertEquals(EPOCHS, train.get("epoch_loss").size());
            assertTrue(!val.containsKey("epoch_learning_rate") && !val.containsKey("epoch_val_loss"), val.keySet()
                    .toString());

            // Batch summaries every 3 batches, at the global batch number (from 1).
            List<Long> batchSteps = new ArrayList<>(train.get("batch_loss").keySet());
            List<Long> expected = new ArrayList<>();
            for (long b = 3; b <= (long) EPOCHS * steps; b += 3) {
                expected.add(b);
            }
            assertEquals(expected, batchSteps);
            // The last batch's running mean is the epoch's loss.
            assertEquals(train.get("epoch_loss").get((long) EPOCHS - 1).simpleValue(),
                    train.get("batch_loss").get((long) EPOCHS * steps).simpleValue(), 1e-6);

            // Histograms at epochs 0, 2, 4, one per weight, Keras' weight paths.
            List<String> paths = List.of("sequential/dense/kernel", "sequential/dense/bias",
                    "sequential/dense_1/kernel", "sequential/dense_1/bias");
            assertEquals(paths, model.weightPaths());
            List<float[]> finalWeights = model.getWeights();
            for (int i = 0; i < paths.size(); i++) {
                Map<Long, EventFileReader.Value> hist = train.get(paths.get(i) + "/histogram");
                assertNotNull(hist, paths.get(i) + " in " + train.keySet());
                assertEquals(List.of(0L, 2L, 4L), new ArrayList<>(hist.keySet()));
                for (EventFileReader.Value v : hist.values()) {
                    EventFileReader.Histogram hp = v.histo();
                    assertEquals(finalWeights.get(i).length, hp.num());
                    assertEquals(finalWeights.get(i).length, hp.bucket().stream().mapToDouble(Double::doubleValue)
                            .sum());
                    assertEquals(hp.bucket().size(), hp.bucketLimit().size());
                    assertEquals(hp.max(), hp.bucketLimit().get(hp.bucketLimit().size() - 1));
                }
                // The last histogram is of the final weights.
                float[] w = finalWeights.get(i);
                EventFileReader.Histogram last = hist.get(4L).histo();
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                for (float v : w) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
                assertEquals(min, last.min());
                assertEquals(max, last.max());
                assertEquals(sum, last.sum(), 1e-12);
            }

            // The decision boundary at epochs 0, 2, 4 (4 is also the last): PNGs of the stated size, the final one
            // colored by the final model's predictions.
            Map<Long, EventFileReader.Value> images = train.get(TensorBoard.BOUNDARY_TAG);
            assertEquals(List.of(0L, 2L, 4L), new ArrayList<>(images.keySet()));
            EventFileReader.Image img = images.get(4L).image();
            assertEquals(TensorBoard.BOUNDARY_SIZE, img.width());
            assertEquals(TensorBoard.BOUNDARY_SIZE, img.height());
            assertEquals(3, img.colorspace());
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(img.encoded()));
            assertEquals(img.width(), png.getWidth());
            assertEquals(img.height(), png.getHeight());
            DecisionPlane plane = DecisionPlane.around(x);
            int checked = 0;
            for (int px = 5; px < png.getWidth(); px += 37) {
                for (int py = 5; py < png.getHeight(); py += 37) {
                    float[] p = {(float) plane.dataX(px, png.getWidth()), (float) plane.dataY(py, png.getHeight())};
                    if (nearAPoint(plane, png.getWidth(), px, py, x)) {
                        continue;
                    }
                    float out = model.predict(new float[][] {p})[0][0];
                    assertEquals(DecisionPlane.background(DecisionPlane.probabilityColor(out)).getRGB(),
                            png.getRGB(px, py), "pixel " + px + "," + py);
                    checked++;
                }
            }
            assertTrue(checked > 20, checked + " pixels checked");
        }
    }

    private static boolean nearAPoint(DecisionPlane plane, int size, int px, int py, float[][] x) {
        for (float[] p : x) {
            double cx = (p[0] - plane.minX) / (plane.maxX - plane.minX) * size;
            double cy = (plane.maxY - p[1]) / (plane.maxY - plane.minY) * size;
            if (Math.hypot(cx - px, cy - py) < 7) {
                return true;
            }
        }
        return false;
    }

    /** A corrupted byte anywhere (length, data) is caught by the reader's CRC checks. */
    @Test
    void aCorruptedByteIsDetected() throws IOException {
        Path events;
        try (EventFileWriter w = new EventFileWriter(dir.resolve("run"))) {
            for (int i = 0; i < 4; i++) {
                w.scalar("epoch_loss", i, 1.0 / (i + 1));
            }
            events = w.file();
        }
        byte[] good = Files.readAllBytes(events);
        assertEquals(5, EventFileReader.records(good).size());
        for (int at : new int[] {2, 10, 14, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x20;
            IOException e = assertThrows(IOException.class, () -> EventFileReader.records(bad), "byte " + at);
            assertTrue(e.getMessage().contains("CRC") || e.getMessage().contains("truncated"), e.getMessage());
        }
        // A cut file (a crash in the middle of a write) is detected too.
        assertThrows(IOException.class, () -> EventFileReader.records(java.util.Arrays.copyOf(good, good.length
                - 3)));
    }

    /** The histogram's buckets: 30 of equal width from min to max, each value counted once; equal values. */
    @Test
    void histogramBuckets() throws IOException {
        float[] values = new float[30];
        for (int i = 0; i < 30; i++) {
            values[i] = i;
        }
        EventFileReader.Histogram h = histogram(values);
        assertEquals(0, h.min());
        assertEquals(29, h.max());
        assertEquals(435, h.sum());
        assertEquals(8555, h.sumSquares());
        for (int i = 0; i < 30; i++) {
            assertEquals(1.0, h.bucket().get(i), "bucket " + i);
            assertEquals(29.0 * (i + 1) / 30, h.bucketLimit().get(i), 1e-12);
        }
        EventFileReader.Histogram same = histogram(new float[] {0, 0, 0});
        assertEquals(3, same.num());
        assertEquals(3.0, same.bucket().get(29));
        assertEquals(3.0, same.bucket().stream().mapToDouble(Double::doubleValue).sum());
    }

    private EventFileReader.Histogram histogram(float[] values) throws IOException {
        Path file;
        try (EventFileWriter w = new EventFileWriter(dir.resolve("h"))) {
            w.histogram("w/histogram", 0, values);
            file = w.file();
        }
        List<EventFileReader.Event> events = EventFileReader.read(file);
        Files.delete(file);
        return events.get(1).values().get(0).histo();
    }

    /** Records reach the file at every epoch's end: a fit that dies in epoch 3 leaves two whole epochs readable. */
    @Test
    void aCrashedFitLeavesReadableRecords() throws IOException {
        Dataset d = Playground.gauss(20, 0, 1);
        TensorBoard board = new TensorBoard(dir.resolve("crash"), 1);
        Callback crash = new Callback() {
            @Override
            public void onEpochBegin(int epoch) {
                if (epoch == 2) {
                    throw new IllegalStateException("crash");
                }
            }
        };
        try (Sequential model = new Sequential().add(new Dense(1, "sigmoid", 2)).seed(1)) {
            model.compile(new SGD(0.1), "mse");
            assertThrows(IllegalStateException.class, () -> model.fit(d.x(), d.y(), new FitOptions().epochs(5)
                    .verbose(0).callbacks(board, crash)));
        }
        Map<String, Map<Long, EventFileReader.Value>> train = byTag(EventFileReader.read(board.trainFile()));
        assertEquals(List.of(0L, 1L), new ArrayList<>(train.get("epoch_loss").keySet()));
        assertEquals(2, train.get("sequential/dense/kernel/histogram").size());
        // The fit's exception closed the event file (Callback.onTrainAborted): no descriptor of this process is open
        // on it (Linux: /proc/self/fd).
        Path fds = Path.of("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            Path event = board.trainFile().toRealPath();
            try (java.util.stream.Stream<Path> open = Files.list(fds)) {
                List<Path> onEvent = open.filter(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).equals(event);
                    } catch (IOException gone) {
                        return false; // the listing's own descriptor, closed by now
                    }
                }).toList();
                assertEquals(List.of(), onEvent, "descriptors still open on " + event);
            }
        }
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void aFolderThatCannotBeWrittenIsAnErrorBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TensorBoard(file.resolve("logs")));
        assertTrue(e.getMessage().contains("`log_dir`") && e.getMessage().contains("a file, not a folder"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TensorBoard(file));

        // The folder turns into a file after the callback was made: the fit fails before any step.
        Path later = dir.resolve("later");
        TensorBoard board = new TensorBoard(later);
        Files.writeString(later, "not a folder");
        Dataset d = Playground.gauss(20, 0, 1);
        try (Sequential model = new Sequential().add(new Dense(1, "sigmoid", 2)).seed(1)) {
            model.compile(new SGD(0.1), "mse");
            model.build(2);
            List<float[]> before = model.getWeights();
            IllegalArgumentException fit = assertThrows(IllegalArgumentException.class, () -> model.fit(d.x(),
                    d.y(), new FitOptions().epochs(2).verbose(0).callbacks(board)));
            assertTrue(fit.getMessage().contains("`log_dir`"), fit.getMessage());
            List<float[]> after = model.getWeights();
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), "nothing trained");
            }
        }
    }

    @Test
    void badArguments() {
        Path logs = dir.resolve("logs");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TensorBoard(logs, -1)).getMessage()
                .contains("`histogram_freq`: -1"));
        assertThrows(IllegalArgumentException.class, () -> new TensorBoard(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TensorBoard(logs).updateFreq("often"))
                .getMessage().contains("`update_freq`: 'often'"));
        assertThrows(IllegalArgumentException.class, () -> new TensorBoard(logs).updateFreq(-2));
        assertEquals(logs, new TensorBoard(logs).updateFreq("batch").updateFreq("10").updateFreq("epoch").logDir());
        float[][] three = {{1, 2, 3}};
        float[][] label = {{1}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TensorBoard(logs).decisionBoundary(three,
                label, 1)).getMessage().contains("Expected 2 finite coordinates"));
        assertThrows(IllegalArgumentException.class, () -> new TensorBoard(logs).decisionBoundary(
                new float[][] {{1, 2}}, label, 0));
        assertThrows(IllegalArgumentException.class, () -> new TensorBoard(logs).decisionBoundary(
                new float[][] {{1, 2}}, new float[][] {}, 1));
    }

    @Test
    void aDecisionBoundaryNeedsTwoInputsAndOneOutput() throws IOException {
        Dataset d = Playground.gauss(20, 0, 1);
        TensorBoard board = new TensorBoard(dir.resolve("wide")).decisionBoundary(d.x(), d.y(), 1);
        float[][] x3 = new float[20][3];
        try (Sequential model = new Sequential().add(new Dense(1, "sigmoid", 3)).seed(1)) {
            model.compile(new SGD(0.1), "mse");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(x3, d.y(),
                    new FitOptions().epochs(1).verbose(0).callbacks(board)));
            assertTrue(e.getMessage().contains("takes 3 inputs"), e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir.resolve("wide"))) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "no event file for a refused fit");
        }
    }

    /** The sample runs (a few epochs) and its files hold the epochs and the boundary's images. */
    @Test
    void theSampleRuns() throws IOException {
        Path logs = dir.resolve("sample");
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
        try {
            io.github.kerasdjl.samples.TensorBoardCircle.main(new String[] {"12", logs.toString()});
        } finally {
            System.setOut(original);
        }
        Path file;
        try (Stream<Path> files = Files.list(logs.resolve("train"))) {
            file = files.findFirst().orElseThrow();
        }
        Map<String, Map<Long, EventFileReader.Value>> train = byTag(EventFileReader.read(file));
        assertEquals(12, train.get("epoch_loss").size());
        assertEquals(List.of(0L, 10L, 11L), new ArrayList<>(train.get(TensorBoard.BOUNDARY_TAG).keySet()));
        assertEquals(List.of(0L, 10L), new ArrayList<>(train.get("sequential/dense/kernel/histogram").keySet()));
    }
}
