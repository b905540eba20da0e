package io.github.kerasdjl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.training.FitOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * verbose=1's per-step progress bar against Keras 3.15's: {@code src/test/resources/fixtures/progbar.txt}, made by
 * {@code tools/keras/progbar_fixture.py}, holds what Keras' ProgbarLogger printed when driven as fit drives it with
 * a clock the script set; the same hooks, times and logs here must print the same text, character for character
 * (escape codes, backspaces, carriage returns, padding included). Without a terminal the lines are the same but plain
 * and sparse.
 */
class ProgressLoggerTest {

    private static final double NAN = Double.NaN;

    /** The hooks of one epoch: begin time, (time, logs) per step, end time and logs. */
    record Epoch(double begin, double[] times, List<Map<String, Double>> logs, double end, Map<String, Double> last) {
    }

    private static Map<String, Double> logs(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    /** The cases of tools/keras/progbar_fixture.py, with the same numbers (the same double arithmetic). */
    private static List<Epoch> twoEpochs() {
        return List.of(
                new Epoch(0.0, new double[] {2000.0, 2000.03, 2070.0, 2100.0, 2100.4},
                        List.of(logs("loss", 10.12345, "accuracy", 0.5), logs("loss", 9.0, "accuracy", 0.5),
                                logs("loss", 0.6931, "accuracy", 0.000123), logs("loss", 0.5, "accuracy", 0.75),
                                logs("loss", 0.49, "accuracy", 0.8)),
                        2100.5, logs("loss", 0.49, "accuracy", 0.8, "val_loss", 0.51, "val_accuracy", 0.6)),
                new Epoch(2101.0, new double[] {2101.0005, 2101.001, 2101.2, 2161.5, 2161.6},
                        List.of(logs("loss", 0.4, "accuracy", 0.8), logs("loss", 0.4, "accuracy", 0.8),
                                logs("loss", 0.39, "accuracy", 0.9), logs("loss", NAN, "accuracy", 0.9),
                                logs("loss", NAN, "accuracy", 0.9)),
                        2161.7, logs("loss", NAN, "accuracy", 0.9, "val_loss", NAN, "val_accuracy", 0.6)));
    }

    private static List<Epoch> oneEpochTwelveSteps() {
        double[] times = new double[12];
        List<Map<String, Double>> l = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            times[s] = 6.1 + 0.1 * s;
            l.add(logs("loss", 1.0 / (s + 1)));
        }
        return List.of(new Epoch(5.0, times, l, 7.25, logs("loss", 1.0 / 12)));
    }

    /** Drives a logger as Trainer.fit does, with the clock at each hook's time. */
    private static String drive(boolean terminal, int steps, List<Epoch> epochs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double[] now = {0};
        ProgressLogger p = new ProgressLogger(1, new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal,
                () -> now[0]);
        p.onTrainBegin(null, epochs.size(), steps);
        for (int e = 0; e < epochs.size(); e++) {
            Epoch ep = epochs.get(e);
            now[0] = ep.begin();
            p.onEpochBegin(e);
            for (int s = 0; s < ep.times().length; s++) {
                now[0] = ep.times()[s];
                p.onBatchBegin(s);
                p.onBatchEnd(s, ep.logs().get(s));
            }
            now[0] = ep.end();
            p.onEpochEnd(e, ep.last());
        }
        p.onTrainEnd(epochs.get(epochs.size() - 1).last());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> fixture() {
        Map<String, String> printed = new LinkedHashMap<>();
        try (InputStream in = ProgressLoggerTest.class.getResourceAsStream("/fixtures/progbar.txt")) {
            String name = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("case ")) {
                    name = line.substring(5);
                } else if (line.startsWith("printed ")) {
                    printed.put(name, json(line.substring(8)));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return printed;
    }

    /** A JSON string literal as Python's json.dumps writes it. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    private static String plain(String keras) {
        return keras.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void onATerminalItPrintsWhatKerasPrints() {
        Map<String, String> keras = fixture();
        assertEquals(keras.get("two_epochs"), drive(true, 5, twoEpochs()));
        assertEquals(keras.get("one_epoch_twelve_steps"), drive(true, 12, oneEpochTwelveSteps()));
    }

    /**
     * Without a terminal: no escape codes, backspaces or carriage returns; each epoch's Epoch line and final line as
     * Keras', and a line within an epoch only every 30 s (here: the step 30 s after the epoch began, then the one 30 s
     * later).
     */
    @Test
    void withoutATerminalItPrintsPlainSparseLines() {
        String s = drive(false, 5, twoEpochs());
        assertFalse(s.contains("\u001b") || s.contains("\r") || s.contains("\b"), s);
        List<String> lines = s.lines().toList();
        // Keras' final line of each epoch, as it printed it, without its escape codes
        String[] keras = plain(fixture().get("two_epochs")).split("\n");
        String last0 = keras[1].substring(keras[1].lastIndexOf('\r') + 1);
        String last1 = keras[3].substring(keras[3].lastIndexOf('\r') + 1);
        assertEquals(List.of("Epoch 1/2", lines.get(1), lines.get(2), lines.get(3), last0, "Epoch 2/2", lines.get(6),
                last1), lines, s);
        assertTrue(lines.get(1).startsWith("1/5 ━━━━━━━━━━━━━━━━━━━━ 2:13:20 2000s/step - loss: 10.1235"), s);
        assertTrue(lines.get(2).startsWith("3/5 "), s);
        assertTrue(lines.get(3).startsWith("4/5 "), s);
        assertTrue(lines.get(6).startsWith("4/5 ") && lines.get(6).contains("loss: nan"), s);
    }

    /** Long runs without a terminal: about ten epochs of the run show (first, every tenth, last), two lines each. */
    @Test
    void withoutATerminalALongRunPrintsAboutTenEpochs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLogger p = new ProgressLogger(1, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.onTrainBegin(null, 5000, 2);
        for (int e = 0; e < 5000; e++) {
            p.onEpochBegin(e);
            p.onBatchEnd(0, logs("loss", 1.0));
            p.onBatchEnd(1, logs("loss", 0.5));
            p.onEpochEnd(e, logs("loss", 0.5));
        }
        p.onTrainEnd(logs("loss", 0.5));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.size() >= 20 && lines.size() <= 24, lines.size() + " lines");
        assertEquals("Epoch 1/5000", lines.get(0));
        assertEquals("Epoch 5000/5000", lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).startsWith("2/2 ━━━━━━━━━━━━━━━━━━━━ "), lines.toString());
    }

    /** In a real fit, verbose=1 shows the steps of each epoch and its validation values. */
    @Test
    void aFitWithVerboseOneShowsStepsAndValidation() {
        Dataset d = Playground.gauss(40, 0, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (Sequential model = new Sequential().seed(1).add(new Dense(2, "tanh", 2)).add(new Dense(1, "sigmoid"))
                .compile("sgd", "binary_crossentropy", "accuracy")) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            model.fit(d.x(), d.y(), new FitOptions().epochs(2).batchSize(8).validationSplit(0.25).verbose(1));
        } finally {
            System.setOut(original);
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("Epoch 1/2") && s.contains("Epoch 2/2"), s);
        assertTrue(s.contains("4/4 ━━━━━━━━━━━━━━━━━━━━"), s); // 30 training rows in batches of 8
        assertTrue(s.contains("/step - loss: ") && s.contains(" - val_accuracy: "), s);
    }
}
