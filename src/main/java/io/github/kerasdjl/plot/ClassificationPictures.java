package io.github.kerasdjl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pictures of a classifier with more than two inputs, where no decision boundary can be drawn: the confusion
 * matrix and a grid of images with their predicted and true labels. {@link Plots} is the public entry.
 */
final class ClassificationPictures {

    static final Color WRONG = new Color(0xD6, 0x27, 0x28);
    static final Color RIGHT = new Color(0x2C, 0x7F, 0x2C);

    private ClassificationPictures() {
    }

    /** The counts: row = true class, column = predicted class. */
    static int[][] counts(int[] yTrue, int[] yPred, int classes) {
        if (yTrue == null || yPred == null || yTrue.length != yPred.length || yTrue.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `y_pred`: " + (yPred == null ? "null"
                    : yPred.length + " labels") + " for " + (yTrue == null ? "null" : yTrue.length + " true labels")
                    + ". Expected one predicted label per true label, at least one.");
        }
        int[][] m = new int[classes][classes];
        for (int i = 0; i < yTrue.length; i++) {
            for (int v : new int[] {yTrue[i], yPred[i]}) {
                if (v < 0 || v >= classes) {
                    throw new IllegalArgumentException("Invalid value for argument `" + (v == yTrue[i] ? "y_true"
                            : "y_pred") + "`: " + v + " at index " + i + ". Expected a class index in [0, " + classes
                            + ").");
                }
            }
            m[yTrue[i]][yPred[i]]++;
        }
        return m;
    }

    static BufferedImage confusionMatrix(int[][] m, List<String> names, int width, int height, String title) {
        int k = m.length;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Plots.canvas(image);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(tickFont);
        FontMetrics fm = g.getFontMetrics();
        int longest = 0;
        for (String n : names) {
            longest = Math.max(longest, fm.stringWidth(n));
        }
        int left = 40 + longest + 10;
        int top = 62;
        boolean turned = longest > (Math.min(width - left, height - top) - 60) / k - 4; // names too wide for a cell
        int bottom = turned ? 18 + Math.min(longest, height / 3) : 40;
        int right = 20;
        int side = Math.max(k, Math.min(width - left - right, height - top - bottom));
        int cell = side / k;
        side = cell * k;
        left += (width - left - right - side) / 2;
        int total = 0;
        int correct = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                total += m[t][p];
                correct += t == p ? m[t][p] : 0;
            }
        }
        Font countFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, Math.min(22, cell / 3)));
        for (int t = 0; t < k; t++) {
            int rowSum = 0;
            for (int p = 0; p < k; p++) {
                rowSum += m[t][p];
            }
            for (int p = 0; p < k; p++) {
                double share = rowSum == 0 ? 0 : m[t][p] / (double) rowSum;
                Color c = t == p ? mix(Color.WHITE, Plots.BLUE, share) : mix(Color.WHITE, WRONG, Math.min(1,
                        share * 2));
                int x = left + p * cell;
                int y = top + t * cell;
                g.setColor(c);
                g.fillRect(x, y, cell, cell);
                g.setColor(new Color(0xCC, 0xCC, 0xCC));
                g.drawRect(x, y, cell, cell);
                if (m[t][p] > 0 || t == p) {
                    g.setFont(countFont);
                    FontMetrics cm = g.getFontMetrics();
                    String s = String.valueOf(m[t][p]);
                    boolean dark = luminance(c) < 0.55;
                    g.setColor(dark ? Color.WHITE : Color.BLACK);
                    g.drawString(s, x + (cell - cm.stringWidth(s)) / 2, y + (cell + cm.getAscent()) / 2 - 2);
                }
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, side, side);
        g.setFont(tickFont);
        for (int i = 0; i < k; i++) {
            String n = names.get(i);
            int cy = top + i * cell + cell / 2;
            g.drawString(n, left - 8 - fm.stringWidth(n), cy + fm.getAscent() / 2 - 1);
            int cx = left + i * cell + cell / 2;
            if (!turned) {
                g.drawString(n, cx - fm.stringWidth(n) / 2, top + side + 16);
            } else { // long names: turned, reading upwards
                Graphics2D r = (Graphics2D) g.create();
                r.translate(cx + fm.getAscent() / 2 - 1, top + side + 8 + fm.stringWidth(n));
                r.rotate(-Math.PI / 2);
                r.drawString(n, 0, 0);
                r.dispose();
            }
        }
        Font axisFont = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        g.setFont(axisFont);
        FontMetrics am = g.getFontMetrics();
        String px = "predicted class";
        g.drawString(px, left + (side - am.stringWidth(px)) / 2, top - 8);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        String py = "true class";
        r.drawString(py, -(top + (side + am.stringWidth(py)) / 2), 20);
        r.dispose();
        String head = title != null ? title : String.format(Locale.ROOT, "Confusion matrix: %d of %d right (%.1f %%)",
                correct, total, 100.0 * correct / total);
        Plots.title(g, width, head);
        g.dispose();
        return image;
    }

    /** The order of the grid: the wrong predictions first, then the right ones, each in the given order. */
    static int[] gridOrder(int[] yTrue, int[] yPred, int max) {
        List<Integer> order = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < yTrue.length && order.size() < max; i++) {
                if ((yTrue[i] != yPred[i]) == (pass == 0)) {
                    order.add(i);
                }
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    static BufferedImage imageGrid(float[][][][] images, int[] yTrue, int[] yPred, List<String> names, int[] order,
            int columns, String title) {
        int h = images[0].length;
        int w = images[0][0].length;
        int scale = Math.max(2, 48 / Math.max(h, w));
        int labelHeight = 30;
        int pad = 20;
        int cellW = w * scale + pad;
        int cellH = h * scale + labelHeight + pad;
        int rows = (order.length + columns - 1) / columns;
        int top = 44;
        int width = Math.max(columns * cellW + 2 * pad, 360);
        int height = top + rows * cellH + 30;
        float max = 0;
        float min = Float.POSITIVE_INFINITY;
        for (int i : order) {
            for (float[][] row : images[i]) {
                for (float[] px : row) {
                    for (float v : px) {
                        max = Math.max(max, v);
                        min = Math.min(min, v);
                    }
                }
            }
        }
        min = Math.min(min, 0);
        float range = max > min ? max - min : 1;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Plots.canvas(image);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 11);
        int left = (width - columns * cellW) / 2 + pad / 2;
        int wrong = 0;
        for (int n = 0; n < order.length; n++) {
            int i = order[n];
            int x = left + (n % columns) * cellW;
            int y = top + (n / columns) * cellH;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    float v = 0;
                    for (float ch : images[i][r][c]) {
                        v += ch;
                    }
                    v /= images[i][r][c].length;
                    float ink = Math.max(0, Math.min(1, (v - min) / range));
                    int grey = Math.round(255 * (1 - ink)); // dark ink on white paper
                    g.setColor(new Color(grey, grey, grey));
                    g.fillRect(x + c * scale, y + r * scale, scale, scale);
                }
            }
            boolean ok = yTrue[i] == yPred[i];
            wrong += ok ? 0 : 1;
            g.setStroke(new BasicStroke(ok ? 1f : 3f));
            g.setColor(ok ? new Color(0xBB, 0xBB, 0xBB) : WRONG);
            g.drawRect(x - 1, y - 1, w * scale + 1, h * scale + 1);
            g.setStroke(new BasicStroke(1f));
            String label = ok ? names.get(yPred[i]) : names.get(yPred[i]) + " (true " + names.get(yTrue[i]) + ")";
            g.setFont(ok ? font : bold);
            FontMetrics fm = g.getFontMetrics();
            if (fm.stringWidth(label) > cellW - 2 && !ok) {
                label = names.get(yPred[i]) + "/" + names.get(yTrue[i]);
            }
            g.setColor(ok ? RIGHT : WRONG);
            g.drawString(label, x + (w * scale - fm.stringWidth(label)) / 2, y + h * scale + 15);
        }
        g.setFont(font);
        g.setColor(Color.DARK_GRAY);
        String legend = "label: predicted class; red frame: wrong, with the true class in brackets (" + wrong
                + " wrong of " + order.length + " shown)";
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(legend) > width - 8) {
            legend = "predicted (true); red: wrong, " + wrong + " of " + order.length;
        }
        g.drawString(legend, (width - fm.stringWidth(legend)) / 2, height - 10);
        Plots.title(g, width, title == null ? "Test images: predicted and true classes" : title);
        g.dispose();
        return image;
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }
}
