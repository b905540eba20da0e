package io.github.kerasdjl.cli;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.backend.Devices;
import io.github.kerasdjl.check.Comparison;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.optimizers.SGD;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code compare}: the main job's network trained twice from the same initial weights, by the DSL on DJL and by
 * the plain-Java hand-derived reference, on the same batches in the same order, then a side-by-side table.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains the network both ways (DSL on DJL, hand-derived plain Java) from the same start on the "
                + "same batches (no shuffling) and prints final loss, accuracy, max weight difference and time per "
                + "step side by side.")
final class Compare implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Mixin
    NetworkOptions net = new NetworkOptions();

    @Option(names = "--epochs", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs = 100;

    @Option(names = "--momentum", description = "SGD momentum, 0 to 1 (default: ${DEFAULT-VALUE})")
    double momentum = 0;

    @Option(names = "--nesterov", description = "Nesterov momentum")
    boolean nesterov;

    /** The last comparison, for tests. */
    Comparison result;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `--epochs`: " + epochs + ". Expected an integer >= 1.");
        }
        PrintStream out = parent.out;
        // Shuffled once with the seed, then the same batches in the same order for both.
        Dataset data = net.inputs().apply(net.data().shuffled(net.seed));
        try (Sequential model = net.model()) {
            model.compile(new SGD(net.learningRate, momentum, nesterov), net.loss);
            out.printf(Locale.ROOT, "Data: %s, %d points (noise %.2f), features %s, all for training, shuffled once,"
                    + " same batches for both%n", net.kind().label(), data.size(), net.noise, net.inputs());
            out.printf(Locale.ROOT, "Network: %s; %s, loss %s, batch size %d, %d epochs%n", model.layers(),
                    model.optimizer(), model.loss().name(), net.batchSize, epochs);
            out.printf(Locale.ROOT, "Device: %s; the DSL's step: %s%n", Devices.describe(model.devices()),
                    NetworkOptions.step(model, Math.min(net.batchSize, data.size())));
            result = Comparison.run(model, data.x(), data.y(), epochs, net.batchSize);
            out.println();
            out.print(result);
            out.printf(Locale.ROOT, "%nThe reference is %.1fx the DSL's speed per step on this network.%n",
                    result.dslSecondsPerStep() / result.referenceSecondsPerStep());
            if (result.maxWeightDifference() > 1e-4 && (net.activation.contains("relu"))) {
                out.println("Note: relu has a kink at 0. When a unit's input lands within float32 rounding of 0, the"
                        + " DSL (float32) and the reference (double) take different sides and their weights part;"
                        + " neither is wrong. With a smooth activation (--activation tanh) they stay together.");
            }
        }
        return 0;
    }
}
