package io.github.kerasdjl.datasets;

import io.github.kerasdjl.util.TemporaryFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Tables of numbers in CSV files: a user's own table with a header row and a label column ({@link #read(Path,
 * String)}), the rows of numbers that the CLI's {@code predict} reads ({@link #readNumbers}), and a table written
 * back ({@link #write}). Cells are separated by commas, blank lines are skipped, a cell may be quoted
 * ({@code "1.5"}, no line break inside), a UTF-8 byte order mark is ignored; a bad cell is an error naming its line
 * (1-based, as an editor counts) and column.
 */
public final class Csv {

    private Csv() {
    }

    // ------------------------------------------------------------------ a labelled table

    /**
     * A table with a header row: every column a number, {@code labelColumn} (a name of the header) the class of each
     * row (a whole number 0, 1, ...), the other columns the features, in their order.
     *
     * @throws IllegalArgumentException for a missing file, an empty file, a label column that the header does not
     *     name, a ragged row, a cell that is not a number (naming line and column) or a label that is not a class index
     */
    public static Table read(Path path, String labelColumn) {
        if (labelColumn == null || labelColumn.isBlank()) {
            throw new IllegalArgumentException("Invalid value for argument `label_column`: " + (labelColumn == null
                    ? "null" : "'" + labelColumn + "'") + ". Expected the name of a column of the header row.");
        }
        return read(path, labelColumn, -1);
    }

    /** {@link #read(Path, String)} with the label column by its index (0 for the first column). */
    public static Table read(Path path, int labelColumn) {
        if (labelColumn < 0) {
            throw new IllegalArgumentException("Invalid value for argument `label_column`: " + labelColumn
                    + ". Expected a column index >= 0.");
        }
        return read(path, null, labelColumn);
    }

    private static Table read(Path path, String labelName, int labelIndex) {
        List<String> lines = lines(path, "path");
        String source = path.toString();
        int headerLine = firstNonBlank(lines);
        if (headerLine < 0) {
            throw new IllegalArgumentException("Invalid value for argument `path`: " + source + " is empty."
                    + " Expected a header row naming the columns, then one row of numbers per sample.");
        }
        List<String> header = cells(lines.get(headerLine));
        int label = labelIndex;
        if (labelName != null) {
            label = header.indexOf(labelName.strip());
            if (label < 0) {
                throw new IllegalArgumentException("Invalid value for argument `label_column`: '" + labelName
                        + "' is not a column of " + source + ". Expected one of " + header + ".");
            }
        } else if (label >= header.size()) {
            throw new IllegalArgumentException("Invalid value for argument `label_column`: " + labelIndex + ". "
                    + source + " has " + header.size() + " columns " + header + ", so expected 0 to "
                    + (header.size() - 1) + ".");
        }
        if (header.size() < 2) {
            throw new IllegalArgumentException("Invalid value for argument `path`: " + source + " has "
                    + header.size() + " column. Expected at least one feature column besides the label.");
        }
        float[][] rows = numbers(lines, headerLine + 1, header.size(), source, "path");
        if (rows.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `path`: " + source + " has a header"
                    + " row but no rows of numbers. Expected one row per sample after the header.");
        }
        float[][] x = new float[rows.length][header.size() - 1];
        float[] y = new float[rows.length];
        int[] lineOf = dataLines(lines, headerLine + 1);
        for (int i = 0; i < rows.length; i++) {
            float v = rows[i][label];
            if (!(v >= 0 && v == Math.rint(v))) {
                throw new IllegalArgumentException("Invalid value for argument `path`: " + source + ", line "
                        + lineOf[i] + ", column " + (label + 1) + " ('" + header.get(label) + "'): " + v + " is not"
                        + " a class label. Expected a whole number 0, 1, 2, ... in the label column.");
            }
            y[i] = v;
            for (int j = 0, k = 0; j < header.size(); j++) {
                if (j != label) {
                    x[i][k++] = rows[i][j];
                }
            }
        }
        List<String> features = new ArrayList<>(header);
        features.remove(label);
        String name = path.getFileName().toString();
        return new Table(name, features, header.get(label), null, x, y, null);
    }

    // ------------------------------------------------------------------ rows of numbers (predict)

    /**
     * The rows of a CSV file of numbers, with an optional header line (a first line whose first cell is not a
     * number); a bad cell is an error naming its line and column. {@code argument} names the argument in the errors
     * (the CLI's {@code --input}).
     */
    public static float[][] readNumbers(Path file, String argument) {
        List<String> lines = lines(file, argument);
        int first = firstNonBlank(lines);
        int width = -1;
        if (first >= 0 && !looksNumeric(cells(lines.get(first)).get(0))) {
            width = cells(lines.get(first)).size(); // a header line
            first++;
        }
        float[][] rows = numbers(lines, Math.max(first, 0), width, file.toString(), argument);
        if (rows.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + file
                    + " has no rows of numbers.");
        }
        return rows;
    }

    private static boolean looksNumeric(String cell) {
        return cell.matches("[-+0-9.eEnaNIif]+");
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a table as CSV: a header row (the feature names, then the label column's name), then one row per
     * sample; written to a temporary file and moved over {@code path}. {@link #read(Path, String)} reads it back.
     */
    public static void write(Path path, Table table) {
        if (path == null || table == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + (path == null ? "path" : "table")
                    + "`: null.");
        }
        StringBuilder b = new StringBuilder();
        for (String f : table.featureNames()) {
            b.append(quote(f)).append(',');
        }
        b.append(quote(table.labelName())).append('\n');
        for (int i = 0; i < table.size(); i++) {
            for (float v : table.x()[i]) {
                b.append(v).append(',');
            }
            b.append((int) table.y()[i]).append('\n');
        }
        try {
            TemporaryFiles.writeAtomically(path, temp -> Files.writeString(temp, b, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the table to '" + path + "': " + e.getMessage(), e);
        }
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    // ------------------------------------------------------------------ shared

    /** The lines of a resource of this package (gzip-compressed when its name ends in .gz). */
    static List<String> resourceLines(String resource) {
        try (InputStream raw = Csv.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("The data set resource " + resource + " is missing from the jar.");
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file, String argument) {
        if (file == null) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: null. Expected a CSV"
                    + " file.");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + file
                    + " is not a file.");
        }
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
                lines.set(0, lines.get(0).substring(1)); // the byte order mark some spreadsheets write
            }
            return lines;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + file + " is not"
                    + " UTF-8 text. Expected a CSV file.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read '" + file + "': " + e.getMessage(), e);
        }
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** The 1-based line numbers of the non-blank lines from {@code from} on. */
    private static int[] dataLines(List<String> lines, int from) {
        int[] out = new int[lines.size()];
        int n = 0;
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out[n++] = i + 1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The non-blank lines from {@code from} on as numbers; every row as wide as {@code width} (or, when it is -1, as
     * the first row).
     */
    static float[][] numbers(List<String> lines, int from, int width, String source, String argument) {
        List<float[]> rows = new ArrayList<>();
        String widthFrom = width >= 0 ? "the header has " : null; // what set the width
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            if (width < 0) {
                width = cells.size();
                widthFrom = "line " + (i + 1) + ", the first row, has ";
            } else if (cells.size() != width) {
                throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + source
                        + ", line " + (i + 1) + " has " + cells.size() + " values; " + widthFrom + width
                        + ". Expected every row as wide.");
            }
            float[] row = new float[cells.size()];
            for (int j = 0; j < cells.size(); j++) {
                String cell = cells.get(j);
                try {
                    row[j] = Float.parseFloat(cell);
                } catch (NumberFormatException e) {
                    row[j] = Float.NaN;
                }
                if (Float.isNaN(row[j]) || Float.isInfinite(row[j]) || cell.isEmpty()) {
                    throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + source
                            + ", line " + (i + 1) + ", column " + (j + 1) + ": '" + cell + "' is not a"
                            + (cell.isEmpty() ? " number (the cell is empty)" : " finite number") + ".");
                }
            }
            rows.add(row);
        }
        return rows.toArray(new float[0][]);
    }

    /** The cells of one line, stripped, quotes removed. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }
}
