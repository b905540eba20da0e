package io.github.kerasdjl.tensorboard;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * A TensorBoard event file: {@code events.out.tfevents.<seconds>.<host>.<pid>.<n>.v2} in a folder, a sequence of
 * TFRecords (little-endian uint64 length, masked CRC32C of those 8 bytes, the data, masked CRC32C of the data), each
 * record one serialized {@code tensorflow.Event}. The first event says {@code file_version: "brain.Event:2"}; then
 * summaries, written with the fields TensorBoard has read since TensorFlow 1 and still reads (its
 * {@code data_compat} turns them into the scalars, histograms and images plugins' data):
 *
 * <ul>
 *   <li>{@code Event}: wall_time 1 (double, seconds), step 2 (int64), file_version 3 (string), summary 5;</li>
 *   <li>{@code Summary}: value 1 (repeated); {@code Summary.Value}: tag 1, simple_value 2 (float), image 4,
 *       histo 5;</li>
 *   <li>{@code Summary.Image}: height 1, width 2, colorspace 3 (3 = RGB), encoded_image_string 4 (PNG);</li>
 *   <li>{@code HistogramProto}: min 1, max 2, num 3, sum 4, sum_squares 5 (doubles), bucket_limit 6 and bucket 7
 *       (packed doubles; bucket i counts the values up to bucket_limit i).</li>
 * </ul>
 *
 * Records are buffered and reach the file at {@link #flush()}; a crash loses at most the records since the last flush,
 * and what is in the file reads whole.
 */
public final class EventFileWriter implements AutoCloseable {

    /** TFRecord's CRC mask constant (tensorflow/core/lib/hash/crc32c.h). */
    static final int MASK_DELTA = 0xa282ead8;
    /** Buckets of a histogram, as tf.summary.histogram's default. */
    static final int HISTOGRAM_BUCKETS = 30;

    private static final AtomicInteger FILES = new AtomicInteger();

    private final Path file;
    private final OutputStream out;

    /** Creates a new event file in {@code dir} (made if missing) and writes the file-version event. */
    public EventFileWriter(Path dir) {
        double now = System.currentTimeMillis() / 1000.0;
        String name = "events.out.tfevents." + (long) now + "." + host() + "." + ProcessHandle.current().pid() + "."
                + FILES.incrementAndGet() + ".v2";
        this.file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the TensorBoard event file '" + file + "': " + e, e);
        }
        write(versionEvent(now));
        flush();
    }

    private static String host() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.isEmpty() ? "localhost" : h.replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The file written. */
    public Path file() {
        return file;
    }

    /** A scalar summary {@code tag} = {@code value} at {@code step}. */
    public void scalar(String tag, long step, double value) {
        write(event(now(), step, scalarValue(tag, value)));
    }

    /**
     * A histogram of {@code values} at {@code step}: 30 buckets of equal width from the smallest value to the largest
     * (as tf.summary.histogram makes them); all values equal give one full bucket.
     */
    public void histogram(String tag, long step, float[] values) {
        write(event(now(), step, histogramValue(tag, values)));
    }

    /** An image summary: a PNG of {@code width} x {@code height} RGB pixels. */
    public void image(String tag, long step, byte[] png, int width, int height) {
        write(event(now(), step, imageValue(tag, png, width, height)));
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    // ------------------------------------------------------------------ encoding (package-private for the tests)

    /** The first event of a file: wall time and {@code file_version: "brain.Event:2"}. */
    static byte[] versionEvent(double wallTime) {
        return new Protobuf().float64(1, wallTime).string(3, "brain.Event:2").toByteArray();
    }

    /** An Event of one summary value. */
    static byte[] event(double wallTime, long step, Protobuf value) {
        Protobuf summary = new Protobuf().message(1, value);
        return new Protobuf().float64(1, wallTime).int64(2, step).message(5, summary).toByteArray();
    }

    /** Summary.Value {tag, simple_value} (simple_value is float32 in the format). */
    static Protobuf scalarValue(String tag, double value) {
        return new Protobuf().string(1, tag).float32Always(2, (float) value);
    }

    /** Summary.Value {tag, histo}. */
    static Protobuf histogramValue(String tag, float[] values) {
        return new Protobuf().string(1, tag).message(5, histogramProto(values));
    }

    /** Summary.Value {tag, image {height, width, colorspace 3 (RGB), encoded_image_string}}. */
    static Protobuf imageValue(String tag, byte[] png, int width, int height) {
        Protobuf image = new Protobuf().int64(1, height).int64(2, width).int64(3, 3).bytes(4, png);
        return new Protobuf().string(1, tag).message(4, image);
    }

    static Protobuf histogramProto(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            squares += (double) v * v;
        }
        double[] limits = new double[HISTOGRAM_BUCKETS];
        double[] counts = new double[HISTOGRAM_BUCKETS];
        if (values.length == 0) {
            min = 0;
            max = 0;
        } else if (min == max) {
            java.util.Arrays.fill(limits, max);
            counts[HISTOGRAM_BUCKETS - 1] = values.length;
        } else {
            double width = (max - min) / HISTOGRAM_BUCKETS;
            for (int i = 0; i < HISTOGRAM_BUCKETS; i++) {
                limits[i] = i == HISTOGRAM_BUCKETS - 1 ? max : min + width * (i + 1);
            }
            for (float v : values) {
                counts[Math.min(HISTOGRAM_BUCKETS - 1, (int) ((v - min) / width))]++;
            }
        }
        return new Protobuf().float64(1, min).float64(2, max).float64(3, values.length).float64(4, sum)
                .float64(5, squares).packedDoubles(6, limits).packedDoubles(7, counts);
    }

    /** One TFRecord: length (uint64), its masked CRC, the data, the data's masked CRC, all little-endian. */
    static byte[] record(byte[] data) {
        byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        return ByteBuffer.allocate(data.length + 16).put(length).put(maskedCrc(length)).put(data)
                .put(maskedCrc(data)).array();
    }

    private void write(byte[] event) {
        try {
            out.write(record(event));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the TensorBoard event file '" + file + "': " + e, e);
        }
    }

    /** TFRecord's masked CRC32C, little-endian: {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8}. */
    static byte[] maskedCrc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length);
        int c = (int) crc.getValue();
        int masked = ((c >>> 15) | (c << 17)) + MASK_DELTA;
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(masked).array();
    }

    /** Puts every record written so far into the file. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the TensorBoard event file '" + file + "': " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the TensorBoard event file '" + file + "': " + e, e);
        }
    }
}
