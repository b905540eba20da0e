package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Start-up of the main job: from the JVM's start (as the JVM records it) to the first prediction of the main
 * job's model (spiral data, 3x Dense(8, relu) + Dense(1, sigmoid), compiled, built, one predict), with the time to
 * the first engine array (DJL and libtorch loaded) on the way. Run in a fresh JVM by {@code benchmarks/run.sh}.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws IOException {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainEntered = System.currentTimeMillis();
        Dataset data = Playground.spiral(500, 0, 42).split(0.8, 42).train();
        long engineReady;
        float prediction;
        try (Sequential model = new Sequential().seed(42)) {
            model.add(new Dense(8, "relu", 2)).add(new Dense(8, "relu")).add(new Dense(8, "relu"))
                    .add(new Dense(1, "sigmoid"));
            model.compile(new SGD(0.05), "mse", "accuracy");
            model.build(2);
            engineReady = System.currentTimeMillis();
            prediction = model.predict(new float[][] {data.x()[0]})[0][0];
        }
        long firstPrediction = System.currentTimeMillis();
        String json = String.format(Locale.ROOT, "{\"jvm_to_main_ms\": %d, \"jvm_to_engine_ms\": %d,"
                + " \"jvm_to_first_prediction_ms\": %d, \"prediction\": %.4f}", mainEntered - jvmStart,
                engineReady - jvmStart, firstPrediction - jvmStart, prediction);
        System.out.println(json);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), json);
        }
    }
}
