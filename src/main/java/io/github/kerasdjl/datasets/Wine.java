package io.github.kerasdjl.datasets;

import java.util.List;

/**
 * The Wine recognition data set, shipped in the jar: 178 wines from three cultivars of one region in Italy
 * (59, 71 and 48 of classes 0, 1, 2), 13 chemical measurements. The copy is scikit-learn's
 * ({@code sklearn/datasets/data/wine_data.csv} of scikit-learn 1.9.1, BSD-3-Clause), from the UCI Machine Learning
 * Repository's "Wine" (M. Forina et al., PARVUS; UCI licenses it CC BY 4.0); see {@code NOTICE.md} beside the
 * resource. The same numbers, feature and class names as scikit-learn's {@code load_wine()}. The features' scales
 * differ a thousandfold (proline about 750, hue about 1): standardize them ({@link LabeledData#standardized}).
 */
public final class Wine {

    /** scikit-learn's feature names. */
    public static final List<String> FEATURE_NAMES = List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash",
            "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity",
            "hue", "od280/od315_of_diluted_wines", "proline");

    /** The classes, by index. */
    public static final List<String> CLASS_NAMES = List.of("class_0", "class_1", "class_2");

    private Wine() {
    }

    /** All 178 samples, in the file's order. */
    public static Table table() {
        return ShippedData.load("wine_data.csv", "wine", FEATURE_NAMES, CLASS_NAMES, true, null);
    }

    /** The default split: seed 42, a fifth of each class for testing (36 samples). */
    public static LabeledData load() {
        return table().split();
    }

    /** A seeded, stratified split ({@link Table#split(long, double)}). */
    public static LabeledData load(long seed, double testFraction) {
        return table().split(seed, testFraction);
    }
}
