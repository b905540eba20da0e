package io.github.kerasdjl.cli;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Csv;
import io.github.kerasdjl.util.TemporaryFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code predict}: a saved model ({@code .keras}, by this library or by Keras 3) on the rows of a CSV file of numbers
 * (an optional header line), one prediction row per input row, printed or written to a CSV file.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loads a .keras model and prints (or writes) its predictions for the rows of a CSV file of"
                + " numbers, one row per input row.")
final class Predict implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Option(names = "--model", required = true, description = "the model: a .keras file")
    Path model;

    @Option(names = "--input", required = true, description = "a CSV file: one row of numbers per input, the"
            + " model's input width, an optional header line")
    Path input;

    @Option(names = "--output", description = "write the predictions to this CSV file instead of printing them")
    Path output;

    // datasets helper (issue 14): the statistics a table's model was trained with, applied to the raw rows.
    @Option(names = "--standardizer", description = "standardize the rows first with this JSON file (written by"
            + " Standardizer.save, or by the main job's --save on a table beside the model)")
    Path standardizer;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("Invalid value for argument `--input`: " + input + " is not a file.");
        }
        if (output != null) {
            Main.checkWritableDirectory("--output", output.toAbsolutePath().getParent());
        }
        io.github.kerasdjl.datasets.Standardizer scaler = null;
        if (standardizer != null) {
            try {
                scaler = io.github.kerasdjl.datasets.Standardizer.load(standardizer);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("`path`", "`--standardizer`"), e);
            }
        }
        float[][] x = read(input);
        if (scaler != null) {
            if (x[0].length != scaler.numFeatures()) {
                throw new IllegalArgumentException("Invalid value for argument `--input`: " + input + " has rows of "
                        + x[0].length + " numbers, but the standardizer " + standardizer + " takes "
                        + scaler.numFeatures() + ".");
            }
            x = scaler.transform(x);
        }
        try (Sequential m = Keras.loadModel(model)) {
            if (x[0].length != m.inputDim()) {
                throw new IllegalArgumentException("Invalid value for argument `--input`: " + input + " has rows of "
                        + x[0].length + " numbers, but the model takes " + m.inputDim() + ".");
            }
            float[][] p = m.predict(x);
            StringBuilder b = new StringBuilder();
            for (float[] row : p) {
                for (int j = 0; j < row.length; j++) {
                    b.append(j == 0 ? "" : ",").append(row[j]);
                }
                b.append('\n');
            }
            if (output == null) {
                parent.out.print(b);
            } else {
                TemporaryFiles.writeAtomically(output, temp -> Files.writeString(temp, b.toString(),
                        StandardCharsets.UTF_8));
                PrintStream out = parent.out;
                out.printf(Locale.ROOT, "%d predictions: %s%n", p.length, output.toAbsolutePath());
            }
        }
        return 0;
    }

    /** The rows of a CSV file of numbers (an optional header line); a bad cell is an error naming line and column. */
    static float[][] read(Path file) {
        return Csv.readNumbers(file, "--input");
    }
}
