package io.github.kerasdjl.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.datasets.Beans;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    /** A classifier with a known boundary: p = sigmoid(4 x1 - 2 x2 + 1). */
    private static Sequential knownClassifier() {
        Sequential model = new Sequential().add(new Dense(1, "sigmoid", 2));
        model.compile(new SGD(0.1), "binary_crossentropy", "accuracy");
        model.build(2);
        model.setWeights(List.of(new float[] {4f, -2f}, new float[] {1f}));
        return model;
    }

    private static Dataset points(float[][] xy) {
        float[][] y = new float[xy.length][1];
        for (int i = 0; i < xy.length; i++) {
            y[i][0] = 4 * xy[i][0] - 2 * xy[i][1] + 1 > 0 ? 1 : 0;
        }
        return new Dataset(xy, y);
    }

    private static BufferedImage readPng(Path png, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        byte[] head = new byte[8];
        System.arraycopy(bytes, 0, head, 0, 8);
        assertArrayEquals(PNG_SIGNATURE, head, "PNG signature");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        return image;
    }

    @Test
    void decisionBoundaryBackgroundIsTheModelsPrediction() throws IOException {
        Dataset train = points(new float[][] {{-3, -3}, {3, 3}, {-3, 3}, {3, -3}, {0, 0}});
        Dataset test = points(new float[][] {{1.5f, -2}, {-2, 1}});
        Path png = dir.resolve("boundary.png");
        try (Sequential model = knownClassifier()) {
            Plots.Frame frame = Plots.decisionBoundary(model, train, test, png, 400, 300, "known boundary");
            BufferedImage image = readPng(png, 400, 300);
            int checked = 0;
            int blue = 0;
            int orange = 0;
            for (int px = frame.left + 3; px < frame.left + frame.plotWidth(); px += 7) {
                for (int py = frame.top + 3; py < frame.top + frame.plotHeight(); py += 7) {
                    double x1 = frame.dataX(px + 0.5);
                    double x2 = frame.dataY(py + 0.5);
                    double p = 1 / (1 + Math.exp(-(4 * x1 - 2 * x2 + 1)));
                    if (Math.abs(p - 0.5) < 0.4 || nearAPoint(frame, px, py, train, test)
                            || inLegend(frame, px, py)) {
                        continue;
                    }
                    Color c = new Color(image.getRGB(px, py));
                    Color expected = Plots.background(Plots.probabilityColor(p));
                    assertEquals(expected.getRGB(), c.getRGB(), "pixel " + px + "," + py + " at p=" + p);
                    if (p > 0.5) {
                        assertTrue(c.getBlue() > c.getRed(), "blue where the model says 1");
                        blue++;
                    } else {
                        assertTrue(c.getRed() > c.getBlue(), "orange where the model says 0");
                        orange++;
                    }
                    checked++;
                }
            }
            assertTrue(blue > 50 && orange > 50, "both sides seen: " + blue + " blue, " + orange + " orange");
            assertTrue(checked > 100);
            // A training point is drawn in its label's color over the background.
            int cx = (int) Math.round(frame.pixelX(-3));
            int cy = (int) Math.round(frame.pixelY(3));
            assertEquals(Plots.ORANGE.getRGB(), image.getRGB(cx, cy), "the point (-3, 3), label 0");
        }
    }

    private static boolean nearAPoint(Plots.Frame f, int px, int py, Dataset... sets) {
        for (Dataset d : sets) {
            for (float[] p : d.x()) {
                if (Math.hypot(f.pixelX(p[0]) - px, f.pixelY(p[1]) - py) < 8) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inLegend(Plots.Frame f, int px, int py) {
        return px > f.left + f.plotWidth() - 110 && py < f.top + 70;
    }

    @Test
    void nothingIsWrittenOnError() throws IOException {
        Dataset train = points(new float[][] {{-1, -1}, {1, 1}});
        Path png = dir.resolve("boundary.png");
        try (Sequential model = knownClassifier()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Plots.decisionBoundary(model, train, null, png, 10, 300, null));
            assertTrue(e.getMessage().contains("`width`: 10"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> Plots.decisionBoundary(model, train, null, dir.resolve("boundary.jpg"), 300, 300, null));
            assertTrue(e.getMessage().contains("boundary.jpg"), e.getMessage());
            Dataset threeFeatures = new Dataset(new float[][] {{1, 2, 3}}, new float[][] {{1}});
            assertThrows(IllegalArgumentException.class,
                    () -> Plots.decisionBoundary(model, threeFeatures, null, png, 300, 300, null));
            assertFalse(Files.exists(png));

            // An existing picture survives a failed redraw untouched.
            Plots.decisionBoundary(model, train, null, png, 200, 200, null);
            byte[] before = Files.readAllBytes(png);
            assertThrows(IllegalArgumentException.class,
                    () -> Plots.decisionBoundary(model, train, null, png, 200, 99999, null));
            assertArrayEquals(before, Files.readAllBytes(png));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("boundary.png"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary files left behind");
        }
    }

    @Test
    void beansCurve() throws IOException {
        Dataset beans = Beans.hump(60, 3);
        try (Sequential model = new Sequential().seed(2).add(new Dense(2, "sigmoid", 1))
                .add(new Dense(1, "sigmoid"))) {
            model.compile(new SGD(0.5), "mse");
            model.fit(beans.xColumn(), beans.yColumn(), new FitOptions().epochs(3).batchSize(10).verbose(0));
            Path png = dir.resolve("curve.png");
            Plots.curve(model, beans, png, 500, 350, null, null, null);
            BufferedImage image = readPng(png, 500, 350);
            assertTrue(countColor(image, Plots.ORANGE) > 50, "the model's line is drawn");
            assertTrue(countColor(image, Plots.BLUE) > 50, "the beans are drawn");
            assertThrows(IllegalArgumentException.class, () -> Plots.curve(model,
                    new Dataset(new float[][] {{1, 2}}, new float[][] {{1}}), png, 500, 350, null, null, null));
        }
    }

    private static int countColor(BufferedImage image, Color color) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += image.getRGB(x, y) == color.getRGB() ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void historyCurves() throws IOException {
        Dataset beans = Beans.hump(40, 3);
        try (Sequential model = new Sequential().seed(2).add(new Dense(2, "sigmoid", 1))
                .add(new Dense(1, "sigmoid"))) {
            model.compile(new SGD(0.5), "mse", "accuracy");
            History h = model.fit(beans.xColumn(), beans.yColumn(), new FitOptions().epochs(12).batchSize(10)
                    .validationSplit(0.25).verbose(0));
            Path png = dir.resolve("sub/loss.png");
            Plots.history(h, png, 800, 300);
            BufferedImage image = readPng(png, 800, 300);
            assertTrue(countColor(image, Plots.BLUE) > 30, "loss and accuracy lines");
            assertTrue(countColor(image, Plots.ORANGE) > 30, "val_loss and val_accuracy lines");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.history(null, dir.resolve("x.png"), 800, 300));
        assertTrue(e.getMessage().contains("`history`"), e.getMessage());
    }

    /**
     * A write killed half-way leaves a temporary file; the next write of the same picture removes it, and only it:
     * a temporary of another picture, another name and one younger than this JVM (a write in progress) stay.
     */
    @Test
    void staleTemporariesOfAKilledWriteAreRemoved() throws IOException {
        Path folder = dir.resolve("stale");
        Files.createDirectories(folder);
        Path stale = Files.writeString(folder.resolve(".loss.png123456789.tmp"), "half a picture");
        Path fresh = Files.writeString(folder.resolve(".loss.png987.tmp"), "being written now");
        Path otherPicture = Files.writeString(folder.resolve(".boundary.png42.tmp"), "another picture's");
        Path userFile = Files.writeString(folder.resolve("loss.png.tmp"), "not ours");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(0);
        for (Path p : List.of(stale, otherPicture, userFile)) {
            Files.setLastModifiedTime(p, old);
        }
        History h = new History();
        h.onEpochEnd(0, java.util.Map.of("loss", 1.0));
        h.onEpochEnd(1, java.util.Map.of("loss", 0.5));
        Plots.history(h, folder.resolve("loss.png"), 400, 300);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(otherPicture));
        assertTrue(Files.exists(userFile));
        assertTrue(Files.exists(folder.resolve("loss.png")));
    }

    @Test
    void ticksAreRound() {
        assertEquals(List.of(-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0), Plots.ticks(-6.5, 6.5));
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0), Plots.ticks(-0.1, 2.1));
    }
}
