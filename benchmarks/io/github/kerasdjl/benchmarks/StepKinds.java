package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.Sequential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Which training step the DSL's {@code fit} takes on each workload, as the library decides it
 * ({@link Sequential#trainsOnHost}, {@link Sequential#usesFastPath}): "host" (the hand-written step on JVM arrays),
 * "engine" (the hand-written step on libtorch arrays) or "autograd". Written as JSON for RESULTS.md, so that the
 * report says what ran rather than what was meant to.
 */
public final class StepKinds {

    private StepKinds() {
    }

    public static void main(String[] args) throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (Workload w : Workload.values()) {
            try (Sequential model = TrainingBenchmark.dslModel(w)) {
                json.append(String.format("\"%s\": {\"step\": \"%s\", \"batch\": %d}, ", w, kind(model, w.batch),
                        w.batch));
            }
        }
        try (Sequential convnet = Convnet.dslModel()) {
            convnet.build(new ai.djl.ndarray.types.Shape(8, 8, 1));
            json.append(String.format("\"W4\": {\"step\": \"%s\", \"batch\": %d}}", kind(convnet, Convnet.BATCH),
                    Convnet.BATCH));
        }
        Path target = Path.of(args[0]);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, json + "\n", StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(json);
    }

    private static String kind(Sequential model, int batch) {
        if (model.trainsOnHost(batch)) {
            return "host";
        }
        return model.usesFastPath() ? "engine" : "autograd";
    }
}
