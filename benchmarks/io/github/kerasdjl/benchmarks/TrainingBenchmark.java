package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.check.ReferenceModels;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.reference.ReferenceMlp;
import io.github.kerasdjl.training.FitOptions;
import java.util.Arrays;
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
 * W1, W2 and W3 trained four ways in the same run: the DSL, raw DJL the idiomatic way, raw DJL hand-tuned, and
 * the plain-Java hand-derived reference. One operation is one epoch of the workload ({@link Workload}); ratios
 * against {@code idiomaticDjl} go to {@code benchmarks/RESULTS.md} (see {@code benchmarks/run.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Dai.djl.offline=true", "-Xmx2g"})
public class TrainingBenchmark {

    @Param({"W1", "W2", "W3"})
    public Workload workload;

    private Dataset data;
    private Sequential model;
    private Sequential engineModel;
    static final int EPOCHS_PER_FIT = 10;

    private FitOptions tenEpochs;
    private IdiomaticDjl idiomatic;
    private HandTunedDjl handTuned;
    private ReferenceMlp reference;
    private double[][] x;
    private double[][] y;

    @Setup(Level.Trial)
    public void setUp() {
        data = workload.data();
        model = dslModel(workload);
        engineModel = dslModel(workload).hostStep(false);
        tenEpochs = new FitOptions().epochs(EPOCHS_PER_FIT).batchSize(workload.batch).shuffle(workload.shuffle)
                .verbose(0);
        idiomatic = new IdiomaticDjl(workload);
        handTuned = new HandTunedDjl(workload);
        reference = ReferenceModels.of(model);
        x = Precision.toDouble(data.x());
        y = Precision.toDouble(data.y());
    }

    /** The workload as a user writes it with the DSL (metrics as the seeds compile them). */
    static Sequential dslModel(Workload w) {
        return dslModel(MlpSpec.of(w));
    }

    /** A dense network as a user writes it with the DSL, compiled with the spec's metrics and built. */
    static Sequential dslModel(MlpSpec w) {
        Sequential model = new Sequential().seed(1);
        for (int i = 1; i < w.widths().length; i++) {
            boolean last = i == w.widths().length - 1;
            model.add(new Dense(w.widths()[i], last ? w.output() : w.hidden(), i == 1 ? w.widths()[0] : 0));
        }
        model.compile(new SGD(w.learningRate()), w.loss(), w.metrics());
        model.build(w.widths()[0]);
        return model;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
        engineModel.close();
        idiomatic.close();
        handTuned.close();
    }

    /**
     * The DSL: {@code model.fit(x, y, epochs=10, batch_size=...)}, counted as 10 operations (epochs). A user fits
     * all epochs in one call, and each call checks the data and copies it to the device once; ten epochs a call
     * still count that cost, as the other implementations keep their data on the device between epochs.
     */
    @Benchmark
    @OperationsPerInvocation(EPOCHS_PER_FIT)
    public double dsl() {
        return model.fit(data.x(), data.y(), tenEpochs).last("loss");
    }

    /**
     * The DSL with every step on the engine ({@code hostStep(false)}): what {@link #dsl} does where a step is too
     * large for the JVM (W2), and what it did on W1 and W3 before the host step.
     */
    @Benchmark
    @OperationsPerInvocation(EPOCHS_PER_FIT)
    public double dslEngineStep() {
        return engineModel.fit(data.x(), data.y(), tenEpochs).last("loss");
    }

    /** Raw DJL, idiomatic: SequentialBlock + Trainer + EasyTrain.fit + ArrayDataset. */
    @Benchmark
    public void idiomaticDjl() {
        idiomatic.epoch();
    }

    /** Raw DJL, hand-tuned. */
    @Benchmark
    public float handTunedDjl() {
        return handTuned.epoch();
    }

    /** The plain-Java hand-derived reference (double[]), in order. */
    @Benchmark
    public double reference() {
        for (int start = 0; start < x.length; start += workload.batch) {
            int end = Math.min(x.length, start + workload.batch);
            reference.sgdStep(Arrays.copyOfRange(x, start, end), Arrays.copyOfRange(y, start, end),
                    workload.learningRate);
        }
        return reference.weights().get(0)[0];
    }
}
