package io.github.kerasdjl.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.backend.Constants;
import io.github.kerasdjl.backend.Tensors;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.optimizers.Adam;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.optimizers.SGD;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written backward pass against DJL's autograd: the same model, seed and batches trained both ways end at
 * the same weights and report the same history, for every activation, loss and optimizer it covers.
 */
class DenseBackpropTest {

    /** float32 rounding differs between the two op sequences; 1e-5 is about 100 ulps of the weights here. */
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> configurations() {
        Supplier<Optimizer> sgd = () -> new SGD(0.1);
        Supplier<Optimizer> momentum = () -> new SGD(0.05, 0.9, false);
        Supplier<Optimizer> nesterov = () -> new SGD(0.05, 0.9, true);
        Supplier<Optimizer> adam = () -> new Adam(0.01);
        return Stream.of(
                Arguments.of("relu", "sigmoid", "mse", 1, sgd),
                Arguments.of("sigmoid", "sigmoid", "mse", 1, sgd),
                Arguments.of("tanh", "linear", "mse", 2, sgd),
                Arguments.of("leaky_relu", "tanh", "mse", 1, momentum),
                Arguments.of("linear", "relu", "mse", 1, sgd),
                Arguments.of("relu", "leaky_relu", "mae", 2, nesterov),
                Arguments.of("tanh", "sigmoid", "mae", 1, sgd),
                Arguments.of("relu", "sigmoid", "binary_crossentropy", 1, sgd),
                Arguments.of("tanh", "sigmoid", "binary_crossentropy", 2, adam),
                Arguments.of("relu", "softmax", "categorical_crossentropy", 3, sgd),
                Arguments.of("sigmoid", "softmax", "categorical_crossentropy", 3, momentum),
                // Integer class labels: the hand-written step's delta p - onehot(y) from a one-column target.
                Arguments.of("relu", "softmax", "sparse_categorical_crossentropy", 3, sgd),
                Arguments.of("tanh", "softmax", "sparse_categorical_crossentropy", 4, adam));
    }

    @ParameterizedTest(name = "{0} hidden, {1} out, {2}, {3} outputs")
    @MethodSource("configurations")
    void sameWeightsAndHistoryAsAutograd(String hidden, String output, String loss, int outputs,
            Supplier<Optimizer> optimizer) {
        float[][] x = Playground.spiral(37, 0.1, 5).x();
        float[][] y = targets(x, outputs, loss);
        // (accuracy on class indices is the metrics' business: the sparse cases compare the loss and weights)
        String[] metrics = sparse(loss) ? new String[0] : new String[] {"accuracy"};
        Sequential fast = model(hidden, output, outputs, true).compile(optimizer.get(), loss, metrics);
        Sequential auto = model(hidden, output, outputs, false).compile(optimizer.get(), loss, metrics);
        assertTrue(fast.usesFastPath());
        assertFalse(auto.usesFastPath());
        // 37 rows in batches of 8: four full batches and one of 5, shuffled.
        FitOptions options = new FitOptions().epochs(15).batchSize(8).verbose(0);
        History hf = fast.fit(x, y, options);
        History ha = auto.fit(x, y, options);
        List<float[]> wf = fast.getWeights();
        List<float[]> wa = auto.getWeights();
        double maxDiff = Precision.maxDifference(wf, wa);
        assertTrue(maxDiff < TOLERANCE, "max weight difference " + maxDiff);
        // The weights moved: the comparison is not between two untouched models.
        Sequential fresh = model(hidden, output, outputs, true).compile(optimizer.get(), loss);
        fresh.build(2);
        assertTrue(Precision.maxDifference(fresh.getWeights(), wf) > 1e-3, "training changed the weights");
        for (int e = 0; e < 15; e++) {
            assertEquals(ha.get("loss").get(e), hf.get("loss").get(e), 1e-5, "loss at epoch " + e);
            if (!sparse(loss)) {
                assertEquals(ha.get("accuracy").get(e), hf.get("accuracy").get(e), 1e-9, "accuracy at epoch " + e);
            }
        }
        fast.close();
        auto.close();
        fresh.close();
    }

    private static Sequential model(String hidden, String output, int outputs, boolean fastPath) {
        // The engine's hand-written step (HostDenseStepTest compares the step on JVM arrays with it).
        return new Sequential().seed(11).fastPath(fastPath).hostStep(false)
                .add(new Dense(6, hidden, 2)).add(new Dense(5, hidden)).add(new Dense(outputs, output));
    }

    private static boolean sparse(String loss) {
        return loss.equals("sparse_categorical_crossentropy");
    }

    private static float[][] targets(float[][] x, int outputs, String loss) {
        float[][] y = new float[x.length][sparse(loss) ? 1 : outputs];
        for (int i = 0; i < x.length; i++) {
            if (sparse(loss)) {
                y[i][0] = Math.floorMod((int) Math.floor(x[i][0] + x[i][1]), outputs);
            } else if (loss.equals("categorical_crossentropy")) {
                y[i][Math.floorMod((int) Math.floor(x[i][0] + x[i][1]), outputs)] = 1;
            } else {
                for (int k = 0; k < outputs; k++) {
                    y[i][k] = x[i][k % 2] * (k + 1) > 0 ? 1 : 0;
                }
            }
        }
        return y;
    }

    @Test
    void whatItDoesNotCoverGoesThroughAutograd() {
        assertFalse(compiled(new Dense(4, "elu", 2), new Dense(1, "sigmoid"), "mse").usesFastPath());
        assertFalse(compiled(new Dense(4, "relu", 2), new Dense(3, "softmax"), "mse").usesFastPath());
        assertFalse(compiled(new Dense(4, "relu", 2), new Dense(1, "linear"), "binary_crossentropy").usesFastPath());
        assertFalse(compiled(new Dense(4, "relu", 2), new Dense(3, "sigmoid"), "categorical_crossentropy")
                .usesFastPath());
        assertFalse(compiled(new Dense(4, "softmax", 2), new Dense(1, "sigmoid"), "mse").usesFastPath());
        Dense subclass = new Dense(4, "relu", 2) {
        };
        assertFalse(compiled(subclass, new Dense(1, "sigmoid"), "mse").usesFastPath());
        Loss custom = new Loss("custom") {
            @Override
            public NDArray perSample(NDArray yTrue, NDArray yPred) {
                return yPred.sub(yTrue).square().mean(new int[] {-1});
            }
        };
        Sequential withCustom = new Sequential().add(new Dense(4, "relu", 2)).add(new Dense(1, "sigmoid"));
        assertFalse(withCustom.compile(new SGD(0.1), custom).usesFastPath());
        assertTrue(compiled(new Dense(4, "relu", 2), new Dense(1, "sigmoid"), "mse").usesFastPath());
    }

    private static Sequential compiled(Dense first, Dense second, String loss) {
        return new Sequential().add(first).add(second).compile(new SGD(0.1), loss);
    }

    /**
     * Categorical targets need not be one-hot: the output delta of categorical cross-entropy on softmax is
     * {@code p sum(y) - y}, so rows that sum to 2, or hold a negative value, have the same gradient both ways.
     */
    @Test
    void categoricalTargetsThatAreNotDistributionsHaveTheSameGradientBothWays() {
        float[][] x = {{0.3f, -1.2f}, {1.5f, 0.4f}, {-0.7f, 0.9f}};
        float[][] y = {{1, 1, 0}, {2, -1, 0}, {0.5f, 0.5f, 0}};
        try (Sequential model = new Sequential().seed(1).add(new Dense(4, "relu", 2)).add(new Dense(3, "softmax"))
                .compile(new SGD(0.1), "categorical_crossentropy")) {
            assertTrue(model.usesFastPath());
            List<float[]> auto = model.computeGradients(x, y, TrainingSteps.Kind.AUTOGRAD);
            List<float[]> hand = model.computeGradients(x, y, TrainingSteps.Kind.HAND_WRITTEN);
            double scale = 0;
            for (float[] g : auto) {
                for (float v : g) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            assertTrue(scale > 1e-2, "gradients are not all zero: " + scale);
            assertTrue(Precision.maxDifference(auto, hand) < 1e-6, "max gradient difference " + Precision.maxDifference(auto, hand));
        }
    }

    /**
     * A regression check of the step's cost as a count, not a time: the engine arrays one step of the 001 spiral
     * network (2-8-8-8-1, relu, sigmoid out, mse, plain SGD) creates. Each is one native call; autograd's step
     * makes more than twice as many.
     */
    @Test
    void arraysCreatedPerStepOfTheSpiralNetwork() {
        Sequential model = new Sequential().seed(3).add(new Dense(8, "relu", 2)).add(new Dense(8, "relu"))
                .add(new Dense(8, "relu")).add(new Dense(1, "sigmoid")).compile(new SGD(0.05), "mse");
        model.build(2);
        float[][] x = Playground.spiral(20, 0, 1).x();
        float[][] y = Playground.spiral(20, 0, 1).y();
        try (NDManager data = NDManager.newBaseManager(); Constants constants = new Constants(data)) {
            NDArray xs = Tensors.toArray(data, x);
            NDArray ys = Tensors.toArray(data, y);
            Network network = new Network(model.layers(), model.block(), data, List.of(model.device()), 2);
            TrainingStep hand = TrainingSteps.create(network, model.loss(), model.optimizer(), true, constants,
                    true);
            assertTrue(hand instanceof DenseBackpropStep);
            hand.close(); // gradients back on: the step does not depend on them
            float[] targets = Tensors.flatten(y);
            hand.train(xs, ys, targets, 0, 10); // the first step makes the step's constants
            int created;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                int before = data.getManagedArrays().size() + model.liveArrayCount();
                hand.train(xs, ys, targets, 0, 10);
                created = data.getManagedArrays().size() + model.liveArrayCount() - before;
            }
            // 2 batch slices, 4 linear + 4 activations, 3 for the output delta, 3 per layer for dW and db,
            // 2 more per hidden layer for the delta below it: 2 + 8 + 3 + 12 + 6 = 31.
            assertTrue(created <= 31, "arrays created by one step: " + created);
            assertTrue(created >= 20, "the count sees the step's arrays: " + created);
        }
        model.close();
    }

    @Test
    void autogradWorksAfterAFastFit() {
        float[][] x = Playground.xor(30, 0, 1).x();
        float[][] y = Playground.xor(30, 0, 1).y();
        Sequential model = new Sequential().seed(3).add(new Dense(4, "tanh", 2)).add(new Dense(1, "sigmoid"))
                .compile(new SGD(0.1), "mse");
        model.fit(x, y, new FitOptions().epochs(2).batchSize(8).verbose(0));
        List<float[]> g = model.computeGradients(x, y);
        double norm = 0;
        for (float[] a : g) {
            for (float v : a) {
                norm += v * v;
            }
        }
        assertTrue(norm > 0, "autograd sees the weights after the hand-written fit");
        model.fastPath(false).fit(x, y, new FitOptions().epochs(1).batchSize(8).verbose(0));
        model.close();
    }

    @Test
    void autogradPathDoesNotGrowEither() {
        Sequential model = new Sequential().seed(3).fastPath(false).add(new Dense(8, "relu", 2))
                .add(new Dense(1, "sigmoid")).compile(new SGD(0.05), "mse");
        float[][] x = Playground.xor(40, 0, 1).x();
        float[][] y = Playground.xor(40, 0, 1).y();
        model.fit(x, y, new FitOptions().epochs(2).batchSize(8).verbose(0));
        int after2 = model.liveArrayCount();
        model.fit(x, y, new FitOptions().epochs(20).batchSize(8).verbose(0));
        assertEquals(after2, model.liveArrayCount());
        model.close();
    }

    @Test
    void plainSgdStepIsTheSameWithFoldedRate() {
        Random random = new Random(9);
        float[][] x = new float[10][3];
        float[][] y = new float[10][1];
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 3; k++) {
                x[i][k] = (float) random.nextGaussian();
            }
            y[i][0] = random.nextFloat();
        }
        Sequential a = new Sequential().seed(4).hostStep(false).add(new Dense(3, "tanh", 3)).add(new Dense(1)).compile(
                new SGD(0.3), "mse");
        Sequential b = new Sequential().seed(4).fastPath(false).add(new Dense(3, "tanh", 3)).add(new Dense(1))
                .compile(new SGD(0.3), "mse");
        FitOptions one = new FitOptions().epochs(1).batchSize(10).verbose(0).shuffle(false);
        a.fit(x, y, one);
        b.fit(x, y, one);
        assertTrue(Precision.maxDifference(a.getWeights(), b.getWeights()) < 1e-6);
        assertEquals(1, a.optimizer().iterations());
        a.close();
        b.close();
    }
}
