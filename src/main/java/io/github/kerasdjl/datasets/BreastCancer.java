package io.github.kerasdjl.datasets;

import java.util.List;

/**
 * The Breast Cancer Wisconsin (Diagnostic) data set, shipped in the jar: 569 tumours, 212 malignant (class 0) and
 * 357 benign (class 1), 30 features of the cell nuclei in a digitized image of a fine needle aspirate (the mean,
 * standard error and worst value of ten measurements). The copy is scikit-learn's
 * ({@code sklearn/datasets/data/breast_cancer.csv} of scikit-learn 1.9.1, BSD-3-Clause, here gzip-compressed), from
 * the UCI Machine Learning Repository's "Breast Cancer Wisconsin (Diagnostic)" (W. H. Wolberg, W. N. Street,
 * O. L. Mangasarian, 1995; UCI licenses it CC BY 4.0); see {@code NOTICE.md} beside the resource. The same numbers,
 * feature and class names as scikit-learn's {@code load_breast_cancer()}.
 */
public final class BreastCancer {

    /** scikit-learn's feature names. */
    public static final List<String> FEATURE_NAMES = List.of("mean radius", "mean texture", "mean perimeter",
            "mean area", "mean smoothness", "mean compactness", "mean concavity", "mean concave points",
            "mean symmetry", "mean fractal dimension", "radius error", "texture error", "perimeter error",
            "area error", "smoothness error", "compactness error", "concavity error", "concave points error",
            "symmetry error", "fractal dimension error", "worst radius", "worst texture", "worst perimeter",
            "worst area", "worst smoothness", "worst compactness", "worst concavity", "worst concave points",
            "worst symmetry", "worst fractal dimension");

    /** The classes, by index: 0 malignant, 1 benign. */
    public static final List<String> CLASS_NAMES = List.of("malignant", "benign");

    private BreastCancer() {
    }

    /** All 569 samples, in the file's order. */
    public static Table table() {
        return ShippedData.load("breast_cancer.csv.gz", "breast_cancer", FEATURE_NAMES, CLASS_NAMES, true, null);
    }

    /** The default split: seed 42, a fifth of each class for testing (113 samples: 42 and 71). */
    public static LabeledData load() {
        return table().split();
    }

    /** A seeded, stratified split ({@link Table#split(long, double)}). */
    public static LabeledData load(long seed, double testFraction) {
        return table().split(seed, testFraction);
    }
}
