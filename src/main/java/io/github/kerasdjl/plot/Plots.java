package io.github.kerasdjl.plot;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Features;
import io.github.kerasdjl.render.DecisionPlane;
import io.github.kerasdjl.util.TemporaryFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The seeds' pictures as PNG files, headless: a 2-input classifier's decision boundary over the plane (as TensorFlow
 * Playground colors it), a 1-input model's curve over its data (the beans' fitted line), and the loss and metric
 * curves of a {@link History}. Every file is written to a temporary name beside the target and then moved over it,
 * so a failure leaves no half-written picture.
 */
public final class Plots {

    /** Playground's colors: orange for -1 (label 0 here), grey-white at the boundary, blue for +1 (label 1). */
    public static final Color ORANGE = DecisionPlane.ORANGE;
    public static final Color NEUTRAL = DecisionPlane.NEUTRAL;
    public static final Color BLUE = DecisionPlane.BLUE;

    private static final int MIN_SIZE = 64;
    private static final int MAX_SIZE = 8000;
    private static final int MARGIN_LEFT = 56;
    private static final int MARGIN_RIGHT = 16;
    private static final int MARGIN_TOP = 36;
    private static final int MARGIN_BOTTOM = 46;

    private Plots() {
    }

    // ------------------------------------------------------------------ decision boundary

    /**
     * The decision boundary of a model with 2 inputs and 1 output (a probability): each pixel of the plane colored
     * by the predicted probability there (orange 0, white 0.5, blue 1, as Playground, lightened by
     * {@link #background}), training points as filled
     * dots and test points as dots with a black ring. The plane spans the points with a margin.
     *
     * @param test test points, or null
     * @return the picture's frame (to map data coordinates to pixels)
     */
    public static Frame decisionBoundary(Sequential model, Dataset train, Dataset test, Path png, int width,
            int height, String title) {
        return decisionBoundary(model, Features.PLAIN, false, train, test, png, width, height, title);
    }

    /**
     * The same picture for a model that sees {@code features} of the points (Playground's feature crosses), and
     * for regression: with {@code regression} the model's output and the targets, about -1 to 1, are colored
     * orange at -1, white at 0 and blue at 1, as Playground colors them.
     *
     * @param train the training points (x1, x2) and targets; test points, or null
     */
    public static Frame decisionBoundary(Sequential model, Features features, boolean regression, Dataset train,
            Dataset test, Path png, int width, int height, String title) {
        checkTarget(png, width, height);
        if (model == null || train == null || features == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + (model == null ? "model"
                    : train == null ? "train" : "features") + "`: null.");
        }
        if (train.size() == 0 || train.x()[0].length != 2 || (test != null && test.size() > 0
                && test.x()[0].length != 2)) {
            throw new IllegalArgumentException("Invalid value for argument `train`: " + train + ". A decision "
                    + "boundary is drawn for points with exactly 2 coordinates.");
        }
        if (model.inputDim() != 0 && model.inputDim() != features.size() || model.outputDim() != 1) {
            throw new IllegalArgumentException("Invalid value for argument `model`: it takes " + model.inputDim()
                    + " inputs and gives " + model.outputDim() + " outputs. Expected " + features.size()
                    + " inputs (the features " + features + ") and 1 output.");
        }
        Frame frame = Frame.around(width, height, train, test);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);

        // The probability at the centre of every pixel of the plot area, in one predict call.
        int pw = frame.plotWidth();
        int ph = frame.plotHeight();
        DecisionPlane plane = frame.plane();
        plane.paint(image, frame.left, frame.top, pw, ph, grid -> model.predict(features.apply(grid)), regression);
        plane.points(g, frame.left, frame.top, pw, ph, train.x(), train.y(), false, regression);
        if (test != null) {
            plane.points(g, frame.left, frame.top, pw, ph, test.x(), test.y(), true, regression);
        }
        axes(g, frame, "x1", "x2");
        title(g, width, title == null ? "Decision boundary" : title);
        legend(g, frame, test != null, regression);
        g.dispose();
        write(image, png);
        return frame;
    }

    /** Playground's color for a probability: orange at 0, neutral at 0.5, blue at 1, linear in between. */
    public static Color probabilityColor(double p) {
        return DecisionPlane.probabilityColor(p);
    }

    /** The plane's color under a point color: lighter, so that the points on top stand out, as in Playground. */
    public static Color background(Color pointColor) {
        return DecisionPlane.background(pointColor);
    }

    private static void legend(Graphics2D g, Frame frame, boolean withTest, boolean regression) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        String high = regression ? "+1" : "label 1";
        String low = regression ? "-1" : "label 0";
        String[] labels = withTest ? new String[] {high, low, "test point"} : new String[] {high, low};
        int boxWidth = 16 + Math.max(fm.stringWidth("test point"), fm.stringWidth("label 1")) + 10;
        int x = frame.left + frame.plotWidth() - boxWidth - 6;
        int y = frame.top + 6;
        g.setColor(new Color(255, 255, 255, 215));
        g.fillRect(x, y, boxWidth, labels.length * 16 + 6);
        for (int i = 0; i < labels.length; i++) {
            int cy = y + 11 + i * 16;
            Ellipse2D dot = new Ellipse2D.Double(x + 6, cy - 4, 8, 8);
            g.setColor(i == 1 ? ORANGE : i == 0 ? BLUE : NEUTRAL);
            g.fill(dot);
            g.setColor(i == 2 ? Color.BLACK : Color.WHITE);
            g.draw(dot);
            g.setColor(Color.DARK_GRAY);
            g.drawString(labels[i], x + 20, cy + 4);
        }
    }

    // ------------------------------------------------------------------ curve of a 1-input model

    /**
     * The curve of a model with 1 input and 1 output over its data: the data as dots, the model's prediction as a
     * line over the data's range (the beans' "Size-Toxicity Function" of {@code 000_*.txt}).
     */
    public static void curve(Sequential model, Dataset data, Path png, int width, int height, String title,
            String xLabel, String yLabel) {
        checkTarget(png, width, height);
        if (model == null || data == null || data.size() == 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + (model == null ? "model" : "data")
                    + "`: " + (model == null ? "null" : data) + ". Expected a model and at least one sample.");
        }
        if (data.x()[0].length != 1 || data.y()[0].length != 1 || model.outputDim() != 1) {
            throw new IllegalArgumentException("Invalid value for argument `data`: " + data + ". A curve is drawn"
                    + " for a model with 1 input and 1 output.");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] xs = new double[data.size()];
        double[] ys = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            xs[i] = data.x()[i][0];
            ys[i] = data.y()[i][0];
            min = Math.min(min, xs[i]);
            max = Math.max(max, xs[i]);
        }
        int n = 200;
        float[] gx = new float[n];
        double[] lineX = new double[n];
        for (int i = 0; i < n; i++) {
            lineX[i] = min + (max - min) * i / (n - 1);
            gx[i] = (float) lineX[i];
        }
        float[] prediction = model.predict(gx);
        double[] lineY = new double[n];
        for (int i = 0; i < n; i++) {
            lineY[i] = prediction[i];
        }
        XYChart chart = chart(width, height, title == null ? "Size-Toxicity Function" : title,
                xLabel == null ? "Bean Size" : xLabel, yLabel == null ? "Toxicity" : yLabel);
        XYSeries dots = chart.addSeries("data", xs, ys);
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        dots.setMarkerColor(BLUE);
        XYSeries line = chart.addSeries("model", lineX, lineY);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(ORANGE);
        line.setLineWidth(2.5f);
        write(BitmapEncoder.getBufferedImage(chart), png);
    }

    // ------------------------------------------------------------------ history

    /**
     * The curves of a {@link History}: the loss (and {@code val_loss}) on the left, every metric (and its
     * {@code val_} twin) on the right; one panel when there are no metrics.
     */
    public static void history(History history, Path png, int width, int height) {
        checkTarget(png, width, height);
        if (history == null || history.epochs().isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `history`: " + (history == null ? "null"
                    : "no epochs") + ". Expected the History of a fit that ran at least one epoch.");
        }
        Map<String, List<Double>> all = history.asMap();
        List<String> losses = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (String key : all.keySet()) {
            (key.equals("loss") || key.equals("val_loss") ? losses : metrics).add(key);
        }
        List<Integer> epochList = history.epochs();
        double[] epochs = new double[epochList.size()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = epochList.get(i) + 1;
        }
        int panels = metrics.isEmpty() ? 1 : 2;
        int panelWidth = width / panels;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        g.drawImage(panel(all, losses, epochs, panelWidth, height, "Loss"), 0, 0, null);
        if (panels == 2) {
            g.drawImage(panel(all, metrics, epochs, width - panelWidth, height, "Metrics"), panelWidth, 0, null);
        }
        g.dispose();
        write(image, png);
    }

    private static BufferedImage panel(Map<String, List<Double>> all, List<String> keys, double[] epochs, int width,
            int height, String title) {
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (String key : keys) {
            for (double v : all.get(key)) {
                if (Double.isFinite(v)) {
                    minY = Math.min(minY, v);
                    maxY = Math.max(maxY, v);
                }
            }
        }
        if (!(minY <= maxY)) {
            minY = 0;
            maxY = 1;
        }
        double pad = Math.max(1e-6, (maxY - minY) * 0.05);
        double maxX = Math.max(epochs[epochs.length - 1], 1);
        Frame frame = new Frame(width, height, 0, maxX, minY >= 0 ? 0 : minY - pad,
                maxY + pad);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        g.setColor(new Color(0xE4, 0xE4, 0xE4));
        for (double v : ticks(frame.minY, frame.maxY)) {
            int py = (int) Math.round(frame.pixelY(v));
            g.drawLine(frame.left, py, frame.left + frame.plotWidth(), py);
        }
        for (double v : ticks(frame.minX, frame.maxX)) {
            int px = (int) Math.round(frame.pixelX(v));
            g.drawLine(px, frame.top, px, frame.top + frame.plotHeight());
        }
        Color[] colors = {BLUE, ORANGE, new Color(0x2C, 0xA0, 0x2C), new Color(0xD6, 0x27, 0x28)};
        Graphics2D clip = (Graphics2D) g.create();
        clip.clipRect(frame.left, frame.top, frame.plotWidth() + 1, frame.plotHeight() + 1);
        clip.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < keys.size(); k++) {
            List<Double> v = all.get(keys.get(k));
            java.awt.geom.Path2D.Double line = new java.awt.geom.Path2D.Double();
            for (int i = 0; i < v.size(); i++) {
                double px = frame.pixelX(epochs[i]);
                double py = frame.pixelY(v.get(i));
                if (i == 0) {
                    line.moveTo(px, py);
                } else {
                    line.lineTo(px, py);
                }
            }
            clip.setColor(colors[k % colors.length]);
            clip.draw(line);
        }
        clip.dispose();
        axes(g, frame, "epoch", title.equals("Loss") ? "loss" : "value");
        title(g, width, title);
        // Losses fall to the bottom, metrics such as accuracy rise to the top: keep the legend off the curves.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        int boxWidth = 34;
        for (String key : keys) {
            boxWidth = Math.max(boxWidth, 34 + fm.stringWidth(key));
        }
        int boxHeight = keys.size() * 16 + 6;
        int x = frame.left + frame.plotWidth() - boxWidth - 8;
        int y = title.equals("Loss") ? frame.top + 8 : frame.top + frame.plotHeight() - boxHeight - 8;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x, y, boxWidth, boxHeight);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(x, y, boxWidth, boxHeight);
        for (int k = 0; k < keys.size(); k++) {
            int cy = y + 12 + k * 16;
            g.setColor(colors[k % colors.length]);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(x + 6, cy - 4, x + 24, cy - 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(keys.get(k), x + 30, cy);
        }
        g.dispose();
        return image;
    }

    // ------------------------------------------------------------------ classifiers of tables and images
    // (datasets helper, issue 14: the pictures for data sets with more than two features; the drawing is in
    // ClassificationPictures)

    /**
     * The confusion matrix of a classifier as a PNG: row = true class, column = predicted class, each cell's count
     * written in it; the diagonal (right) shaded blue and the other cells (wrong) red, by their share of the row, so
     * that a class that is often mistaken stands out. The default title gives the accuracy.
     *
     * @param yTrue the true class of each sample; yPred the predicted class (e.g. {@code Labels.argmax} of the
     *     model's output)
     * @param classNames the names of the classes, by index (their number is the matrix's size)
     * @param title the title, or null for "Confusion matrix: R of N right (A %)"
     * @return the counts, [true][predicted]
     */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred, List<String> classNames, Path png, int width,
            int height, String title) {
        checkTarget(png, width, height);
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `class_names`: " + classNames
                    + ". Expected one name per class.");
        }
        int[][] m = ClassificationPictures.counts(yTrue, yPred, classNames.size());
        write(ClassificationPictures.confusionMatrix(m, classNames, width, height, title), png);
        return m;
    }

    /** {@link #confusionMatrix(int[], int[], List, Path, int, int, String)} at 640 x 640 with the default title. */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred, List<String> classNames, Path png) {
        return confusionMatrix(yTrue, yPred, classNames, png, 640, 640, null);
    }

    /**
     * A grid of images (e.g. the digits' test set) with the predicted class under each; a wrong one has a red frame
     * and its true class in brackets. The wrong ones come first, then the right ones, each in the given order, up to
     * {@code maxImages}; the size of the picture follows from the number of images and columns. Images are
     * (samples, height, width, channels) with channels averaged, drawn as dark ink on white from the smallest (or 0)
     * to the largest value shown.
     *
     * @return the indices of the images shown, in the grid's order
     */
    public static int[] imageGrid(float[][][][] images, int[] yTrue, int[] yPred, List<String> classNames, Path png,
            int columns, int maxImages, String title) {
        if (png == null || !png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            checkTarget(png, MIN_SIZE, MIN_SIZE); // the same errors as the other pictures
        }
        if (images == null || images.length == 0 || images[0] == null || images[0].length == 0
                || images[0][0].length == 0 || images[0][0][0].length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `images`: " + (images == null ? "null"
                    : "empty") + ". Expected (samples, height, width, channels) images.");
        }
        if (columns < 1 || columns > 100 || maxImages < 1) {
            throw new IllegalArgumentException("Invalid value for argument `" + (maxImages < 1 ? "max_images"
                    : "columns") + "`: " + (maxImages < 1 ? maxImages : columns) + ". Expected "
                    + (maxImages < 1 ? "at least 1." : "1 to 100."));
        }
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `class_names`: " + classNames
                    + ". Expected one name per class.");
        }
        ClassificationPictures.counts(yTrue, yPred, classNames.size());
        if (yTrue.length != images.length) {
            throw new IllegalArgumentException("Invalid value for argument `y_true`: " + yTrue.length + " labels for "
                    + images.length + " images. Expected one per image.");
        }
        int[] order = ClassificationPictures.gridOrder(yTrue, yPred, maxImages);
        BufferedImage image = ClassificationPictures.imageGrid(images, yTrue, yPred, classNames, order,
                Math.min(columns, order.length), title);
        checkTarget(png, image.getWidth(), image.getHeight());
        write(image, png);
        return order;
    }

    // ------------------------------------------------------------------ shared

    private static XYChart chart(int width, int height, String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setYAxisDecimalPattern("0.0##");
        return chart;
    }

    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    static void title(Graphics2D g, int width, String title) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, (width - fm.stringWidth(title)) / 2, 22);
    }

    private static void axes(Graphics2D g, Frame f, String xLabel, String yLabel) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(f.left, f.top, f.plotWidth(), f.plotHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        List<Double> xTicks = ticks(f.minX, f.maxX);
        for (double v : xTicks) {
            int px = (int) Math.round(f.pixelX(v));
            g.drawLine(px, f.top + f.plotHeight(), px, f.top + f.plotHeight() + 4);
            String s = tickLabel(v, xTicks);
            g.drawString(s, px - fm.stringWidth(s) / 2, f.top + f.plotHeight() + 16);
        }
        List<Double> yTicks = ticks(f.minY, f.maxY);
        for (double v : yTicks) {
            int py = (int) Math.round(f.pixelY(v));
            g.drawLine(f.left - 4, py, f.left, py);
            String s = tickLabel(v, yTicks);
            g.drawString(s, f.left - 7 - fm.stringWidth(s), py + 4);
        }
        g.drawString(xLabel, f.left + (f.plotWidth() - fm.stringWidth(xLabel)) / 2, f.top + f.plotHeight() + 34);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(f.top + (f.plotHeight() + fm.stringWidth(yLabel)) / 2), 16);
        rotated.dispose();
    }

    /** Round tick values: steps of 1, 2 or 5 times a power of ten, about six ticks. */
    static List<Double> ticks(double min, double max) {
        double raw = (max - min) / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5
                : 10);
        List<Double> ticks = new ArrayList<>();
        for (double v = Math.ceil(min / step) * step; v <= max + 1e-9 * step; v += step) {
            ticks.add(Math.abs(v) < 1e-9 * step ? 0 : v);
        }
        return ticks;
    }

    /** A tick value with as many decimals as the step between ticks needs. */
    static String tickLabel(double v, List<Double> ticks) {
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static void checkTarget(Path png, int width, int height) {
        if (png == null) {
            throw new IllegalArgumentException("Invalid value for argument `path`: null. Expected a .png path.");
        }
        if (!png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("Invalid value for argument `path`: '" + png + "'. Expected a file "
                    + "name ending in .png.");
        }
        if (Files.isDirectory(png)) {
            throw new IllegalArgumentException("Invalid value for argument `path`: '" + png + "' is a directory.");
        }
        for (int[] v : new int[][] {{width, 0}, {height, 1}}) {
            if (v[0] < MIN_SIZE || v[0] > MAX_SIZE) {
                throw new IllegalArgumentException("Invalid value for argument `" + (v[1] == 0 ? "width" : "height")
                        + "`: " + v[0] + ". Expected " + MIN_SIZE + " to " + MAX_SIZE + " pixels.");
            }
        }
    }

    /** Writes the image to a temporary file beside {@code png}, then moves it over {@code png}. */
    static void write(BufferedImage image, Path png) {
        try {
            TemporaryFiles.writeAtomically(png, temp -> {
                if (!ImageIO.write(image, "png", temp.toFile())) {
                    throw new IOException("no PNG writer in this JVM");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the picture to '" + png + "': " + e.getMessage(), e);
        }
    }

    /**
     * Where the plane lies in a decision-boundary picture: data bounds and the plot area in pixels. Pixel (px, py)
     * of the plot area shows the model's prediction at ({@link #dataX}(px + 0.5), {@link #dataY}(py + 0.5)).
     */
    public static final class Frame {
        final int left;
        final int top;
        final int width;
        final int height;
        final double minX;
        final double maxX;
        final double minY;
        final double maxY;

        Frame(int width, int height, double minX, double maxX, double minY, double maxY) {
            this.left = MARGIN_LEFT;
            this.top = MARGIN_TOP;
            this.width = width;
            this.height = height;
            this.minX = minX;
            this.maxX = maxX;
            this.minY = minY;
            this.maxY = maxY;
        }

        static Frame around(int width, int height, Dataset a, Dataset b) {
            DecisionPlane p = DecisionPlane.around(a.x(), b == null ? null : b.x());
            return new Frame(width, height, p.minX, p.maxX, p.minY, p.maxY);
        }

        DecisionPlane plane() {
            return new DecisionPlane(minX, maxX, minY, maxY);
        }

        /** The plot area's width in pixels. */
        public int plotWidth() {
            return width - MARGIN_LEFT - MARGIN_RIGHT;
        }

        /** The plot area's height in pixels. */
        public int plotHeight() {
            return height - MARGIN_TOP - MARGIN_BOTTOM;
        }

        /** The pixel column of data coordinate x. */
        public double pixelX(double x) {
            return left + (x - minX) / (maxX - minX) * plotWidth();
        }

        /** The pixel row of data coordinate y (up is up). */
        public double pixelY(double y) {
            return top + (maxY - y) / (maxY - minY) * plotHeight();
        }

        /** The data x at a pixel column. */
        public double dataX(double px) {
            return minX + (px - left) / plotWidth() * (maxX - minX);
        }

        /** The data y at a pixel row. */
        public double dataY(double py) {
            return maxY - (py - top) / plotHeight() * (maxY - minY);
        }
    }
}
