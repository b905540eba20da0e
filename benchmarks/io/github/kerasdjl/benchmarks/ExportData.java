package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.LabeledData;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes the workloads' training data for {@code benchmarks/keras_fit.py}, so that Keras trains on the very arrays
 * the JMH benchmarks use: for each workload {@code W<n>.x.f32} and {@code W<n>.y.f32}, raw little-endian float32 in
 * row-major order, and {@code shapes.json} with their shapes. W1-W3 from {@link Workload#data()}, W4 the digits
 * images (n, 8, 8, 1) and class indices (n); {@code sweep.x.f32}, {@code sweep.y.f32} the scaling sweep's data
 * ({@link SweepConfig#data()}) and {@code sweep-config.json} its constants and grid, for
 * {@code benchmarks/keras_sweep.py}. Argument: the folder.
 */
public final class ExportData {

    private ExportData() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{");
        for (Workload w : Workload.values()) {
            Dataset d = w.data();
            float[][] x = d.x();
            float[][] y = d.y();
            write(dir.resolve(w + ".x.f32"), flat(x));
            write(dir.resolve(w + ".y.f32"), flat(y));
            json.append(String.format("\"%s\": {\"x\": [%d, %d], \"y\": [%d, %d]}, ", w, x.length, x[0].length,
                    y.length, y[0].length));
        }
        LabeledData digits = Convnet.data();
        float[][][][] images = digits.trainImages();
        float[] labels = digits.trainY();
        int n = images.length;
        int h = images[0].length;
        int wd = images[0][0].length;
        int c = images[0][0][0].length;
        float[] flat = Convnet.flatImages(images);
        write(dir.resolve("W4.x.f32"), flat);
        write(dir.resolve("W4.y.f32"), labels);
        json.append(String.format("\"W4\": {\"x\": [%d, %d, %d, %d], \"y\": [%d]}, ", n, h, wd, c, labels.length));
        Dataset sweep = SweepConfig.data();
        write(dir.resolve("sweep.x.f32"), flat(sweep.x()));
        write(dir.resolve("sweep.y.f32"), flat(sweep.y()));
        json.append(String.format("\"sweep\": {\"x\": [%d, %d], \"y\": [%d, %d]}}", sweep.size(),
                SweepConfig.FEATURES, sweep.size(), 1));
        Files.writeString(dir.resolve("shapes.json"), json.toString());
        Files.writeString(dir.resolve("sweep-config.json"), String.format(Locale.ROOT, "{\"features\": %d,"
                + " \"samples\": %d, \"learning_rate\": %s, \"widths\": %s, \"batches\": %s}",
                SweepConfig.FEATURES, SweepConfig.SAMPLES, SweepConfig.LEARNING_RATE,
                Arrays.toString(SweepConfig.widths()), Arrays.toString(SweepConfig.batches())));
    }

    private static float[] flat(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }

    private static void write(Path path, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        try (OutputStream out = new DataOutputStream(Files.newOutputStream(path))) {
            out.write(buffer.array());
        }
    }
}
