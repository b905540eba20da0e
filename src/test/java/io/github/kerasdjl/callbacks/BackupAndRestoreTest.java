package io.github.kerasdjl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.Adam;
import io.github.kerasdjl.training.FitOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted fit started again with the same BackupAndRestore ends at the weights of an uninterrupted fit:
 * same seed, shuffling included (the shuffle generator's state is in the backup), Adam's state included.
 */
class BackupAndRestoreTest {

    private static final int EPOCHS = 12;
    private static final Dataset DATA = Playground.circle(120, 0.1, 2);

    @TempDir
    Path dir;

    /** The fit every run does: seed 5, Adam, shuffled batches of 8, twelve epochs. */
    static List<float[]> train(Path backup, Callback... more) {
        try (Sequential model = new Sequential().seed(5).add(new Dense(8, "tanh", 2)).add(new Dense(1, "sigmoid"))
                .compile(new Adam(0.02), "binary_crossentropy", "accuracy")) {
            List<Callback> callbacks = new ArrayList<>(List.of(more));
            callbacks.add(0, new BackupAndRestore(backup));
            model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(EPOCHS).batchSize(8).verbose(0)
                    .callbacks(callbacks.toArray(new Callback[0])));
            return model.getWeights();
        }
    }

    /** The child JVM: trains with a backup in args[0], printing each epoch; then prints its final weights. */
    public static void main(String[] args) {
        Callback print = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                System.out.println("epoch " + epoch);
                System.out.flush();
            }
        };
        List<float[]> w = train(Path.of(args[0]), print);
        for (float[] a : w) {
            StringBuilder b = new StringBuilder("weights");
            for (float v : a) {
                b.append(' ').append(v);
            }
            System.out.println(b);
        }
    }

    @Test
    void aFitStoppedByAnErrorResumesAndEndsWhereAnUninterruptedOneDoes() {
        List<float[]> reference = train(dir.resolve("reference"));
        Path backup = dir.resolve("backup");
        Callback crash = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                if (epoch == 4) {
                    throw new IllegalStateException("the machine went down");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> train(backup, crash));
        assertTrue(Files.exists(backup.resolve("backup.properties")), "the backup stays after a crash");
        BackupAndRestore[] seen = new BackupAndRestore[1];
        List<float[]> resumed;
        try (Sequential model = new Sequential().seed(5).add(new Dense(8, "tanh", 2)).add(new Dense(1, "sigmoid"))
                .compile(new Adam(0.02), "binary_crossentropy", "accuracy")) {
            seen[0] = new BackupAndRestore(backup);
            io.github.kerasdjl.callbacks.History h = model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(EPOCHS)
                    .batchSize(8).verbose(0).callbacks(seen[0]));
            assertEquals(EPOCHS - 5, h.get("loss").size(), "epochs 5 to 11 ran");
            resumed = model.getWeights();
        }
        assertEquals(5, seen[0].resumedAt());
        assertEquals(0.0, Precision.maxDifference(reference, resumed), "same weights as the uninterrupted fit");
        assertFalse(Files.exists(backup.resolve("backup.properties")), "a completed fit deletes its backup");
    }

    @Test
    void aKilledFitResumesAndEndsWhereAnUninterruptedOneDoes() throws Exception {
        List<float[]> reference = train(dir.resolve("reference"));
        Path backup = dir.resolve("backup");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(javaBin.toString(), "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", System.getProperty("java.class.path"),
                BackupAndRestoreTest.class.getName(), backup.toString());
        Process first = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("epoch 6")) {
                assertFalse(line.startsWith("weights"), "the first run finished before it was killed");
            }
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }
        Process second = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(second.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), String.join("\n", lines));
        assertFalse(lines.contains("epoch 0"), "the second run resumed: " + lines);
        assertTrue(lines.contains("epoch " + (EPOCHS - 1)), lines.toString());
        List<float[]> resumed = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("weights")) {
                String[] t = line.substring("weights ".length()).split(" ");
                float[] w = new float[t.length];
                for (int i = 0; i < t.length; i++) {
                    w[i] = Float.parseFloat(t[i]);
                }
                resumed.add(w);
            }
        }
        assertEquals(0.0, Precision.maxDifference(reference, resumed), "same weights as the uninterrupted fit");
    }

    @Test
    void badBackupFolders() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Throwable e = assertThrows(IllegalArgumentException.class, () -> new BackupAndRestore(file));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("backup.properties"), "hello=1\n");
        e = assertThrows(IllegalArgumentException.class, () -> train(broken));
        assertTrue(e.getMessage().contains("is not a backup of this library"), e.getMessage());
    }
}
