package io.github.kerasdjl.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while it saves leaves the previous file intact: a child JVM saves a model over and over to one
 * file, every weight set to the save's number (1, 2, 3, ...), and is killed at different moments; the file then
 * loads, and all its weights hold one number, the number of one complete save, never a mix of two.
 */
class KilledSaveTest {

    @TempDir
    Path dir;

    /** The child: saves version 1, 2, 3, ... of a model to args[0], printing each number once it is saved. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        if (args.length > 1) { // "once": a later run, which loads the file and saves it once
            try (Sequential model = Keras.loadModel(file)) {
                model.save(file);
            }
            return;
        }
        try (Sequential model = new Sequential().seed(1).add(new Dense(256, "relu", 128)).add(new Dense(256, "relu"))
                .add(new Dense(10, "softmax"))) {
            model.compile(new SGD(0.1), "categorical_crossentropy");
            model.build(128);
            for (int version = 1; ; version++) {
                List<float[]> w = model.getWeights();
                for (float[] a : w) {
                    java.util.Arrays.fill(a, version);
                }
                model.setWeights(w);
                model.save(file);
                System.out.println("saved " + version);
                System.out.flush();
            }
        }
    }

    @Test
    void aKilledSaveLeavesACompleteFile() throws Exception {
        Path file = dir.resolve("model.keras");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Set<Integer> seen = new HashSet<>();
        long[] delaysMillis = {0, 7, 23, 61, 137};
        for (long delay : delaysMillis) {
            Process child = new ProcessBuilder(javaBin.toString(), "-Dai.djl.offline=true",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", System.getProperty("java.class.path"),
                    KilledSaveTest.class.getName(), file.toString()).redirectErrorStream(true).start();
            int lastSaved = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                String line;
                while ((line = out.readLine()) != null && lastSaved < 2 && System.nanoTime() < deadline) {
                    if (line.startsWith("saved ")) {
                        lastSaved = Integer.parseInt(line.substring(6));
                    }
                }
                assertTrue(lastSaved >= 2, "the child saved twice before being killed");
                Thread.sleep(delay); // somewhere in a later save
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            try (Sequential loaded = Keras.loadModel(file)) {
                Set<Float> values = new HashSet<>();
                for (float[] w : loaded.getWeights()) {
                    for (float v : w) {
                        values.add(v);
                    }
                }
                assertEquals(1, values.size(), "one complete save, not a mix: " + values);
                int version = Math.round(values.iterator().next());
                assertTrue(version >= 2, "version " + version);
                seen.add(version);
            }
        }
        // The next run's save removes what the killed ones left half-written (their temporaries), and only that.
        Process later = new ProcessBuilder(javaBin.toString(), "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", System.getProperty("java.class.path"),
                KilledSaveTest.class.getName(), file.toString(), "once").inheritIO().start();
        assertTrue(later.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, later.exitValue());
        List<String> left = new ArrayList<>();
        try (var files = java.nio.file.Files.list(dir)) {
            files.forEach(f -> left.add(f.getFileName().toString()));
        }
        assertEquals(List.of("model.keras"), left);
    }
}
