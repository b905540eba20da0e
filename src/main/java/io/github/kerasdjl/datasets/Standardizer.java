package io.github.kerasdjl.datasets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.kerasdjl.util.TemporaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Standardization that remembers its statistics: {@link #fit} learns each feature's mean and standard deviation
 * from training data, {@link #transform} applies (x - mean) / scale to any data later (the test set, a user's new
 * rows), so that new data is scaled exactly as the data the model was trained on. The numbers are scikit-learn's
 * {@code StandardScaler} (with_mean, with_std): the population standard deviation (divided by n, not n - 1),
 * accumulated in double, and a scale of 1 for a feature that is constant (the same test as scikit-learn's: a variance
 * within the rounding error of the two-pass algorithm), so that it becomes 0 instead of NaN. The statistics are
 * saved as a small JSON file ({@link #save}, {@link #load}) with scikit-learn's attribute names ({@code mean_},
 * {@code var_}, {@code scale_}, {@code n_samples_seen_}). The {@code Normalization} layer does the same inside a
 * model.
 */
public final class Standardizer {

    private static final double EPS = Math.ulp(1.0); // numpy's finfo(float64).eps

    private final double[] mean;
    private final double[] variance;
    private final double[] scale;
    private final long samples;

    private Standardizer(double[] mean, double[] variance, double[] scale, long samples) {
        this.mean = mean;
        this.variance = variance;
        this.scale = scale;
        this.samples = samples;
    }

    /** Learns the mean and the population standard deviation of each column of {@code x}. */
    public static Standardizer fit(float[][] x) {
        int width = check(x, -1, "x");
        int n = x.length;
        double[] mean = new double[width];
        double[] var = new double[width];
        double[] scale = new double[width];
        for (int j = 0; j < width; j++) {
            double sum = 0;
            for (float[] row : x) {
                sum += row[j];
            }
            double m = sum / n;
            // scikit-learn's two-pass variance with its correction term (Chan, Golub and LeVeque).
            double squares = 0;
            double correction = 0;
            for (float[] row : x) {
                double d = row[j] - m;
                squares += d * d;
                correction += d;
            }
            double v = (squares - correction * correction / n) / n;
            mean[j] = m;
            var[j] = v;
            double upperBound = n * EPS * v + (n * m * EPS) * (n * m * EPS);
            scale[j] = v <= upperBound ? 1.0 : Math.sqrt(v);
        }
        return new Standardizer(mean, var, scale, n);
    }

    /** (x - mean) / scale, column by column; x must have as many columns as the data it was fitted on. */
    public float[][] transform(float[][] x) {
        check(x, mean.length, "x");
        float[][] out = new float[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (float) ((x[i][j] - mean[j]) / scale[j]);
            }
        }
        return out;
    }

    /** One row: (x - mean) / scale. */
    public float[] transform(float[] row) {
        return transform(new float[][] {row})[0];
    }

    /** The inverse: x * scale + mean. */
    public float[][] inverseTransform(float[][] x) {
        check(x, mean.length, "x");
        float[][] out = new float[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (float) (x[i][j] * scale[j] + mean[j]);
            }
        }
        return out;
    }

    /** {@code fit(x).transform(x)} in one call (the fitted standardizer is lost: use fit and transform to keep it). */
    public static float[][] fitTransform(float[][] x) {
        return fit(x).transform(x);
    }

    /** Each feature's mean (scikit-learn's {@code mean_}). */
    public double[] mean() {
        return mean.clone();
    }

    /** Each feature's population variance ({@code var_}). */
    public double[] variance() {
        return variance.clone();
    }

    /** Each feature's scale: its standard deviation, or 1 for a constant feature ({@code scale_}). */
    public double[] scale() {
        return scale.clone();
    }

    /** The number of rows it was fitted on ({@code n_samples_seen_}). */
    public long samplesSeen() {
        return samples;
    }

    /** The number of features. */
    public int numFeatures() {
        return mean.length;
    }

    // ------------------------------------------------------------------ files

    /**
     * Writes the statistics as JSON ({@code {"class_name": "StandardScaler", "mean_": [...], "var_": [...],
     * "scale_": [...], "n_samples_seen_": n}}), through a temporary file moved into place.
     */
    public void save(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("Invalid value for argument `path`: null. Expected a file name.");
        }
        JsonObject o = new JsonObject();
        o.addProperty("class_name", "StandardScaler");
        o.add("mean_", array(mean));
        o.add("var_", array(variance));
        o.add("scale_", array(scale));
        o.addProperty("n_samples_seen_", samples);
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        String text = gson.toJson(o) + "\n";
        try {
            TemporaryFiles.writeAtomically(path, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the standardizer to '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Reads a file that {@link #save} wrote; a file that is not one is an error naming what is wrong. */
    public static Standardizer load(Path path) {
        if (path == null || !Files.isRegularFile(path)) {
            throw new IllegalArgumentException("Invalid value for argument `path`: " + path + " is not a file."
                    + " Expected a JSON file written by Standardizer.save.");
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new JsonParseException("not a JSON object");
            }
            JsonObject o = e.getAsJsonObject();
            double[] mean = numbers(o, "mean_", path);
            double[] var = numbers(o, "var_", path);
            double[] scale = numbers(o, "scale_", path);
            if (var.length != mean.length || scale.length != mean.length || mean.length == 0) {
                throw bad(path, "mean_, var_ and scale_ have " + mean.length + ", " + var.length + " and "
                        + scale.length + " values; expected as many, at least one");
            }
            for (double s : scale) {
                if (!(s > 0) || Double.isInfinite(s)) {
                    throw bad(path, "a scale of " + s + "; expected positive scales");
                }
            }
            if (!o.has("n_samples_seen_") || !o.get("n_samples_seen_").isJsonPrimitive()) {
                throw bad(path, "no n_samples_seen_");
            }
            return new Standardizer(mean, var, scale, o.get("n_samples_seen_").getAsLong());
        } catch (java.nio.charset.CharacterCodingException ex) {
            throw bad(path, "not UTF-8 text");
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read '" + path + "': " + ex.getMessage(), ex);
        } catch (JsonParseException | IllegalStateException | NumberFormatException
                | UnsupportedOperationException ex) {
            throw bad(path, ex.getMessage());
        }
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    private static double[] numbers(JsonObject o, String key, Path path) {
        if (!o.has(key) || !o.get(key).isJsonArray()) {
            throw bad(path, "no array " + key);
        }
        JsonArray a = o.getAsJsonArray(key);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
            if (!Double.isFinite(out[i])) {
                throw bad(path, key + "[" + i + "] is " + out[i]);
            }
        }
        return out;
    }

    private static IllegalArgumentException bad(Path path, String what) {
        return new IllegalArgumentException("Invalid value for argument `path`: " + path + " is not a saved"
                + " Standardizer (" + what + "). Expected a JSON file written by Standardizer.save.");
    }

    /** Checks x: rows of one width (of {@code width} when not -1), finite numbers; returns the width. */
    private static int check(float[][] x, int width, String argument) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + (x == null
                    ? "null" : "an empty array") + ". Expected at least one row of features.");
        }
        int w = width;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length == 0) {
                throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: row " + i
                        + " is " + (x[i] == null ? "null" : "empty") + ". Expected rows of features.");
            }
            if (w < 0) {
                w = x[i].length;
            } else if (x[i].length != w) {
                throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: row " + i
                        + " has " + x[i].length + " values. Expected " + w + (width < 0 ? " as row 0 has"
                                : ", the number of features the standardizer was fitted on") + ".");
            }
            for (int j = 0; j < x[i].length; j++) {
                if (!Float.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + x[i][j]
                            + " at row " + i + ", column " + j + ". Expected finite numbers.");
                }
            }
        }
        return w;
    }

    @Override
    public String toString() {
        return "Standardizer(" + mean.length + " features, fitted on " + samples + " samples, mean "
                + Arrays.toString(Arrays.copyOf(mean, Math.min(3, mean.length))) + (mean.length > 3 ? "..." : "")
                + ")";
    }
}
