package io.github.kerasdjl.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * The 8x8 handwritten digits, shipped in the jar: 1,797 images of the digits 0 to 9 (174 to 183 of each), each
 * pixel an integer 0 to 16 (the number of set pixels in a 4x4 block of a 32x32 bitmap). This is the test set of
 * the UCI Machine Learning Repository's "Optical Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak, 1998;
 * UCI licenses it CC BY 4.0) as scikit-learn ships it ({@code sklearn/datasets/data/digits.csv.gz} of scikit-learn
 * 1.9.1, BSD-3-Clause); see {@code NOTICE.md} beside the resource. The same numbers as scikit-learn's
 * {@code load_digits()}: {@code x} is 64 pixels per row, row by row ({@code pixel_r_c}), and
 * {@link LabeledData#trainImages()} gives them as (samples, 8, 8, 1) images, channels last, for a convnet. The
 * pixels are as scikit-learn gives them, 0 to 16: {@code Digits.load().scaleX(1.0 / 16)} puts them in [0, 1].
 */
public final class Digits {

    /** The largest pixel value. */
    public static final int MAX_PIXEL = 16;

    /** scikit-learn's feature names: pixel_0_0 ... pixel_7_7 (row, column). */
    public static final List<String> FEATURE_NAMES;

    /** The classes, by index: "0" to "9". */
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    static {
        List<String> names = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                names.add("pixel_" + r + "_" + c);
            }
        }
        FEATURE_NAMES = List.copyOf(names);
    }

    private Digits() {
    }

    /** All 1,797 images, in the file's order, as rows of 64 pixels (and images of 8 x 8 x 1). */
    public static Table table() {
        return ShippedData.load("digits.csv.gz", "digits", FEATURE_NAMES, CLASS_NAMES, false, new int[] {8, 8, 1});
    }

    /** The default split: seed 42, a fifth of each digit for testing (359 images). */
    public static LabeledData load() {
        return table().split();
    }

    /** A seeded, stratified split ({@link Table#split(long, double)}). */
    public static LabeledData load(long seed, double testFraction) {
        return table().split(seed, testFraction);
    }
}
