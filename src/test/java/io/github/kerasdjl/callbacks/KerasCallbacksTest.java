package io.github.kerasdjl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The callbacks against real Keras 3.15: {@code src/test/resources/fixtures/callbacks.txt}, made by
 * {@code tools/keras/callback_fixtures.py}, trains 2 inputs -> Dense(3, tanh) -> Dense(1, sigmoid) (binary
 * cross-entropy, accuracy, SGD) from fixed starting weights on 11 fixed samples, batch size 4 (an uneven last
 * batch), shuffle off, with LearningRateScheduler, ReduceLROnPlateau, EarlyStopping (modes, baseline,
 * start_from_epoch, restore_best_weights) and CSVLogger. Each case here trains the same with this library and
 * compares: the epochs run exactly, every logged value per epoch within 5e-5 relative (losses and metrics; the
 * learning rates exactly, as float32), the final weights within 1e-4, the lines the callbacks printed exactly, and
 * the CSV file's text exactly after its numbers are read (each number within 5e-5 relative, written as Python writes
 * a float32).
 */
class KerasCallbacksTest {

    private static final double REL = 5e-5;
    private static final double WEIGHTS = 1e-4;

    @TempDir
    Path dir;

    /** One case of the fixture. */
    static final class Case {
        final String name;
        double lr;
        int epochs;
        boolean validation;
        List<Integer> epochsRun = new ArrayList<>();
        Map<String, double[]> logs = new LinkedHashMap<>();
        List<float[]> weights = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        List<String> csv = new ArrayList<>();

        Case(String name) {
            this.name = name;
        }
    }

    static final class Fixture {
        float[][] x;
        float[][] y;
        float[][] valX;
        float[][] valY;
        List<float[]> initial = new ArrayList<>();
        Map<String, Case> cases = new LinkedHashMap<>();
    }

    private static final Fixture FIXTURE = load();

    private static float[] floats(String[] parts, int from) {
        float[] v = new float[parts.length - from];
        for (int i = from; i < parts.length; i++) {
            v[i - from] = Float.parseFloat(parts[i]);
        }
        return v;
    }

    private static float[][] rows(float[] flat, int cols) {
        float[][] r = new float[flat.length / cols][cols];
        for (int i = 0; i < r.length; i++) {
            System.arraycopy(flat, i * cols, r[i], 0, cols);
        }
        return r;
    }

    private static Fixture load() {
        Fixture f = new Fixture();
        try (InputStream in = KerasCallbacksTest.class.getResourceAsStream("/fixtures/callbacks.txt")) {
            Case c = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] p = line.split(" ");
                String rest = line.substring(line.indexOf(' ') + 1);
                switch (p[0]) {
                    case "x" -> f.x = rows(floats(p, 1), 2);
                    case "y" -> f.y = rows(floats(p, 1), 1);
                    case "val_x" -> f.valX = rows(floats(p, 1), 2);
                    case "val_y" -> f.valY = rows(floats(p, 1), 1);
                    case "initial" -> f.initial.add(floats(p, 2));
                    case "case" -> {
                        c = new Case(p[1]);
                        for (int i = 2; i < p.length; i++) {
                            String[] kv = p[i].split("=");
                            switch (kv[0]) {
                                case "lr" -> c.lr = Double.parseDouble(kv[1]);
                                case "epochs" -> c.epochs = kv[1].contains("+") ? -1 : Integer.parseInt(kv[1]);
                                case "validation" -> c.validation = Boolean.parseBoolean(kv[1]);
                                default -> throw new IllegalStateException(line);
                            }
                        }
                        f.cases.put(c.name, c);
                    }
                    case "epochs" -> {
                        for (int i = 1; i < p.length; i++) {
                            c.epochsRun.add(Integer.parseInt(p[i]));
                        }
                    }
                    case "log" -> {
                        double[] v = new double[p.length - 2];
                        for (int i = 2; i < p.length; i++) {
                            v[i - 2] = Double.parseDouble(p[i]);
                        }
                        c.logs.put(p[1], v);
                    }
                    case "weights" -> c.weights.add(floats(p, 2));
                    case "printed" -> c.printed.add(rest);
                    case "warned" -> c.warned.add(rest);
                    case "csv" -> c.csv.add(rest.replace("\\r", "\r"));
                    default -> throw new IllegalStateException("unknown fixture line: " + line);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f;
    }

    private static Sequential model(double lr) {
        Sequential m = new Sequential().seed(1).add(new Dense(3, "tanh", 2)).add(new Dense(1, "sigmoid"));
        m.compile(new SGD(lr), "binary_crossentropy", "accuracy");
        m.build(2);
        m.setWeights(FIXTURE.initial);
        return m;
    }

    /** What a run gave: its history, final weights and printed lines. */
    record Run(io.github.kerasdjl.callbacks.History history, List<float[]> weights, List<String> printed) {
    }

    /** Trains a case with the callbacks {@code make} builds (given where they print). */
    private static Run run(Case c, Function<PrintStream, Callback[]> make) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Sequential m = model(c.lr)) {
            FitOptions o = new FitOptions().epochs(c.epochs).batchSize(4).shuffle(false).verbose(0)
                    .callbacks(make.apply(out));
            if (c.validation) {
                o.validationData(FIXTURE.valX, FIXTURE.valY);
            }
            io.github.kerasdjl.callbacks.History h = m.fit(FIXTURE.x, FIXTURE.y, o);
            List<String> printed = new ArrayList<>();
            for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    printed.add(line);
                }
            }
            return new Run(h, m.getWeights(), printed);
        }
    }

    private static void assertMatches(Case c, Run r) {
        assertEquals(c.epochsRun, r.history().epochs(), c.name + ": epochs run");
        assertEquals(new java.util.TreeSet<>(c.logs.keySet()), new java.util.TreeSet<>(r.history().keys()),
                c.name + ": logged keys");
        for (Map.Entry<String, double[]> e : c.logs.entrySet()) {
            List<Double> got = r.history().get(e.getKey());
            double[] want = e.getValue();
            assertEquals(want.length, got.size(), c.name + " " + e.getKey());
            for (int i = 0; i < want.length; i++) {
                if (e.getKey().equals("learning_rate")) {
                    assertEquals(want[i], got.get(i), 0.0, c.name + ": learning_rate at epoch " + i);
                } else {
                    assertEquals(want[i], got.get(i), REL * Math.max(1e-3, Math.abs(want[i])),
                            c.name + ": " + e.getKey() + " at epoch " + i);
                }
            }
        }
        for (int i = 0; i < c.weights.size(); i++) {
            float[] want = c.weights.get(i);
            float[] got = r.weights().get(i);
            for (int j = 0; j < want.length; j++) {
                assertEquals(want[j], got[j], WEIGHTS, c.name + ": weight " + i + "[" + j + "]");
            }
        }
        assertEquals(c.printed, r.printed(), c.name + ": printed lines");
    }

    private Case kase(String name) {
        Case c = FIXTURE.cases.get(name);
        assertTrue(c != null, name + " is not in the fixture");
        return c;
    }

    @Test
    void learningRateSchedulerSetsTheRateAndLogsIt() {
        LearningRateScheduler.Schedule halveAfterTwo = (epoch, lr) -> epoch < 2 ? lr : lr * 0.5;
        assertMatches(kase("scheduler"), run(kase("scheduler"),
                out -> new Callback[] {new LearningRateScheduler(halveAfterTwo, 1, out)}));
    }

    @Test
    void reduceLROnPlateauWithCooldownAndMinLr() {
        assertMatches(kase("plateau"), run(kase("plateau"),
                out -> new Callback[] {new ReduceLROnPlateau("val_loss", 0.5, 2, 1, "auto", 0.04, 1, 0.1, out)}));
    }

    /** Keras' defaults (val_loss, factor 0.1, patience 10, min_delta 1e-4), verbose 1. */
    @Test
    void reduceLROnPlateauWithKerasDefaults() {
        assertMatches(kase("plateau_defaults"), run(kase("plateau_defaults"), out -> new Callback[] {
            new ReduceLROnPlateau("val_loss", 0.1, 10, 1, "auto", 1e-4, 0, 0.0, out)}));
    }

    /** The facade's default ReduceLROnPlateau() is Keras' (its rates as in the case above). */
    @Test
    void reduceLROnPlateauWithTheDefaultConstructor() {
        Case c = kase("plateau_defaults");
        Run r = run(c, out -> new Callback[] {io.github.kerasdjl.Keras.ReduceLROnPlateau()});
        assertEquals(c.epochsRun, r.history().epochs());
        assertEquals(java.util.Arrays.stream(c.logs.get("learning_rate")).boxed().toList(),
                r.history().get("learning_rate"));
    }

    @Test
    void reduceLROnPlateauInModeMax() {
        assertMatches(kase("plateau_max"), run(kase("plateau_max"),
                out -> new Callback[] {new ReduceLROnPlateau("accuracy", 0.2, 1, 1, "max", 1e-4, 0, 0.0, out)}));
    }

    @Test
    void earlyStoppingInModeMin() {
        assertMatches(kase("stop_min"), run(kase("stop_min"), out -> new Callback[] {
            new EarlyStopping("val_loss", 0.01, 2, 1, "min", null, false, 0, out)}));
    }

    @Test
    void earlyStoppingInModeMaxRestoresTheBestWeights() {
        assertMatches(kase("stop_max"), run(kase("stop_max"), out -> new Callback[] {
            new EarlyStopping("val_accuracy", 0, 3, 1, "max", null, true, 0, out)}));
    }

    @Test
    void earlyStoppingInModeAutoMaximizesAccuracy() {
        assertMatches(kase("stop_auto_accuracy"), run(kase("stop_auto_accuracy"), out -> new Callback[] {
            new EarlyStopping("accuracy", 0, 2, 1, "auto", null, false, 0, out)}));
    }

    @Test
    void earlyStoppingWithABaseline() {
        assertMatches(kase("stop_baseline_learning"), run(kase("stop_baseline_learning"), out -> new Callback[] {
            new EarlyStopping("loss", 0, 3, 1, "auto", 0.5, true, 0, out)}));
        assertMatches(kase("stop_baseline"), run(kase("stop_baseline"), out -> new Callback[] {
            new EarlyStopping("loss", 0, 3, 1, "auto", 0.5, false, 0, out)}));
        assertMatches(kase("stop_baseline_met"), run(kase("stop_baseline_met"), out -> new Callback[] {
            new EarlyStopping("loss", 0, 3, 1, "auto", 0.7, false, 0, out)}));
    }

    @Test
    void earlyStoppingStartsFromAnEpoch() {
        assertMatches(kase("stop_start_from"), run(kase("stop_start_from"), out -> new Callback[] {
            new EarlyStopping("loss", 0.02, 1, 1, "auto", null, true, 4, out)}));
    }

    @Test
    void earlyStoppingOnAConstantLoss() {
        assertMatches(kase("stop_constant"), run(kase("stop_constant"), out -> new Callback[] {
            new EarlyStopping("loss", 0, 2, false)}));
    }

    /** Keras warns (here: once) and trains every epoch when the monitored key is missing. */
    @Test
    void earlyStoppingOnAMissingKeyWarnsOnceAndTrainsOn() {
        Case c = kase("stop_unknown_min");
        Run[] r = new Run[1];
        String err = Stderr.of(() -> r[0] = run(c, out -> new Callback[] {
            new EarlyStopping("val_loss", 0, 0, 0, "min", null, false, 0, out)}));
        assertMatches(c, r[0]);
        assertEquals(1, err.split("which is not available", -1).length - 1, err);
        // Keras' words; the keys are in this library's order of the logs (loss first; Keras lists the metrics first).
        String keras = c.warned.get(0);
        String words = keras.substring(0, keras.indexOf("Available metrics are: ") + 23);
        assertTrue(err.contains(words), err + " should hold Keras' warning: " + keras);
        String keys = err.substring(err.indexOf(words) + words.length()).lines().findFirst().orElseThrow();
        assertEquals(java.util.Set.of(keras.substring(words.length()).split(",")), java.util.Set.of(keys.split(",")),
                err);
    }

    private void assertCsv(Case c, Path file) throws IOException {
        String got = Files.readString(file, StandardCharsets.UTF_8);
        String want = String.join("\n", c.csv) + "\n";
        String[] g = got.split("\n", -1);
        String[] w = want.split("\n", -1);
        assertEquals(w.length, g.length, c.name + ": " + got);
        for (int i = 0; i < w.length; i++) {
            String[] gf = g[i].split("[,;]", -1);
            String[] wf = w[i].split("[,;]", -1);
            assertEquals(wf.length, gf.length, c.name + " line " + i + ": " + g[i]);
            for (int j = 0; j < wf.length; j++) {
                String wv = wf[j].replace("\r", "");
                String gv = gf[j].replace("\r", "");
                if (i > 0 && j > 0 && !wv.equals("NA")) {
                    double want1 = Double.parseDouble(wv);
                    assertEquals(want1, Double.parseDouble(gv), REL * Math.abs(want1), c.name + " line " + i);
                    // Written as Python writes the float32 of the value: the shortest digits of that double.
                    assertEquals(PythonFloats.repr((float) Double.parseDouble(gv)), gv);
                } else {
                    assertEquals(wv, gv, c.name + " line " + i);
                }
            }
            // the separators and line ends, byte for byte
            assertEquals(w[i].replaceAll("[^,;\r]", ""), g[i].replaceAll("[^,;\r]", ""), c.name + " line " + i);
        }
    }

    @Test
    void csvLoggerWritesKerasFile() throws IOException {
        Case c = kase("csv");
        Path file = dir.resolve("log.csv");
        assertMatches(c, run(c, out -> new Callback[] {new CSVLogger(file.toString())}));
        assertCsv(c, file);
    }

    @Test
    void csvLoggerWithoutValidationAddsValColumnsOfNa() throws IOException {
        Case c = kase("csv_no_validation");
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "an old file that is overwritten\n");
        assertMatches(c, run(c, out -> new Callback[] {new CSVLogger(file.toString(), ";", false)}));
        assertCsv(c, file);
    }

    @Test
    void csvLoggerRecordsTheSchedulersLearningRate() throws IOException {
        Case c = kase("csv_scheduler");
        Path file = dir.resolve("log.csv");
        assertMatches(c, run(c, out -> new Callback[] {
            new LearningRateScheduler((epoch, lr) -> epoch < 2 ? lr : lr * 0.5), new CSVLogger(file.toString())}));
        assertCsv(c, file);
    }

    /** Two fits appending to one file: one header; an incomplete line a crash left is cut off first. */
    @Test
    void csvLoggerAppends() throws IOException {
        Case c = kase("append");
        Path file = dir.resolve("log.csv");
        try (Sequential m = model(0.5)) {
            m.fit(FIXTURE.x, FIXTURE.y, new FitOptions().epochs(2).batchSize(4).shuffle(false).verbose(0)
                    .callbacks(new CSVLogger(file.toString(), ",", true)));
            Files.writeString(file, "2,0.81", java.nio.file.StandardOpenOption.APPEND); // a crash's half line
            String err = Stderr.of(() -> m.fit(FIXTURE.x, FIXTURE.y, new FitOptions().epochs(4).initialEpoch(2)
                    .batchSize(4).shuffle(false).verbose(0).callbacks(new CSVLogger(file.toString(), ",", true))));
            assertTrue(err.contains("incomplete line"), err);
        }
        assertCsv(c, file);
    }
}
