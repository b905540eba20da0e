package io.github.kerasdjl.saving;

import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keras 3's weights file ({@code model.save_weights("x.weights.h5")}), through jHDF (pure-Java HDF5): one group per
 * layer, {@code layers/<layer name>/vars/<i>}, each weight in Keras' layout (a Dense kernel is (inputs, units)), in
 * the layer's order (kernel, then bias). What Keras writes besides (the optimizer's variables under
 * {@code optimizer/vars}) is read past: this file carries the layers' weights.
 *
 * <p>Writing goes to a temporary file in the same folder, moved over the target only when complete, so a failure or
 * a killed process leaves the previous file as it was. Reading checks every layer, count and shape before it returns
 * anything, and names the file and what is wrong.
 */
public final class WeightsFile {

    /** Keras 3's required suffix for weights files. */
    public static final String SUFFIX = ".weights.h5";

    private WeightsFile() {
    }

    /** Writes the layers' weights (built layers) to {@code file}, which must end in {@code .weights.h5}. */
    public static void write(Path file, List<Layer> layers) {
        Path target = checkName(file).toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (WritableHdfFile h5 = HdfFile.write(temp)) {
                WritableGroup groups = h5.putGroup("layers");
                for (Layer layer : layers) {
                    List<Weight> weights = layer.weights();
                    if (weights.isEmpty()) {
                        continue; // jHDF writes an empty group that h5py cannot read; Keras needs none for it
                    }
                    WritableGroup vars = groups.putGroup(layer.getName()).putGroup("vars");
                    vars.putAttribute("name", layer.getName());
                    for (int i = 0; i < weights.size(); i++) {
                        vars.putDataset(Integer.toString(i), kerasArray(weights.get(i)));
                    }
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Cannot write the weights to '" + file + "': " + message(e),
                    e instanceof IOException io ? io : new IOException(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what the caller needs to see
                }
            }
        }
    }

    /**
     * Reads the weights of {@code layers} (built) from {@code file}, in the model's getWeights() order and Keras'
     * layout, after checking that every layer is there with the right number of weights of the right shapes.
     *
     * @throws IllegalArgumentException naming the file and what is wrong (missing, not HDF5, another architecture)
     */
    public static List<float[]> read(Path file, List<Layer> layers) {
        checkName(file);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + file
                    + "' does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + file
                    + "' is not a file (a directory?).");
        }
        List<float[]> values = new ArrayList<>();
        try (HdfFile h5 = new HdfFile(file)) {
            Node layersNode = h5.getChildren().get("layers");
            if (!(layersNode instanceof Group groups)) {
                throw new IllegalArgumentException("'" + file + "' is not a Keras weights file: it has no group"
                        + " 'layers' (it holds " + h5.getChildren().keySet() + ").");
            }
            for (Layer layer : layers) {
                List<Weight> weights = layer.weights();
                if (weights.isEmpty()) {
                    continue;
                }
                Node node = groups.getChildren().get(layer.getName());
                Node varsNode = node instanceof Group g ? g.getChildren().get("vars") : null;
                if (!(varsNode instanceof Group vars)) {
                    throw new IllegalArgumentException("'" + file + "' has no weights for layer '" + layer.getName()
                            + "': its layers are " + groups.getChildren().keySet() + ". It was saved from another"
                            + " model.");
                }
                if (vars.getChildren().size() != weights.size()) {
                    throw new IllegalArgumentException("'" + file + "' holds " + vars.getChildren().size()
                            + " weights for layer '" + layer.getName() + "', which has " + weights.size() + ".");
                }
                for (int i = 0; i < weights.size(); i++) {
                    Node data = vars.getChildren().get(Integer.toString(i));
                    long[] expected = weights.get(i).shape().getShape();
                    if (!(data instanceof Dataset dataset)) {
                        throw new IllegalArgumentException("'" + file + "' has no weight " + i + " for layer '"
                                + layer.getName() + "'.");
                    }
                    long[] got = toLong(dataset.getDimensions());
                    if (!java.util.Arrays.equals(expected, got)) {
                        throw new IllegalArgumentException("'" + file + "' holds weight " + i + " of layer '"
                                + layer.getName() + "' with shape " + java.util.Arrays.toString(got)
                                + ", but the layer's is " + java.util.Arrays.toString(expected) + ".");
                    }
                    values.add(flatten(dataset.getData(), file, layer.getName(), i));
                }
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + file + "' cannot be read as a Keras weights file (HDF5): "
                    + message(e), e);
        }
        return values;
    }

    private static Path checkName(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: null.");
        }
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + file + "'. The filename"
                    + " must end in `" + SUFFIX + "`, as Keras 3 requires for weights files.");
        }
        return file;
    }

    /** A weight as the Java array jHDF writes with its shape: float[] for 1-D, float[][] for 2-D. */
    private static Object kerasArray(Weight w) {
        long[] shape = w.shape().getShape();
        float[] flat = w.values();
        if (shape.length == 1) {
            return flat;
        }
        if (shape.length != 2) {
            throw new IllegalArgumentException("Weights of rank " + shape.length + " are not supported yet ("
                    + w.name() + ").");
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[][] m = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, m[r], 0, cols);
        }
        return m;
    }

    private static float[] flatten(Object data, Path file, String layer, int index) {
        if (data instanceof float[] f) {
            return f;
        }
        if (data instanceof float[][] m) {
            int cols = m.length == 0 ? 0 : m[0].length;
            float[] flat = new float[m.length * cols];
            for (int r = 0; r < m.length; r++) {
                System.arraycopy(m[r], 0, flat, r * cols, cols);
            }
            return flat;
        }
        throw new IllegalArgumentException("'" + file + "' holds weight " + index + " of layer '" + layer
                + "' as " + data.getClass().getSimpleName() + ". Expected float32 values.");
    }

    private static long[] toLong(int[] dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            l[i] = dims[i];
        }
        return l;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
