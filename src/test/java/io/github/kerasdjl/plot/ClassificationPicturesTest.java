package io.github.kerasdjl.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.datasets.BreastCancer;
import io.github.kerasdjl.datasets.Digits;
import io.github.kerasdjl.datasets.LabeledData;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confusion matrix and the image grid: counts, colors where they must be, the order of the grid, bad input. */
class ClassificationPicturesTest {

    @TempDir
    Path dir;

    @Test
    void confusionMatrixCountsAndColors() throws Exception {
        int[] yTrue = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] yPred = {0, 0, 1, 1, 1, 2, 2, 2, 0};
        Path png = dir.resolve("cm.png");
        int[][] m = Plots.confusionMatrix(yTrue, yPred, List.of("setosa", "versicolor", "virginica"), png);
        assertArrayEquals(new int[] {2, 1, 0}, m[0]);
        assertArrayEquals(new int[] {0, 2, 0}, m[1]);
        assertArrayEquals(new int[] {1, 0, 3}, m[2]);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        // Find the matrix: the cell (1, 1) is all right (deep blue), the cell (0, 1) a third wrong (red), (1, 0) empty.
        int blue = 0;
        int red = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                Color c = new Color(image.getRGB(x, y));
                blue += c.equals(Plots.BLUE) ? 1 : 0;
                red += c.getRed() > 200 && c.getGreen() < 150 && c.getBlue() < 150 ? 1 : 0;
            }
        }
        assertTrue(blue > 1000, "the all-right class's cell is Playground blue: " + blue);
        assertTrue(red > 500, "the wrong cells are red: " + red);
        Files.copy(png, Path.of("target/confusion-matrix-test.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void imageGridShowsTheWrongOnesFirst() throws Exception {
        LabeledData d = Digits.load();
        int[] yTrue = d.testLabels();
        int[] yPred = yTrue.clone();
        yPred[5] = (yPred[5] + 1) % 10;
        yPred[40] = (yPred[40] + 3) % 10;
        Path png = dir.resolve("grid.png");
        int[] shown = Plots.imageGrid(d.testImages(), yTrue, yPred, d.classNames(), png, 10, 40, null);
        assertEquals(40, shown.length);
        assertEquals(5, shown[0]);
        assertEquals(40, shown[1]);
        assertEquals(0, shown[2]);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 10 * 48 && image.getHeight() >= 4 * 48, image.getWidth() + "x"
                + image.getHeight());
        Files.copy(png, Path.of("target/digit-grid-test.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // Two classes with long names: the confusion matrix turns the column names.
        LabeledData bc = BreastCancer.load();
        Plots.confusionMatrix(bc.testLabels(), bc.testLabels(), bc.classNames(), dir.resolve("bc.png"), 480, 480,
                "breast cancer");
        Files.copy(dir.resolve("bc.png"), Path.of("target/confusion-bc-test.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // Many classes with long names: the column names are turned.
        List<String> longNames = new java.util.ArrayList<>();
        for (int c = 0; c < 10; c++) {
            longNames.add("handwritten digit " + c);
        }
        Plots.confusionMatrix(yTrue, yPred, longNames, dir.resolve("long.png"), 640, 640, null);
        Files.copy(dir.resolve("long.png"), Path.of("target/confusion-long-test.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void badInput() {
        List<String> names = List.of("a", "b");
        Path png = dir.resolve("x.png");
        String[][] cases = {
            {message(() -> Plots.confusionMatrix(new int[] {0, 1}, new int[] {0}, names, png)), "`y_pred`", "1 labels"},
            {message(() -> Plots.confusionMatrix(new int[] {0, 2}, new int[] {0, 1}, names, png)), "`y_true`", "2",
                "[0, 2)"},
            {message(() -> Plots.confusionMatrix(new int[] {0}, new int[] {-1}, names, png)), "`y_pred`", "-1"},
            {message(() -> Plots.confusionMatrix(new int[] {0}, new int[] {0}, List.of(), png)), "`class_names`"},
            {message(() -> Plots.confusionMatrix(new int[] {0}, new int[] {0}, names, dir.resolve("x.jpg"))),
                "`path`", ".png"},
            {message(() -> Plots.imageGrid(new float[0][][][], new int[0], new int[0], names, png, 4, 4, null)),
                "`images`"},
            {message(() -> Plots.imageGrid(new float[2][2][2][1], new int[] {0, 1}, new int[] {0, 1}, names, png, 0,
                    4, null)), "`columns`"},
            {message(() -> Plots.imageGrid(new float[2][2][2][1], new int[] {0}, new int[] {0}, names, png, 2, 4,
                    null)), "`y_true`", "1 labels for 2 images"},
        };
        for (String[] c : cases) {
            for (int k = 1; k < c.length; k++) {
                assertTrue(c[0].contains(c[k]), c[0] + "  -- should say: " + c[k]);
            }
        }
    }

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
