package io.github.kerasdjl.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.function.UnaryOperator;

/**
 * The pixels of a decision boundary, as TensorFlow Playground colors it: a rectangle of the plane, each pixel colored
 * by the model's output at its centre (orange 0, white 0.5, blue 1, lightened), and the data points as dots on top.
 * It knows no model: the caller hands a function from points to outputs. {@code plot.Plots} (a PNG with axes, title
 * and legend) and {@code tensorboard.TensorBoard} (a bare picture as an image summary) both draw with it.
 */
public final class DecisionPlane {

    /** Playground's colors: orange for -1 (label 0 here), grey-white at the boundary, blue for +1 (label 1). */
    public static final Color ORANGE = new Color(0xF5, 0x93, 0x22);
    public static final Color NEUTRAL = new Color(0xE8, 0xEA, 0xEB);
    public static final Color BLUE = new Color(0x08, 0x77, 0xBD);

    /** The rectangle of the plane shown, in data coordinates. */
    public final double minX;
    public final double maxX;
    public final double minY;
    public final double maxY;

    public DecisionPlane(double minX, double maxX, double minY, double maxY) {
        if (!(minX < maxX && minY < maxY) || !Double.isFinite(maxX - minX) || !Double.isFinite(maxY - minY)) {
            throw new IllegalArgumentException("Invalid value for argument `bounds`: [" + minX + ", " + maxX + "] x ["
                    + minY + ", " + maxY + "]. Expected finite ranges with min < max.");
        }
        this.minX = minX;
        this.maxX = maxX;
        this.minY = minY;
        this.maxY = maxY;
    }

    /** The rectangle around the (x1, x2) points of every set given (null sets skipped), padded by 8% a side. */
    public static DecisionPlane around(float[][]... sets) {
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (float[][] set : sets) {
            if (set == null) {
                continue;
            }
            for (float[] p : set) {
                box[0] = Math.min(box[0], p[0]);
                box[1] = Math.max(box[1], p[0]);
                box[2] = Math.min(box[2], p[1]);
                box[3] = Math.max(box[3], p[1]);
            }
        }
        double padX = Math.max(1e-3, (box[1] - box[0]) * 0.08);
        double padY = Math.max(1e-3, (box[3] - box[2]) * 0.08);
        return new DecisionPlane(box[0] - padX, box[1] + padX, box[2] - padY, box[3] + padY);
    }

    /** Playground's color for a probability: orange at 0, neutral at 0.5, blue at 1, linear in between. */
    public static Color probabilityColor(double p) {
        double t = Math.max(0, Math.min(1, p)) * 2 - 1;
        return t < 0 ? mix(NEUTRAL, ORANGE, -t) : mix(NEUTRAL, BLUE, t);
    }

    /** The plane's color under a point color: lighter, so that the points on top stand out, as in Playground. */
    public static Color background(Color pointColor) {
        return mix(Color.WHITE, pointColor, 0.6);
    }

    /** A model output's color: a probability, or for regression a value from -1 (orange) to 1 (blue). */
    public static Color color(double value, boolean regression) {
        return probabilityColor(regression ? (value + 1) / 2 : value);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** The data x at the centre of pixel column {@code px} of an area {@code width} pixels wide. */
    public double dataX(int px, int width) {
        return minX + (px + 0.5) / width * (maxX - minX);
    }

    /** The data y at the centre of pixel row {@code py} of an area {@code height} pixels high (up is up). */
    public double dataY(int py, int height) {
        return maxY - (py + 0.5) / height * (maxY - minY);
    }

    /**
     * Colors the area of {@code image} at ({@code left}, {@code top}), {@code width} x {@code height} pixels, by the
     * model's output at every pixel's centre, asked for in one call of {@code predict} (rows (x1, x2) in, one output
     * per row out).
     */
    public void paint(BufferedImage image, int left, int top, int width, int height,
            UnaryOperator<float[][]> predict, boolean regression) {
        float[][] grid = new float[width * height][2];
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                grid[py * width + px][0] = (float) dataX(px, width);
                grid[py * width + px][1] = (float) dataY(py, height);
            }
        }
        float[][] p = predict.apply(grid);
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                image.setRGB(left + px, top + py, background(color(p[py * width + px][0], regression)).getRGB());
            }
        }
    }

    /**
     * Draws the points (x1, x2) with targets y as dots of their label's color (or, for regression, their value's),
     * ringed white, or black for test points, over an area at ({@code left}, {@code top}) of this plane.
     */
    public void points(Graphics2D g, int left, int top, int width, int height, float[][] x, float[][] y,
            boolean test, boolean regression) {
        double r = 4;
        for (int i = 0; i < x.length; i++) {
            double px = left + (x[i][0] - minX) / (maxX - minX) * width;
            double py = top + (maxY - x[i][1]) / (maxY - minY) * height;
            Ellipse2D dot = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            float label = y[i][0];
            g.setColor(regression ? color(label, true) : label > 0.5 ? BLUE : ORANGE);
            g.fill(dot);
            g.setColor(test ? Color.BLACK : Color.WHITE);
            g.setStroke(new BasicStroke(test ? 1.6f : 1f));
            g.draw(dot);
        }
    }

    /**
     * A bare picture of the plane, {@code width} x {@code height} pixels, with no axes: the model's outputs and, when
     * {@code x} is not null, the points (TensorBoard's image of the boundary as it forms).
     */
    public BufferedImage picture(int width, int height, UnaryOperator<float[][]> predict, float[][] x, float[][] y,
            boolean regression) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        paint(image, 0, 0, width, height, predict, regression);
        if (x != null) {
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            points(g, 0, 0, width, height, x, y, false, regression);
            g.dispose();
        }
        return image;
    }
}
