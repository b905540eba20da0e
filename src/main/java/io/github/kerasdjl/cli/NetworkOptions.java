package io.github.kerasdjl.cli;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import java.util.List;
import picocli.CommandLine.Option;

/** The data and network options that the main job and {@code compare} share: Playground's knobs. */
final class NetworkOptions {

    @Option(names = "--dataset", description = "circle, xor, gauss or spiral (default: ${DEFAULT-VALUE})")
    String dataset = "spiral";

    @Option(names = "--samples", description = "number of points (default: ${DEFAULT-VALUE}, as Playground)")
    int samples = Playground.DEFAULT_SAMPLES;

    @Option(names = "--noise", description = "Playground's noise, 0 to 0.5 (its slider / 100; default: ${DEFAULT-VALUE})")
    double noise = 0;

    @Option(names = "--batch-size", description = "batch size (default: ${DEFAULT-VALUE})")
    int batchSize = 10;

    @Option(names = {"--learning-rate", "--lr"}, description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = 0.05;

    @Option(names = "--activation", description = "activation of the hidden layers (default: ${DEFAULT-VALUE})")
    String activation = "relu";

    @Option(names = "--layers", split = ",", description = "widths of the hidden layers (default: 8,8,8)")
    List<Integer> layers = List.of(8, 8, 8);

    @Option(names = "--loss", description = "mse or binary_crossentropy (default: ${DEFAULT-VALUE}, as the seed)")
    String loss = "mse";

    @Option(names = "--seed", description = "seed of the data, the split, the weights and the shuffling "
            + "(default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--device", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device = "auto";

    /** The data set's kind, checked. */
    Playground.Kind kind() {
        return Playground.Kind.get(dataset);
    }

    /** The data set. */
    Dataset data() {
        return kind().generate(samples, noise, seed);
    }

    /** The seed's network for two inputs: the hidden layers, then Dense(1, sigmoid); not compiled. */
    Sequential model() {
        Sequential model = new Sequential().seed(seed).device(device);
        int inputs = 2;
        for (int width : layers) {
            model.add(new Dense(width, activation, model.layers().isEmpty() ? inputs : 0));
        }
        model.add(new Dense(1, "sigmoid", model.layers().isEmpty() ? inputs : 0));
        return model;
    }
}
