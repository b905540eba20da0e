package io.github.kerasdjl.datasets;

import java.util.List;

/**
 * Fisher's Iris data set, shipped in the jar: 150 flowers, 50 of each of three species (setosa, versicolor,
 * virginica), 4 measurements in cm. The copy is scikit-learn's ({@code sklearn/datasets/data/iris.csv} of
 * scikit-learn 1.9.1, BSD-3-Clause), from the UCI Machine Learning Repository's "Iris" (R. A. Fisher, 1936; UCI
 * licenses it CC BY 4.0); see {@code NOTICE.md} beside the resource. The same numbers as scikit-learn's
 * {@code load_iris()}, with its feature and class names.
 */
public final class Iris {

    /** scikit-learn's feature names. */
    public static final List<String> FEATURE_NAMES = List.of("sepal length (cm)", "sepal width (cm)",
            "petal length (cm)", "petal width (cm)");

    /** The classes, by index. */
    public static final List<String> CLASS_NAMES = List.of("setosa", "versicolor", "virginica");

    private Iris() {
    }

    /** All 150 samples, in the file's order (the classes one after the other). */
    public static Table table() {
        return ShippedData.load("iris.csv", "iris", FEATURE_NAMES, CLASS_NAMES, true, null);
    }

    /** The default split: seed 42, a fifth of each class (10) for testing. */
    public static LabeledData load() {
        return table().split();
    }

    /** A seeded, stratified split ({@link Table#split(long, double)}). */
    public static LabeledData load(long seed, double testFraction) {
        return table().split(seed, testFraction);
    }
}
