package io.github.kerasdjl.benchmarks;

import static io.github.kerasdjl.Keras.Adam;
import static io.github.kerasdjl.Keras.Conv2D;
import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Dropout;
import static io.github.kerasdjl.Keras.Flatten;
import static io.github.kerasdjl.Keras.Input;
import static io.github.kerasdjl.Keras.MaxPooling2D;
import static io.github.kerasdjl.Keras.Sequential;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Digits;
import io.github.kerasdjl.datasets.LabeledData;

/**
 * W4: the digits convnet of issue 14 (Input(8, 8, 1), Conv2D(16, 3, relu), MaxPooling2D(2), Flatten, Dropout(0.25),
 * Dense(10, softmax)), Adam with Keras' defaults, sparse categorical cross-entropy, batch 32, shuffled, on the
 * 1,438 training images of {@code Digits.load()} scaled to [0, 1] (45 steps an epoch).
 */
final class Convnet {

    static final int BATCH = 32;

    private Convnet() {
    }

    /** The training data: images (n, 8, 8, 1) channels last, and class indices. */
    static LabeledData data() {
        return Digits.load().scaleX(1.0 / Digits.MAX_PIXEL);
    }

    /** The workload as a user writes it with the DSL. */
    /** Images (samples, h, w, c) as one C-order array, as the engine and Keras' files take them. */
    static float[] flatImages(float[][][][] images) {
        float[][] rows = io.github.kerasdjl.backend.Samples.of("x", images).rows();
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return flat;
    }

    static Sequential dslModel() {
        Sequential model = Sequential().seed(1).add(Input(8, 8, 1)).add(Conv2D(16, 3, "relu")).add(MaxPooling2D(2))
                .add(Flatten()).add(Dropout(0.25)).add(Dense(10, "softmax"));
        model.compile(Adam(), "sparse_categorical_crossentropy", "accuracy");
        return model;
    }
}
