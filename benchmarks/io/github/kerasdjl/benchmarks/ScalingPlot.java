package io.github.kerasdjl.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.kerasdjl.util.TemporaryFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The scaling sweep's figures from its JSON files ({@link ScalingSweep}'s sweep.json and, where present,
 * keras_sweep.py's keras_sweep.json): {@code scaling.png}, steps per second against batch size, one panel per width,
 * one line per implementation, both axes logarithmic; and {@code scaling-width.png}, steps per second against width
 * at batch 1 and 64 (the batch sizes of the grid nearest them). Each file is written to a temporary name and moved
 * into place. Arguments: the folder of the JSON files, the folder to write the pictures to.
 */
public final class ScalingPlot {

    private static final int PANEL_W = 560;
    private static final int PANEL_H = 400;
    private static final int HEADER = 56;
    private static final Map<String, Color> COLORS = Map.of(
            "dsl", new Color(0x1F, 0x77, 0xB4), "dslEngine", new Color(0x94, 0x67, 0xBD),
            "idiomaticDjl", new Color(0xFF, 0x7F, 0x0E), "handTunedDjl", new Color(0x2C, 0xA0, 0x2C),
            "keras", new Color(0xD6, 0x27, 0x28));

    private ScalingPlot() {
    }

    /** Steps per second by implementation label, then width, then batch size. */
    static Map<String, Map<Integer, TreeMap<Integer, Double>>> read(Path folder, Map<String, String> keys)
            throws IOException {
        Map<String, Map<Integer, TreeMap<Integer, Double>>> lines = new LinkedHashMap<>();
        for (String file : new String[] {"sweep.json", "keras_sweep.json"}) {
            Path path = folder.resolve(file);
            if (!Files.exists(path)) {
                continue;
            }
            JsonObject root = JsonParser.parseString(Files.readString(path)).getAsJsonObject();
            Map<String, String> labels = new LinkedHashMap<>();
            for (JsonElement e : root.getAsJsonArray("implementations")) {
                JsonObject o = e.getAsJsonObject();
                labels.put(o.get("key").getAsString(), o.get("label").getAsString());
                keys.put(o.get("label").getAsString(), o.get("key").getAsString());
            }
            for (JsonElement e : root.getAsJsonArray("points")) {
                JsonObject p = e.getAsJsonObject();
                lines.computeIfAbsent(labels.get(p.get("impl").getAsString()), k -> new TreeMap<>())
                        .computeIfAbsent(p.get("width").getAsInt(), k -> new TreeMap<>())
                        .put(p.get("batch").getAsInt(), p.get("steps_per_s").getAsDouble());
            }
        }
        return lines;
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/benchmarks");
        Path pictures = Path.of(args.length > 1 ? args[1] : "benchmarks");
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Map<Integer, TreeMap<Integer, Double>>> lines = read(folder, keys);
        if (lines.isEmpty()) {
            throw new IllegalStateException("no sweep.json or keras_sweep.json in " + folder);
        }
        TreeSet<Integer> widths = new TreeSet<>();
        TreeSet<Integer> batches = new TreeSet<>();
        lines.values().forEach(byWidth -> byWidth.forEach((w, byBatch) -> {
            widths.add(w);
            batches.addAll(byBatch.keySet());
        }));

        double[] yRange = {Double.MAX_VALUE, 0};
        lines.values().forEach(byWidth -> byWidth.values().forEach(byBatch -> byBatch.values().forEach(v -> {
            yRange[0] = Math.min(yRange[0], v);
            yRange[1] = Math.max(yRange[1], v);
        })));
        List<String> labels = new ArrayList<>(lines.keySet());
        List<BufferedImage> panels = new ArrayList<>();
        for (int w : widths) {
            XYChart chart = chart("width " + w + " (16-" + w + "-" + w + "-1)", "batch size", "training steps per"
                    + " second", batches.first(), batches.last(), yRange);
            for (var line : lines.entrySet()) {
                TreeMap<Integer, Double> byBatch = line.getValue().get(w);
                if (byBatch != null) {
                    series(chart, line.getKey(), color(labels, keys, line.getKey()), byBatch);
                }
            }
            panels.add(BitmapEncoder.getBufferedImage(chart));
        }
        panels.add(legend(labels, keys));
        write(compose(panels, "Training steps per second of a Dense stack 16-w-w-1 (relu, sigmoid; mse, SGD), "
                + "by batch size, one panel per width w",
                "Both axes logarithmic. Where a line is flat the fixed cost of a step dominates; where it falls the "
                        + "arithmetic (which grows with batch x width^2) takes over."), pictures.resolve(
                "scaling.png"));

        List<BufferedImage> byWidth = new ArrayList<>();
        for (int wanted : new int[] {1, 64}) {
            int batch = nearest(batches, wanted);
            XYChart chart = chart("batch size " + batch, "width of the two hidden layers", "training steps per "
                    + "second", widths.first(), widths.last(), yRange);
            for (var line : lines.entrySet()) {
                TreeMap<Integer, Double> points = new TreeMap<>();
                line.getValue().forEach((w, values) -> {
                    if (values.containsKey(batch)) {
                        points.put(w, values.get(batch));
                    }
                });
                if (!points.isEmpty()) {
                    series(chart, line.getKey(), color(labels, keys, line.getKey()), points);
                }
            }
            byWidth.add(BitmapEncoder.getBufferedImage(chart));
        }
        byWidth.add(legend(labels, keys));
        write(compose(byWidth, "Training steps per second of the Dense stack 16-w-w-1 by width w",
                "Both axes logarithmic; the same runs as scaling.png."), pictures.resolve("scaling-width.png"));
        System.out.println("wrote " + pictures.resolve("scaling.png") + " and " + pictures.resolve(
                "scaling-width.png"));
    }

    private static int nearest(TreeSet<Integer> values, int wanted) {
        Integer floor = values.floor(wanted);
        Integer ceiling = values.ceiling(wanted);
        if (floor == null) {
            return ceiling;
        }
        if (ceiling == null) {
            return floor;
        }
        return Math.log((double) wanted / floor) <= Math.log((double) ceiling / wanted) ? floor : ceiling;
    }

    /** A panel with log axes: x a little beyond xMin to xMax, y over the whole decades of yRange (all panels'). */
    private static XYChart chart(String title, String xLabel, String yLabel, double xMin, double xMax,
            double[] yRange) {
        XYChart chart = new XYChartBuilder().width(PANEL_W).height(PANEL_H).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        var s = chart.getStyler();
        s.setXAxisMin(xMin / 1.3);
        s.setXAxisMax(xMax * 1.3);
        s.setYAxisMin(Math.pow(10, Math.floor(Math.log10(yRange[0]))));
        s.setYAxisMax(Math.pow(10, Math.ceil(Math.log10(yRange[1]))));
        s.setXAxisLogarithmic(true);
        s.setYAxisLogarithmic(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        s.setLegendVisible(false);
        s.setMarkerSize(7);
        s.setXAxisDecimalPattern("#,##0");
        s.setYAxisDecimalPattern("#,##0.#");
        return chart;
    }

    private static final Color[] SPARE = {new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2),
        new Color(0x7F, 0x7F, 0x7F), new Color(0xBC, 0xBD, 0x22)};

    /** An implementation's color: its own by key, else a spare one by its place among the lines. */
    private static Color color(List<String> labels, Map<String, String> keys, String label) {
        Color own = COLORS.get(keys.get(label));
        return own != null ? own : SPARE[labels.indexOf(label) % SPARE.length];
    }

    /** A panel with the lines' legend (the figure's panels have none of their own). */
    private static BufferedImage legend(List<String> labels, Map<String, String> keys) {
        BufferedImage image = new BufferedImage(PANEL_W, PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, PANEL_W, PANEL_H);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString("Implementations", 60, 70);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int y = 105;
        for (String label : labels) {
            g.setColor(color(labels, keys, label));
            g.setStroke(new java.awt.BasicStroke(3f));
            g.drawLine(60, y - 5, 110, y - 5);
            g.fillOval(80, y - 10, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(label, 125, y);
            y += 30;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        for (String line : new String[] {"Each point: the median of 3 timed rounds (see RESULTS.md,",
            "\"Scaling curves\", for the numbers, the spreads and where", "the lines cross)."}) {
            y += 22;
            g.drawString(line, 60, y);
        }
        g.dispose();
        return image;
    }

    private static void series(XYChart chart, String label, Color color, TreeMap<Integer, Double> points) {
        double[] x = points.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] y = points.values().stream().mapToDouble(Double::doubleValue).toArray();
        XYSeries s = chart.addSeries(label, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(color);
        s.setMarkerColor(color);
    }

    /** Panels in a grid of up to 3 columns under a title and a subtitle. */
    private static BufferedImage compose(List<BufferedImage> panels, String title, String subtitle) {
        int columns = Math.min(3, panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_W, HEADER + rows * PANEL_H,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, (image.getWidth() - fm.stringWidth(title)) / 2, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        fm = g.getFontMetrics();
        g.drawString(subtitle, (image.getWidth() - fm.stringWidth(subtitle)) / 2, 44);
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), (i % columns) * PANEL_W, HEADER + (i / columns) * PANEL_H, null);
        }
        g.dispose();
        return image;
    }

    private static void write(BufferedImage image, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        TemporaryFiles.writeAtomically(png, temp -> {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer in this JVM");
            }
        });
    }
}
