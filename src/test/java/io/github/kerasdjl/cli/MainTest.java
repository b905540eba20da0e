package io.github.kerasdjl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private static final java.nio.file.Path PICTURES = createTempDir();

    private static java.nio.file.Path createTempDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("keras-djl-main-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The pictures the runs wrote, and their folder, are removed afterwards. */
    @org.junit.jupiter.api.AfterAll
    static void removePictures() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(PICTURES)) {
            for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    private static final class Run {
        final Main main;
        final int code;
        final String out;
        final String err;

        Run(String... args) {
            if (args.length == 0 || !args[0].equals("compare") && !args[0].equals("predict")
                    && !args[0].startsWith("--help") && !args[0].equals("--version")) {
                String[] withDir = java.util.Arrays.copyOf(args, args.length + 2);
                withDir[args.length] = "--output-dir";
                withDir[args.length + 1] = PICTURES.toString();
                args = withDir;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            main = new Main(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            StringWriter errors = new StringWriter();
            code = Main.commandLine(main).setErr(new PrintWriter(errors)).execute(args);
            out = bytes.toString(StandardCharsets.UTF_8);
            err = errors.toString();
        }
    }

    /** Every optimizer Keras names trains from the CLI with the given rate and Keras' other defaults. */
    @Test
    void everyOptimizerByName() {
        for (String[] o : new String[][] {{"adamw", "AdamW(learning_rate=0.01, beta_1=0.9, beta_2=0.999,"
                + " epsilon=1.0E-7, weight_decay=0.004)"}, {"adamax", "Adamax(learning_rate=0.01,"},
                {"nadam", "Nadam(learning_rate=0.01,"}, {"rmsprop", "RMSprop(learning_rate=0.01, rho=0.9"},
                {"adagrad", "Adagrad(learning_rate=0.01, initial_accumulator_value=0.1"}}) {
            Run r = new Run("--optimizer", o[0], "--learning-rate", "0.01", "--epochs", "2", "--samples", "40");
            assertEquals(0, r.code, r.err);
            assertTrue(r.out.contains("Training: 2 epochs, batch size 10, " + o[1]), r.out);
        }
    }

    /**
     * The seed program on Playground's spiral. The default run is 5000 epochs (about two minutes here); 600 epochs
     * of the same program already pass 0.90 test accuracy with the default seed, and the test checks that.
     */
    @Test
    void spiralReachesNinetyPercentTestAccuracy() throws java.io.IOException {
        Run r = new Run("--epochs", "600", "--print-every", "200");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Data: spiral (classification), 500 points (noise 0.00), 400 for training, 100 for"
                + " testing"), r.out);
        assertTrue(r.out.contains("Total params: 177"), r.out);
        assertTrue(r.out.contains("Epoch   200/600 - loss: "), r.out);
        assertTrue(r.out.matches("(?s).*Epoch   200/600 - loss: [^\\n]* - elapsed [^\\n]* - ETA .*"), r.out);
        assertTrue(r.out.contains("Test:  loss"), r.out);
        assertTrue(r.out.contains("Wall time: "), r.out);
        assertTrue(r.out.contains("Decision boundary: " + PICTURES.resolve("decision_boundary.png").toAbsolutePath()),
                r.out);
        assertTrue(r.out.contains("Loss curve: " + PICTURES.resolve("loss.png").toAbsolutePath()), r.out);
        assertTrue(java.nio.file.Files.size(PICTURES.resolve("decision_boundary.png")) > 1000);
        assertTrue(java.nio.file.Files.size(PICTURES.resolve("loss.png")) > 1000);
        double test = r.main.result().test().get("accuracy");
        assertTrue(test >= 0.90, "test accuracy " + test);
    }

    @Test
    void otherDataSetsAndKnobs() {
        Run r = new Run("--dataset", "xor", "--epochs", "40", "--layers", "3", "--activation", "tanh",
                "--lr", "0.1", "--batch-size", "20", "--noise", "0.1", "--print-every", "1000");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Data: xor (classification)"), r.out);
        assertTrue(r.out.contains("Total params: 13"), r.out); // 2*3+3 + 3+1
        assertTrue(r.out.contains("Epoch    40/40"), r.out);
    }

    @Test
    void regressionWithFeatureCrossesAndRegularization() {
        Run r = new Run("--dataset", "plane", "--epochs", "30", "--layers", "4", "--activation", "tanh",
                "--features", "x1,x2,x1*x2", "--regularization", "l2", "--regularization-rate", "0.001",
                "--lr", "0.01", "--samples", "200", "--print-every", "10");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Data: plane (regression), 200 points"), r.out);
        assertTrue(r.out.contains("Features: x1, x2, x1*x2"), r.out);
        assertTrue(r.out.contains("Total params: 21"), r.out); // 3*4+4 + 4+1
        assertTrue(r.out.contains("regularization l2 0.001"), r.out);
        assertTrue(!r.out.contains("accuracy"), "no accuracy for regression: " + r.out);
        java.util.List<Double> loss = r.main.result().history().get("loss");
        assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "the loss falls: " + loss);
        r = new Run("--dataset", "multi-gaussian", "--features", "x1,x3", "--epochs", "1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("'x3'"), r.err);
        r = new Run("--regularization", "l5", "--epochs", "1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("'l5'"), r.err);
    }

    @Test
    void dataParallelOverADeviceList() {
        Run r = new Run("--device", "cpu:0,cpu:1", "--epochs", "5", "--samples", "100", "--print-every", "5");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Device: cpu, cpu (data parallel, 2 replicas)"), r.out);
        r = new Run("--device", "cpu,gpu:7", "--epochs", "1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("`device`"), r.err);
    }

    @Test
    void helpListsTheOptions() {
        Run r = new Run("--help");
        assertEquals(0, r.code);
        for (String option : new String[] {"--dataset", "--epochs", "--learning-rate", "--batch-size",
                "--activation", "--layers", "--noise", "--seed", "--device", "--features", "--regularization",
                "--regularization-rate", "--train-ratio", "--output-dir"}) {
            assertTrue(r.out.contains(option), option + " missing from help: " + r.out);
        }
    }

    @Test
    void badArgumentsAreClearErrors() {
        Run r = new Run("--dataset", "spirals");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("Did you mean 'spiral'?"), r.err);
        r = new Run("--activation", "rlu", "--epochs", "1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("'rlu'"), r.err);
        r = new Run("--epochs", "many");
        assertTrue(r.code != 0);
    }

    @Test
    void compareTrainsBothWaysAndPrintsTheTable() {
        Run r = new Run("compare", "--epochs", "10", "--samples", "100", "--activation", "tanh");
        assertEquals(0, r.code, r.err);
        for (String row : new String[] {"DSL (DJL)", "reference (plain Java)", "final loss", "accuracy",
                "time per step", "max weight difference", "steps"}) {
            assertTrue(r.out.contains(row), row + " missing: " + r.out);
        }
        assertTrue(r.out.contains("hand-written backward pass"), r.out);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("max weight difference\\s+(\\S+)").matcher(r.out);
        assertTrue(m.find(), r.out);
        assertTrue(Double.parseDouble(m.group(1)) < 1e-5, r.out);
        assertTrue(r.out.matches("(?s).*steps\\s+100\\s+100.*"), "10 epochs of 10 batches: " + r.out);
    }

    @Test
    void compareRejectsBadArguments() {
        Run r = new Run("compare", "--epochs", "0");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("`--epochs`: 0"), r.err);
        r = new Run("compare", "--momentum", "2", "--epochs", "1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("`momentum`: 2.0"), r.err);
    }

    /** Every CLI error is one line and a non-zero exit, found before any training. */
    @Test
    void errorsAreOneLineAndComeBeforeTraining() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("keras-djl-not-a-dir", ".txt");
        try {
            String[][] cases = {
                {"--epochs", "0"},
                {"--bogus"},
                {"--train-ratio", "1.5"},
                {"--epochs", "notanumber"},
                {"--dataset", "spirals"},
            };
            for (String[] args : cases) {
                Run r = new Run(args);
                assertEquals(2, r.code, String.join(" ", args) + ": " + r.err);
                assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
                assertTrue(r.err.startsWith("error: "), r.err);
                assertTrue(!r.out.contains("Epoch"), "no training: " + r.out);
            }
            // The picture folder is checked before the minute of training, not after it.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StringWriter errors = new StringWriter();
            int code = Main.commandLine(new Main(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                    .setErr(new PrintWriter(errors)).execute("--output-dir", file.toString());
            assertEquals(2, code);
            assertTrue(errors.toString().contains("`--output-dir`: " + file + ". It cannot be written: a file of that"
                    + " name is in the way."), errors.toString());
            assertTrue(!bytes.toString(StandardCharsets.UTF_8).contains("Epoch"), "no training");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void versionNamesTheProjectDjlAndPytorch() {
        Run r = new Run("--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.matches("keras-djl \\S+, DJL 0\\.\\d+\\.\\d+, PyTorch \\d+\\.\\d+\\.\\d+\\s*"), r.out);
    }

    /** --save writes the trained model; predict loads it and gives the model's numbers for a CSV file's rows. */
    @Test
    void saveThenPredict() throws java.io.IOException {
        java.nio.file.Path model = PICTURES.resolve("xor.keras");
        Run train = new Run("--dataset", "xor", "--epochs", "30", "--print-every", "30", "--save", model.toString());
        assertEquals(0, train.code, train.err);
        assertTrue(train.out.contains("Model: " + model.toAbsolutePath()), train.out);
        java.nio.file.Path csv = java.nio.file.Files.writeString(PICTURES.resolve("in.csv"), "x1,x2\n0.5,-1\n2,3\n");
        Run p = new Run("predict", "--model", model.toString(), "--input", csv.toString());
        assertEquals(0, p.code, p.err);
        try (io.github.kerasdjl.Sequential loaded = io.github.kerasdjl.Keras.loadModel(model)) {
            float[][] expected = loaded.predict(new float[][] {{0.5f, -1}, {2, 3}});
            assertEquals(expected[0][0] + "\n" + expected[1][0] + "\n", p.out);
        }
        java.nio.file.Path out = PICTURES.resolve("out.csv");
        Run written = new Run("predict", "--model", model.toString(), "--input", csv.toString(), "--output",
                out.toString());
        assertEquals(0, written.code, written.err);
        assertEquals(p.out, java.nio.file.Files.readString(out));
        java.nio.file.Path bad = java.nio.file.Files.writeString(PICTURES.resolve("bad.csv"), "1,2\n3\n");
        java.nio.file.Path wide = java.nio.file.Files.writeString(PICTURES.resolve("wide.csv"), "1,2,3\n");
        String[][] cases = {
            {"predict", "--model", PICTURES.resolve("none.keras").toString(), "--input", csv.toString()},
            {"predict", "--model", model.toString(), "--input", bad.toString()},
            {"predict", "--model", model.toString(), "--input", wide.toString()},
            {"predict", "--model", model.toString()},
            {"--save", PICTURES.resolve("m.h5").toString()},
        };
        String[] says = {"does not exist", "line 2 has 1 values", "rows of 3 numbers, but the model takes 2",
            "Missing required option", "`--save`"};
        for (int i = 0; i < cases.length; i++) {
            Run r = new Run(cases[i]);
            assertEquals(2, r.code, r.err);
            assertTrue(r.err.contains(says[i]), r.err);
            assertEquals(1, r.err.strip().lines().count(), r.err);
        }
    }

    /** --resume backs up each epoch into a folder, and a run that completes leaves no backup behind. */
    @Test
    void resumeFolderIsUsedAndCleanedUp() throws java.io.IOException {
        java.nio.file.Path backups = PICTURES.resolve("backups");
        Run r = new Run("--dataset", "circle", "--epochs", "5", "--print-every", "5", "--resume", backups.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(java.nio.file.Files.isDirectory(backups));
        try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.list(backups)) {
            assertEquals(0, left.count(), "a completed run deletes its backup");
        }
    }
}
