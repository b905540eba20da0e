package io.github.kerasdjl.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras' CSVLogger (keras/src/callbacks/csv_logger.py): one row per epoch in a CSV file, in Keras' format. The
 * columns are {@code epoch} (counting from 0) and the first epoch's log keys sorted by name; when those hold no
 * {@code val_} key, the {@code val_} form of every key is added (written {@code NA}, as Keras). Values are written as
 * Python writes a float ({@code 0.6505894064903259}, {@code 1e-05}, {@code nan}) of the value as float32, which is how
 * Keras' metrics hold them; lines end in {@code \r\n} (Python's csv dialect "excel"). With {@code append} the rows
 * go after those of the file, with a header only when the file is empty. Each row is one write of a whole line,
 * flushed when its epoch ends; a line left incomplete by a crash is cut off before appending, so that it cannot spoil
 * the next row.
 */
public final class CSVLogger implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(CSVLogger.class);

    private final Path file;
    private final String separator;
    private final boolean append;
    private List<String> keys;
    private boolean writeHeader;

    /** Writes (overwrites) {@code filename} with separator {@code ,}. */
    public CSVLogger(String filename) {
        this(filename, ",", false);
    }

    /**
     * @param filename the CSV file; its folder must exist and be writable
     * @param separator one character between fields (Python's csv module takes no more)
     * @param append add the rows to an existing file instead of overwriting it
     */
    public CSVLogger(String filename, String separator, boolean append) {
        if (filename == null || filename.isBlank()) {
            throw new IllegalArgumentException("Invalid value for argument `filename`: " + (filename == null ? "null"
                    : "'" + filename + "'") + ". Expected a file name such as 'training.log'.");
        }
        if (separator == null || separator.length() != 1 || "\"\r\n".contains(separator)) {
            throw new IllegalArgumentException("Invalid value for argument `separator`: " + (separator == null
                    ? "null" : "'" + separator.replace("\n", "\\n").replace("\r", "\\r") + "'")
                    + ". Expected one character other than a quote or a line break, such as ',' or ';'.");
        }
        this.file = Path.of(filename);
        this.separator = separator;
        this.append = append;
    }

    /** The folder must exist and be writable (and the file, when it exists): found before anything trains. */
    @Override
    public void checkLogKeys(Set<String> epochLogKeys) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Invalid value for argument `filename`: '" + file + "'. Its folder "
                    + folder + " does not exist (CSVLogger does not create folders).");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException("Invalid value for argument `filename`: '" + file + "'. Its folder "
                    + folder + " cannot be written.");
        }
        if (Files.exists(file) && (!Files.isRegularFile(file) || !Files.isWritable(file))) {
            throw new IllegalArgumentException("Invalid value for argument `filename`: '" + file
                    + "'. It exists and is not a file that can be written.");
        }
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        checkLogKeys(Set.of());
        keys = null;
        try {
            if (append && Files.exists(file)) {
                writeHeader = cutIncompleteLine() == 0;
            } else {
                Files.write(file, new byte[0]);
                writeHeader = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Cuts the file after its last line break (a crash's incomplete row); returns the file's length. */
    private long cutIncompleteLine() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                ch.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                LOG.warn("{} ended in an incomplete line ({} bytes, from a run that did not finish): it is cut off"
                        + " before appending.", file, size - end);
                ch.truncate(end);
                ch.force(true);
            }
            return end;
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        StringBuilder text = new StringBuilder();
        if (keys == null) {
            keys = new ArrayList<>(new java.util.TreeSet<>(logs.keySet()));
            if (!keys.isEmpty() && keys.stream().noneMatch(k -> k.startsWith("val_"))) {
                for (String k : List.copyOf(keys)) {
                    keys.add("val_" + k);
                }
            }
            if (writeHeader) {
                List<String> header = new ArrayList<>();
                header.add("epoch");
                header.addAll(keys);
                text.append(line(header));
            }
        }
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(epoch));
        for (String k : keys) {
            Double v = logs.get(k);
            row.add(v == null ? "NA" : PythonFloats.repr((float) (double) v));
        }
        text.append(line(row));
        try {
            Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(separator);
            }
            String f = fields.get(i);
            if (f.contains(separator) || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                f = "\"" + f.replace("\"", "\"\"") + "\"";
            }
            b.append(f);
        }
        return b.append("\r\n").toString();
    }

    /** The file written. */
    public Path file() {
        return file;
    }
}
