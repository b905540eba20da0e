package io.github.kerasdjl.datasets;

import java.util.List;

/**
 * A train/test split of a {@link Table}, as {@code Iris.load()}, {@code Digits.load()} and {@link Table#split} give
 * it: {@code trainX()}/{@code trainY()} for {@code fit}, {@code testX()}/{@code testY()} for {@code evaluate}, the
 * labels as class indices (for {@code sparse_categorical_crossentropy}) or one-hot rows ({@code trainYCategorical()},
 * for {@code categorical_crossentropy}), and the names of the features and classes.
 *
 * <pre>{@code
 * LabeledData iris = Iris.load().standardized();
 * model.fit(iris.trainX(), iris.trainY(), 100, 16);
 * model.evaluate(iris.testX(), iris.testY());
 * }</pre>
 *
 * @param train the training set
 * @param test the test set
 */
public record LabeledData(Table train, Table test) {

    /** Checks that both sets are present and have the same features. */
    public LabeledData {
        if (train == null || test == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + (train == null ? "train" : "test")
                    + "`: null. Expected a table.");
        }
        if (!train.featureNames().equals(test.featureNames())) {
            throw new IllegalArgumentException("Invalid value for argument `test`: its features "
                    + test.featureNames() + " are not the training set's " + train.featureNames() + ".");
        }
    }

    /** The training features, one row per sample. */
    public float[][] trainX() {
        return train.x();
    }

    /** The training labels: class indices as floats. */
    public float[] trainY() {
        return train.y();
    }

    /** The test features. */
    public float[][] testX() {
        return test.x();
    }

    /** The test labels: class indices as floats. */
    public float[] testY() {
        return test.y();
    }

    /** The training labels as ints. */
    public int[] trainLabels() {
        return train.labels();
    }

    /** The test labels as ints. */
    public int[] testLabels() {
        return test.labels();
    }

    /** The training labels one-hot ({@code to_categorical}). */
    public float[][] trainYCategorical() {
        return train.yCategorical();
    }

    /** The test labels one-hot. */
    public float[][] testYCategorical() {
        return test.yCategorical();
    }

    /** The training images (samples, height, width, channels), for an image set such as {@link Digits}. */
    public float[][][][] trainImages() {
        return train.images();
    }

    /** The test images (samples, height, width, channels). */
    public float[][][][] testImages() {
        return test.images();
    }

    /** The data set's name. */
    public String name() {
        return train.name();
    }

    /** The features' names. */
    public List<String> featureNames() {
        return train.featureNames();
    }

    /** The classes' names. */
    public List<String> classNames() {
        return train.classNames();
    }

    /** The number of classes. */
    public int numClasses() {
        return train.numClasses();
    }

    /** The number of features. */
    public int numFeatures() {
        return train.numFeatures();
    }

    /**
     * Both sets standardized with the training set's statistics ({@link Standardizer#fit} on the training
     * features, then {@code transform} of both): the test set is never looked at to scale it.
     */
    public LabeledData standardized() {
        return standardized(Standardizer.fit(train.x()));
    }

    /** Both sets transformed by {@code standardizer} (one fitted before, e.g. loaded from a file). */
    public LabeledData standardized(Standardizer standardizer) {
        return new LabeledData(train.withX(standardizer.transform(train.x())),
                test.withX(standardizer.transform(test.x())));
    }

    /** Both sets' features multiplied by {@code factor} (the digits' pixels 0..16 times 1/16 lie in [0, 1]). */
    public LabeledData scaleX(double factor) {
        return new LabeledData(train.scaleX(factor), test.scaleX(factor));
    }

    @Override
    public String toString() {
        return "LabeledData(" + name() + ": " + train.size() + " training and " + test.size() + " test samples, "
                + numFeatures() + " features, " + numClasses() + " classes)";
    }
}
