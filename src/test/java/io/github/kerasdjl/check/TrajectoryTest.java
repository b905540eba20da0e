package io.github.kerasdjl.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.reference.ReferenceMlp;
import io.github.kerasdjl.training.FitOptions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * From the same initial weights and the same batches in the same order, 1,000 SGD steps of the DSL (float32; its
 * hand-written backward pass and DJL's autograd, each) and of the hand-derived reference (double) end at the same
 * weights.
 *
 * <p>Tolerance: 1e-5 absolute on weights that move by about 0.3. Both start from identical values; the only
 * difference is float32 rounding (about 6e-8 relative per operation) in the DSL's forward, backward and update.
 * Measured over these 1,000 steps: 7.4e-7 plain, 8.7e-7 with momentum 0.9, 7.5e-7 with Nesterov (printed by the
 * test), so the bound leaves an 11x margin; a wrong
 * derivative or update rule moves weights by 1e-2 or more within a few hundred steps.
 */
class TrajectoryTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void thousandSgdStepsOnTheSpiralNetworkEndAtTheSameWeights() {
        runThousandSteps(0, false);
    }

    @Test
    void thousandMomentumStepsEndAtTheSameWeights() {
        runThousandSteps(0.9, false);
    }

    @Test
    void thousandNesterovStepsEndAtTheSameWeights() {
        runThousandSteps(0.9, true);
    }

    private static void runThousandSteps(double momentum, boolean nesterov) {
        runThousandSteps(momentum, nesterov, true);
        runThousandSteps(momentum, nesterov, false);
    }

    private static void runThousandSteps(double momentum, boolean nesterov, boolean fastPath) {
        Dataset data = Playground.spiral(400, 0.1, 5);
        int batch = 10;
        int epochs = 25; // 25 x 400 / 10 = 1,000 steps
        try (Sequential model = new Sequential().add(new Dense(8, "relu", 2)).add(new Dense(8, "relu"))
                .add(new Dense(8, "relu")).add(new Dense(1, "sigmoid")).seed(17).fastPath(fastPath)) {
            model.compile(new SGD(0.05, momentum, nesterov), "mse");
            model.build(2);
            ReferenceMlp ref = ReferenceModels.of(model);
            ReferenceMlp.Sgd sgd = new ReferenceMlp.Sgd(0.05, momentum, nesterov);
            List<double[]> initial = ref.weights(); // a copy: the reference's steps do not change it
            model.fit(data.x(), data.y(), new FitOptions().epochs(epochs).batchSize(batch).shuffle(false).verbose(0));
            double[][] x = Precision.toDouble(data.x());
            double[][] y = Precision.toDouble(data.y());
            for (int e = 0; e < epochs; e++) {
                for (int start = 0; start < x.length; start += batch) {
                    int end = Math.min(x.length, start + batch);
                    sgd.step(ref, Arrays.copyOfRange(x, start, end), Arrays.copyOfRange(y, start, end));
                }
            }
            assertTrue(model.optimizer().iterations() == 1000);
            double maxDiff = Precision.maxDifference(model.getWeights(), ref.weights());
            double maxMove = Precision.maxDifference(ReferenceModels.of(model).weights(), initial);
            assertTrue(maxDiff < TOLERANCE, "max weight difference after 1000 steps: " + maxDiff);
            // The weights did travel: the agreement is not two models that stood still.
            assertTrue(maxMove > 100 * maxDiff, "moved " + maxMove + ", differ " + maxDiff);
            System.out.printf("trajectory (momentum %.1f, nesterov %b, %s): max |w_dsl - w_ref| after 1000 steps ="
                    + " %.3e, max movement %.3e%n", momentum, nesterov, fastPath ? "hand-written" : "autograd",
                    maxDiff, maxMove);
        }
    }

}
