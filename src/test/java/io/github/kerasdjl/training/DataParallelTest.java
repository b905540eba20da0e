package io.github.kerasdjl.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.backend.Devices;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.regularizers.Regularizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel training (each batch split over the devices, gradients summed on the first) gives the same weights
 * and history as one device, within float rounding. Without a GPU the replicas live on the CPU ("cpu:0,cpu:1"),
 * which runs the same code path.
 */
class DataParallelTest {

    private static Sequential model(String device, String output, int outputs, Regularizer r) {
        return new Sequential().seed(21).device(device)
                .add(new Dense(6, "tanh", 2).kernelRegularizer(r)).add(new Dense(outputs, output));
    }

    private static void sameAsOneDevice(String devices, String output, String loss, int outputs, Regularizer r,
            Optimizer one, Optimizer many, int batch) {
        float[][] x = Playground.spiral(45, 0.1, 3).x();
        float[][] y = new float[x.length][outputs];
        float[][] labels = Playground.spiral(45, 0.1, 3).y();
        for (int i = 0; i < x.length; i++) {
            y[i][outputs == 1 ? 0 : (int) labels[i][0]] = outputs == 1 ? labels[i][0] : 1;
        }
        FitOptions options = new FitOptions().epochs(12).batchSize(batch).verbose(0);
        try (Sequential single = model("cpu", output, outputs, r); Sequential parallel = model(devices, output,
                outputs, r)) {
            single.compile(one, loss, "accuracy");
            parallel.compile(many, loss, "accuracy");
            assertFalse(parallel.usesFastPath(), "data parallel trains through autograd");
            History h1 = single.fit(x, y, options);
            History h2 = parallel.fit(x, y, options);
            double diff = Precision.maxDifference(single.getWeights(), parallel.getWeights());
            assertTrue(diff < 1e-5, devices + ": max weight difference " + diff);
            for (int e = 0; e < 12; e++) {
                assertEquals(h1.get("loss").get(e), h2.get("loss").get(e), 1e-5, "loss at epoch " + e);
                assertEquals(h1.get("accuracy").get(e), h2.get("accuracy").get(e), 1e-9, "accuracy at " + e);
            }
            int live = parallel.liveArrayCount();
            parallel.fit(x, y, new FitOptions().epochs(3).batchSize(batch).verbose(0));
            assertEquals(live, parallel.liveArrayCount(), "no engine arrays left behind by the replicas");
        }
    }

    @Test
    void twoReplicasTrainAsOneDevice() {
        sameAsOneDevice("cpu:0,cpu:1", "sigmoid", "mse", 1, null, new SGD(0.2), new SGD(0.2), 8);
    }

    @Test
    void threeReplicasWithMomentumSoftmaxAndRegularization() {
        sameAsOneDevice("cpu:0,cpu:1,cpu:2", "softmax", "categorical_crossentropy", 2, Regularizer.l2(0.01),
                new SGD(0.1, 0.9, false), new SGD(0.1, 0.9, false), 7);
    }

    @Test
    void moreReplicasThanRowsInTheLastBatch() {
        // 45 rows in batches of 4: the last batch has one row, so two of the three replicas get none.
        sameAsOneDevice("cpu:0,cpu:1,cpu:2", "sigmoid", "binary_crossentropy", 1, null, new SGD(0.3), new SGD(0.3),
                4);
    }

    @Test
    void setWeightsReachesTheReplicas() {
        float[][] x = Playground.xor(20, 0, 1).x();
        float[][] y = Playground.xor(20, 0, 1).y();
        try (Sequential a = model("cpu", "sigmoid", 1, null); Sequential b = model("cpu:0,cpu:1", "sigmoid", 1,
                null)) {
            a.compile(new SGD(0.1), "mse");
            b.compile(new SGD(0.1), "mse");
            b.fit(x, y, new FitOptions().epochs(2).batchSize(5).verbose(0));
            a.build(2);
            b.setWeights(a.getWeights());
            FitOptions o = new FitOptions().epochs(3).batchSize(10).verbose(0).shuffle(false);
            a.fit(x, y, o);
            b.fit(x, y, o);
            assertTrue(Precision.maxDifference(a.getWeights(), b.getWeights()) < 1e-6);
        }
    }

    @Test
    void deviceListsAreCheckedAndDescribed() {
        assertEquals(List.of(Device.cpu(), Device.cpu()), Devices.parseList("cpu:0, cpu:1"));
        assertEquals(List.of(Device.cpu()), Devices.parseList("cpu"));
        assertEquals("cpu, cpu (data parallel, 2 replicas)", Devices.describe(Devices.parseList("cpu:0,cpu:1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Devices.parseList("cpu:0,cpu:0"));
        assertTrue(e.getMessage().contains("cpu:0 is named twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Devices.parseList("cpu,tpu"));
        assertTrue(e.getMessage().contains("'tpu' is not a device"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Devices.parseList("cpu,gpu:0"));
        assertTrue(e.getMessage().contains("mixes") || e.getMessage().contains("No GPU"), e.getMessage());
        try (Sequential m = new Sequential().device("cpu:0,cpu:1").add(new Dense(1, "linear", 1))) {
            assertEquals(2, m.devices().size());
        }
    }

    /** Without a GPU a list of GPUs fails like one GPU does: it says why, and nothing trains on the CPU. */
    @Test
    void aListOfMissingGpusIsAnError() {
        assumeTrue(Devices.gpuCount() == 0, "this machine has a GPU");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential().device("gpu:0,gpu:1"));
        assertTrue(e.getMessage().contains("No GPU is usable"), e.getMessage());
    }
}
