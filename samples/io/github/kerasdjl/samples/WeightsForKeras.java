package io.github.kerasdjl.samples;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.AdamW;
import io.github.kerasdjl.optimizers.LearningRateSchedules;
import io.github.kerasdjl.optimizers.Nadam;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.optimizers.RMSprop;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Java half of the check that real Keras reads this library's files: trains lesson 001's network on the spiral
 * for a few epochs (SGD with momentum, binary cross-entropy), saves its weights as {@code mlp.weights.h5} and the
 * whole model as {@code mlp.keras}, writes the predictions it gives for ten points to {@code mlp_predictions.txt},
 * the training data to {@code mlp_data.txt}, and, after one more epoch (batch 10, no shuffling), the weights to
 * {@code mlp_next.txt}; in the folder given (default {@code output/keras-check}). A second argument picks another
 * optimizer: {@code nadam} (Nadam with an ExponentialDecay schedule and clipnorm), {@code adamw} (AdamW with a
 * cosine schedule and warm-up) or {@code rmsprop} (RMSprop with weight decay and global_clipnorm, its rate lowered
 * after the first fit as ReduceLROnPlateau would).
 * {@code tools/keras/check_java_weights.py} and {@code check_java_model.py} then load the files in Keras and compare.
 */
public final class WeightsForKeras {

    private WeightsForKeras() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "output/keras-check");
        Dataset spiral = Playground.spiral(200, 0, 3);
        try (Sequential model = new Sequential().seed(3).add(new Dense(8, "relu", 2)).add(new Dense(8, "relu"))
                .add(new Dense(1, "sigmoid"))) {
            String kind = args.length > 1 ? args[1] : "sgd";
            model.compile(optimizer(kind), "binary_crossentropy", "accuracy");
            model.fit(spiral.x(), spiral.y(), new FitOptions().epochs(20).batchSize(10).verbose(0));
            if (kind.equals("rmsprop")) {
                model.setLearningRate(model.learningRate() / 10);
            }
            Path weights = folder.resolve("mlp.weights.h5");
            model.saveWeights(weights);
            model.save(folder.resolve("mlp.keras"));
            float[][] probe = Playground.circle(10, 0, 4).x();
            float[][] p = model.predict(probe);
            StringBuilder b = new StringBuilder("# x1 x2 prediction, from keras-djl with mlp.weights.h5\n");
            for (int i = 0; i < probe.length; i++) {
                b.append(String.format(Locale.ROOT, "%s %s %s%n", probe[i][0], probe[i][1], p[i][0]));
            }
            Files.writeString(folder.resolve("mlp_predictions.txt"), b.toString());
            StringBuilder data = new StringBuilder("# x1 x2 y\n");
            for (int i = 0; i < spiral.size(); i++) {
                data.append(String.format(Locale.ROOT, "%s %s %s%n", spiral.x()[i][0], spiral.x()[i][1],
                        spiral.y()[i][0]));
            }
            Files.writeString(folder.resolve("mlp_data.txt"), data.toString());
            model.fit(spiral.x(), spiral.y(), new FitOptions().epochs(1).batchSize(10).shuffle(false).verbose(0));
            StringBuilder next = new StringBuilder("# each weight after one more epoch, Keras' order and layout\n");
            for (float[] w : model.getWeights()) {
                StringBuilder line = new StringBuilder();
                for (float v : w) {
                    line.append(line.length() == 0 ? "" : " ").append(v);
                }
                next.append(line).append('\n');
            }
            Files.writeString(folder.resolve("mlp_next.txt"), next.toString());
            System.out.println("wrote " + folder.toAbsolutePath() + ": mlp.weights.h5, mlp.keras (" + model.optimizer()
                    + ") and their checks");
        }
    }

    private static Optimizer optimizer(String kind) {
        return switch (kind) {
            case "sgd" -> new SGD(0.05, 0.9, false);
            case "nadam" -> new Nadam(new LearningRateSchedules.ExponentialDecay(0.01, 10, 0.9)).clipnorm(1.0);
            case "adamw" -> new AdamW(new LearningRateSchedules.CosineDecay(0.001, 400, 0.1, 0.01, 40), 0.01);
            case "rmsprop" -> new RMSprop(0.01).weightDecay(0.001).globalClipnorm(1.0);
            default -> throw new IllegalArgumentException("Invalid value for argument `optimizer`: '" + kind
                    + "'. Expected sgd, nadam, adamw or rmsprop.");
        };
    }
}
