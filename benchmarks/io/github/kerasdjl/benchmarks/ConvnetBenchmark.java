package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.training.FitOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W4, the digits convnet ({@link Convnet}), trained two ways in the same run as {@link TrainingBenchmark}: the DSL and
 * raw DJL the idiomatic way ({@link IdiomaticConvnet}). No hand-tuned DJL version (no hand-written convolution
 * backward pass) and no plain-Java reference. One operation is one epoch (45 steps of 32 images).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Dai.djl.offline=true", "-Xmx2g"})
public class ConvnetBenchmark {

    /** The workload's name in the results, as {@link TrainingBenchmark}'s parameter. */
    @Param({"W4"})
    public String workload;

    private float[][][][] x;
    private float[] y;
    private Sequential model;
    private FitOptions tenEpochs;
    private IdiomaticConvnet idiomatic;

    @Setup(Level.Trial)
    public void setUp() {
        var data = Convnet.data();
        x = data.trainImages();
        y = data.trainY();
        model = Convnet.dslModel();
        tenEpochs = new FitOptions().epochs(TrainingBenchmark.EPOCHS_PER_FIT).batchSize(Convnet.BATCH).shuffle(true)
                .verbose(0);
        idiomatic = new IdiomaticConvnet();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
        idiomatic.close();
    }

    /** The DSL: {@code model.fit(x, y, epochs=10, batch_size=32)}, counted as 10 operations (epochs). */
    @Benchmark
    @OperationsPerInvocation(TrainingBenchmark.EPOCHS_PER_FIT)
    public double dsl() {
        return model.fit(x, y, tenEpochs).last("loss");
    }

    /** Raw DJL, idiomatic: SequentialBlock + Trainer + EasyTrain.fit + ArrayDataset. */
    @Benchmark
    public void idiomaticDjl() {
        idiomatic.epoch();
    }
}
