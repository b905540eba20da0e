package io.github.kerasdjl.samples;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Java half of the check that real Keras reads this library's weights files: trains lesson 001's network on the
 * spiral for a few epochs, saves its weights as {@code mlp.weights.h5} and writes the predictions it gives for ten
 * points to {@code mlp_predictions.txt}, in the folder given (default {@code output/keras-check}).
 * {@code tools/keras/check_java_weights.py} then loads the file into the same network in Keras and compares.
 */
public final class WeightsForKeras {

    private WeightsForKeras() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "output/keras-check");
        Dataset spiral = Playground.spiral(200, 0, 3);
        try (Sequential model = new Sequential().seed(3).add(new Dense(8, "relu", 2)).add(new Dense(8, "relu"))
                .add(new Dense(1, "sigmoid"))) {
            model.compile(new SGD(0.05), "mse");
            model.fit(spiral.x(), spiral.y(), new FitOptions().epochs(20).batchSize(10).verbose(0));
            Path weights = folder.resolve("mlp.weights.h5");
            model.saveWeights(weights);
            float[][] probe = Playground.circle(10, 0, 4).x();
            float[][] p = model.predict(probe);
            StringBuilder b = new StringBuilder("# x1 x2 prediction, from keras-djl with mlp.weights.h5\n");
            for (int i = 0; i < probe.length; i++) {
                b.append(String.format(Locale.ROOT, "%s %s %s%n", probe[i][0], probe[i][1], p[i][0]));
            }
            Files.writeString(folder.resolve("mlp_predictions.txt"), b.toString());
            System.out.println("wrote " + weights.toAbsolutePath() + " and mlp_predictions.txt");
        }
    }
}
