package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.FitOptions;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.reference.ReferenceMlp;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W1: lesson 001's spiral network 2-8-8-8-1 (relu, sigmoid out), MSE, SGD 0.05, batch 10, 400 points. One
 * operation is one epoch (40 training steps), for the DSL and for the plain-Java hand-derived reference, measured
 * in the same run so that their ratio means something. Raw-DJL baselines come with the benchmark issue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Dai.djl.offline=true"})
public class W1TrainingBenchmark {

    private static final int BATCH = 10;

    private Dataset data;
    private Sequential model;
    private ReferenceMlp reference;
    private double[][] x;
    private double[][] y;
    private FitOptions oneEpoch;

    @Setup(Level.Trial)
    public void setUp() {
        data = Playground.spiral(400, 0.0, 1);
        model = new Sequential().add(new Dense(8, "relu", 2)).add(new Dense(8, "relu")).add(new Dense(8, "relu"))
                .add(new Dense(1, "sigmoid")).seed(1);
        model.compile(new SGD(0.05), "mse", "accuracy");
        model.build(2);
        reference = ReferenceMlp.from(model);
        x = ReferenceMlp.toDouble(data.x());
        y = ReferenceMlp.toDouble(data.y());
        oneEpoch = new FitOptions().epochs(1).batchSize(BATCH).verbose(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }

    /** One epoch of the DSL: 40 steps. */
    @Benchmark
    public double dslEpoch() {
        return model.fit(data.x(), data.y(), oneEpoch).last("loss");
    }

    /** One epoch of the hand-derived reference in double[]: 40 steps. */
    @Benchmark
    public double referenceEpoch() {
        for (int start = 0; start < x.length; start += BATCH) {
            int end = Math.min(x.length, start + BATCH);
            reference.sgdStep(Arrays.copyOfRange(x, start, end), Arrays.copyOfRange(y, start, end), 0.05);
        }
        return reference.weights().get(0)[0];
    }
}
