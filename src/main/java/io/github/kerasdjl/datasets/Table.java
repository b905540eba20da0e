package io.github.kerasdjl.datasets;

import io.github.kerasdjl.util.Labels;
import io.github.kerasdjl.util.RandomSeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A table for classification: one row of numeric features per sample ({@link #x}), the class index of each sample
 * ({@link #y}, 0 to {@code numClasses - 1}, held as floats as a model's targets are), the features' and classes'
 * names. The shipped data sets ({@link Iris}, {@link Wine}, {@link BreastCancer}, {@link Digits}) and
 * {@link Csv#read} give one; {@link #split} cuts it into a {@link LabeledData} train/test split.
 */
public final class Table {

    /** The seed of the default split ({@link #split()}). */
    public static final long DEFAULT_SEED = 42;

    /** The share of each class that the default split puts in the test set. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    private final String name;
    private final List<String> featureNames;
    private final String labelName;
    private final List<String> classNames;
    private final float[][] x;
    private final float[] y;
    private final int[] imageShape;

    /**
     * A table; the arrays are kept, not copied (the data sets make fresh ones).
     *
     * @param classNames the classes' names, or null for "0", "1", ... up to the largest label
     * @param imageShape (height, width, channels) when each row is an image in row-major, channels-last order, or null
     */
    public Table(String name, List<String> featureNames, String labelName, List<String> classNames, float[][] x,
            float[] y, int[] imageShape) {
        if (x == null || y == null || x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `y`: " + (y == null ? "null" : y.length
                    + " labels") + " for " + (x == null ? "null" : x.length + " rows") + ". Expected one label per"
                    + " row, at least one row.");
        }
        if (featureNames == null || featureNames.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `feature_names`: " + featureNames
                    + ". Expected one name per column of x.");
        }
        int max = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != featureNames.size()) {
                throw new IllegalArgumentException("Invalid value for argument `x`: row " + i + " has "
                        + (x[i] == null ? "null" : x[i].length + " values") + ". Expected " + featureNames.size()
                        + ", one per feature name.");
            }
            if (!(y[i] >= 0 && y[i] == Math.rint(y[i]))) {
                throw new IllegalArgumentException("Invalid value for argument `y`: " + y[i] + " at index " + i
                        + ". Expected class indices 0, 1, 2, ...");
            }
            max = Math.max(max, (int) y[i]);
        }
        if (classNames == null) {
            List<String> names = new ArrayList<>();
            for (int c = 0; c <= max; c++) {
                names.add(String.valueOf(c));
            }
            classNames = names;
        } else if (classNames.size() <= max) {
            throw new IllegalArgumentException("Invalid value for argument `class_names`: " + classNames + ". The"
                    + " labels go up to " + max + ", so expected at least " + (max + 1) + " names.");
        }
        if (imageShape != null && (imageShape.length != 3
                || imageShape[0] * imageShape[1] * imageShape[2] != featureNames.size())) {
            throw new IllegalArgumentException("Invalid value for argument `image_shape`: "
                    + Arrays.toString(imageShape) + ". Expected (height, width, channels) with height * width *"
                    + " channels = " + featureNames.size() + " features.");
        }
        this.name = name == null ? "table" : name;
        this.featureNames = List.copyOf(featureNames);
        this.labelName = labelName == null ? "target" : labelName;
        this.classNames = List.copyOf(classNames);
        this.x = x;
        this.y = y;
        this.imageShape = imageShape == null ? null : imageShape.clone();
    }

    /** The data set's name ({@code "iris"}, or a CSV file's name). */
    public String name() {
        return name;
    }

    /** The features' names, one per column of {@link #x}. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The label column's name ({@code "target"} for the shipped sets, the header's name for a CSV file). */
    public String labelName() {
        return labelName;
    }

    /** The classes' names: {@code classNames().get(k)} is class k. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of classes (the length of {@link #classNames}). */
    public int numClasses() {
        return classNames.size();
    }

    /** The number of samples. */
    public int size() {
        return x.length;
    }

    /** The number of features. */
    public int numFeatures() {
        return featureNames.size();
    }

    /** The features, one row per sample (the table's own array: copy it before changing it). */
    public float[][] x() {
        return x;
    }

    /** The class index of each sample, as floats (a model's targets). */
    public float[] y() {
        return y;
    }

    /** The class index of each sample. */
    public int[] labels() {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }

    /** Keras' {@code to_categorical(y, numClasses())}: one one-hot row per sample. */
    public float[][] yCategorical() {
        return Labels.toCategorical(y, numClasses());
    }

    /** How many samples each class has. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (float v : y) {
            counts[(int) v]++;
        }
        return counts;
    }

    /** Whether each row is an image ({@link #images} then works). */
    public boolean isImages() {
        return imageShape != null;
    }

    /** (height, width, channels) of the images, or null when the rows are not images. */
    public int[] imageShape() {
        return imageShape == null ? null : imageShape.clone();
    }

    /**
     * The rows as images, (samples, height, width, channels): channels last, as Keras' {@code Conv2D} takes them;
     * pixel (r, c, k) of a sample is its feature (r * width + c) * channels + k.
     */
    public float[][][][] images() {
        if (imageShape == null) {
            throw new IllegalStateException("The table '" + name + "' is not a set of images; its rows are "
                    + numFeatures() + " features.");
        }
        int h = imageShape[0];
        int w = imageShape[1];
        int ch = imageShape[2];
        float[][][][] out = new float[x.length][h][w][ch];
        for (int i = 0; i < x.length; i++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    for (int k = 0; k < ch; k++) {
                        out[i][r][c][k] = x[i][(r * w + c) * ch + k];
                    }
                }
            }
        }
        return out;
    }

    /** The table with every feature multiplied by {@code factor} (e.g. 1/16 for the digits' pixels 0..16). */
    public Table scaleX(double factor) {
        if (!Double.isFinite(factor) || factor == 0) {
            throw new IllegalArgumentException("Invalid value for argument `factor`: " + factor + ". Expected a"
                    + " finite number other than 0.");
        }
        float[][] sx = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            sx[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                sx[i][j] = (float) (x[i][j] * factor);
            }
        }
        return withX(sx);
    }

    /** The same table with other features (as many rows and columns), e.g. standardized ones. */
    public Table withX(float[][] newX) {
        return new Table(name, featureNames, labelName, classNames, newX, y, imageShape);
    }

    /** The table as a {@link Dataset}: x, and y as one column. */
    public Dataset toDataset() {
        float[][] yy = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            yy[i] = new float[] {y[i]};
        }
        return new Dataset(x, yy);
    }

    /** {@link #split(long, double)} with seed {@value #DEFAULT_SEED} and test fraction 0.2. */
    public LabeledData split() {
        return split(DEFAULT_SEED, DEFAULT_TEST_FRACTION);
    }

    /**
     * A seeded, stratified train/test split: of each class, round(count * testFraction) samples, drawn with
     * {@code seed}, go to the test set and the rest to the training set, so both keep the table's class balance
     * (as scikit-learn's {@code train_test_split(..., stratify=y)}); each set is then shuffled with the same
     * generator. The same seed gives the same split.
     *
     * @throws IllegalArgumentException when testFraction is not strictly between 0 and 1, or leaves a set empty
     */
    public LabeledData split(long seed, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `test_fraction`: " + testFraction
                    + ". Expected a fraction strictly between 0 and 1.");
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < numClasses(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if ((int) y[i] == c) {
                    members.add(i);
                }
            }
            long[] order = RandomSeed.permutation(members.size(), random);
            int cut = (int) Math.round(members.size() * testFraction);
            for (int k = 0; k < order.length; k++) {
                (k < cut ? test : train).add(members.get((int) order[k]));
            }
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `test_fraction`: " + testFraction
                    + ". With " + size() + " samples the " + (train.isEmpty() ? "training" : "test")
                    + " set would be empty.");
        }
        return new LabeledData(subset(train, random), subset(test, random));
    }

    private Table subset(List<Integer> rows, Random random) {
        long[] order = RandomSeed.permutation(rows.size(), random);
        float[][] sx = new float[rows.size()][];
        float[] sy = new float[rows.size()];
        for (int k = 0; k < order.length; k++) {
            int i = rows.get((int) order[k]);
            sx[k] = x[i].clone();
            sy[k] = y[i];
        }
        return new Table(name, featureNames, labelName, classNames, sx, sy, imageShape);
    }

    @Override
    public String toString() {
        return "Table(" + name + ": " + size() + " samples, " + numFeatures() + " features, " + numClasses()
                + " classes)";
    }
}
