package io.github.kerasdjl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A model trains in one place at a time: what another thread may and may not do during a fit. */
class ConcurrencyTest {

    private static final Dataset DATA = Playground.xor(40, 0, 2);

    @Test
    void callsFromAnotherThreadDuringAFitFailAtOnceNamingTheTrainingThread() throws Exception {
        Sequential model = new Sequential().seed(4).add(new Dense(4, "relu", 2)).add(new Dense(1, "sigmoid"))
                .compile(new SGD(0.1), "mse");
        CountDownLatch inFit = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        Callback pause = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                if (epoch == 0) {
                    inFit.countDown();
                    try {
                        assertTrue(checked.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    // The training thread itself may change the model from a callback.
                    model.setWeights(model.getWeights());
                }
            }
        };
        CompletableFuture<History> fit = CompletableFuture.supplyAsync(() -> {
            Thread.currentThread().setName("trainer-1");
            return model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(3).batchSize(8).verbose(0).callbacks(pause));
        });
        if (!inFit.await(30, TimeUnit.SECONDS)) {
            fit.get(1, TimeUnit.SECONDS); // throws what the fit threw
        }
        try {
            List<Executable> refused = List.of(
                    () -> model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(1).verbose(0)),
                    () -> model.evaluate(DATA.x(), DATA.y()),
                    () -> model.setWeights(model.getWeights()),
                    () -> model.compile(new SGD(0.2), "mse"),
                    () -> model.computeGradients(DATA.x(), DATA.y()),
                    () -> model.saveWeights(java.nio.file.Path.of("never-written.weights.h5")),
                    () -> model.save(java.nio.file.Path.of("never-written.keras")),
                    () -> model.loadWeights(java.nio.file.Path.of("never-read.weights.h5")),
                    model::close);
            for (Executable call : refused) {
                Throwable e = assertThrows(IllegalStateException.class, call);
                assertTrue(e.getMessage().contains("being trained by thread 'trainer-1'"), e.getMessage());
            }
            // Reading is allowed: predict sees the weights as they are now.
            assertEquals(DATA.size(), model.predict(DATA.x()).length);
        } finally {
            checked.countDown();
        }
        History history = fit.get(60, TimeUnit.SECONDS);
        assertEquals(3, history.get("loss").size(), "the fit ran all its epochs, alone");
        assertEquals(3 * 5, model.optimizer().iterations());
        model.evaluate(DATA.x(), DATA.y()); // after the fit, anything goes again
        model.close();
    }

    /**
     * A callback may train a batch (train_on_batch) inside a fit; after it the fit is still running, so a fit called
     * next from the same callback is refused as any nested fit (trainOnBatch once cleared the running fit's mark).
     */
    @Test
    void fitAfterATrainOnBatchInsideFitIsStillRefused() {
        try (Sequential model = new Sequential().seed(4).add(new Dense(1, "sigmoid", 2))
                .compile(new SGD(0.1), "mse")) {
            Callback nested = new Callback() {
                @Override
                public void onEpochEnd(int epoch, Map<String, Double> logs) {
                    model.trainOnBatch(DATA.x(), DATA.y());
                    model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(1).verbose(0));
                }
            };
            Throwable e = assertThrows(IllegalStateException.class, () -> model.fit(DATA.x(), DATA.y(),
                    new FitOptions().epochs(1).verbose(0).callbacks(nested)));
            assertTrue(e.getMessage().contains("fit was called from inside fit"), e.getMessage());
        }
    }

    @Test
    void fitInsideFitIsRefused() {
        try (Sequential model = new Sequential().seed(4).add(new Dense(1, "sigmoid", 2))
                .compile(new SGD(0.1), "mse")) {
            Callback nested = new Callback() {
                @Override
                public void onEpochEnd(int epoch, Map<String, Double> logs) {
                    model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(1).verbose(0));
                }
            };
            Throwable e = assertThrows(IllegalStateException.class, () -> model.fit(DATA.x(), DATA.y(),
                    new FitOptions().epochs(1).verbose(0).callbacks(nested)));
            assertTrue(e.getMessage().contains("fit was called from inside fit"), e.getMessage());
            model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(1).verbose(0)); // the model is usable again
        }
    }

    /**
     * Two models train on two threads at once, through either step, and end where they end alone. (DJL's PyTorch
     * engine allows one gradient collector at a time in the JVM; autograd steps take turns.)
     */
    @Test
    void twoModelsTrainOnTwoThreadsAsTheyWouldAlone() throws Exception {
        for (boolean fastPath : new boolean[] {true, false}) {
            java.util.function.Supplier<List<float[]>> job = () -> {
                try (Sequential m = new Sequential().seed(4).fastPath(fastPath).add(new Dense(8, "relu", 2))
                        .add(new Dense(1, "sigmoid")).compile(new SGD(0.1), "mse")) {
                    m.fit(DATA.x(), DATA.y(), new FitOptions().epochs(20).batchSize(4).verbose(0));
                    return m.getWeights();
                }
            };
            CompletableFuture<List<float[]>> a = CompletableFuture.supplyAsync(job);
            CompletableFuture<List<float[]>> b = CompletableFuture.supplyAsync(job);
            List<float[]> alone = job.get();
            assertEquals(0.0, io.github.kerasdjl.check.Precision.maxDifference(alone, a.get(60, TimeUnit.SECONDS)));
            assertEquals(0.0, io.github.kerasdjl.check.Precision.maxDifference(alone, b.get(60, TimeUnit.SECONDS)));
        }
    }
}
