package io.github.kerasdjl.saving;

import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keras 3's weights file ({@code model.save_weights("x.weights.h5")}, and {@code model.weights.h5} inside a
 * {@code .keras} file), through jHDF (pure-Java HDF5): {@code layers/<key>/vars/<i>}, each weight in Keras'
 * layout (a Dense kernel is (inputs, units)) in the layer's order (kernel, then bias), and
 * {@code optimizer/vars/<i>}: the step count, the learning rate, then the optimizer's slots in Keras' order.
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

    /** An array in Keras' layout: its shape and its values, row-major. */
    public record Array(long[] shape, float[] values) {
    }

    /**
     * What a weights file holds.
     *
     * @param layers each layer's weights by layer name, in order
     * @param optimizer the optimizer's name, or null when the file has no optimizer state
     * @param iterations the optimizer's step count
     * @param variables the optimizer's other variables in Keras' order: the learning rate (a scalar, unless it
     *     follows a schedule), the slots, then any state that is one number (Nadam's running product)
     */
    public record Contents(Map<String, List<Array>> layers, String optimizer, long iterations,
            List<Array> variables) {
    }

    /**
     * The keys Keras 3 gives layers in a weights file: not their names but their class in snake case, numbered in
     * order within the model ({@code dense}, {@code dense_1}, ...), as {@code saving_lib} walks a Sequential's layers.
     */
    public static List<String> keys(List<Layer> layers) {
        Map<String, Integer> used = new java.util.HashMap<>();
        List<String> keys = new ArrayList<>();
        for (Layer layer : layers) {
            String base = layer.defaultName(); // [layers] Keras' to_snake_case: conv2d, max_pooling2d
            int n = used.merge(base, 1, Integer::sum);
            keys.add(n == 1 ? base : base + "_" + (n - 1));
        }
        return keys;
    }

    /** The weights of built layers, in Keras' layout, under Keras' keys; no optimizer state. */
    public static Contents of(List<Layer> layers) {
        Map<String, List<Array>> map = new LinkedHashMap<>();
        List<String> keys = keys(layers);
        for (int i = 0; i < layers.size(); i++) {
            List<Array> arrays = new ArrayList<>();
            for (Weight w : layers.get(i).weights()) {
                arrays.add(new Array(w.shape().getShape(), w.values()));
            }
            map.put(keys.get(i), arrays);
        }
        return new Contents(map, null, 0, List.of());
    }

    /** Writes the layers' weights (built layers) to {@code file}, which must end in {@code .weights.h5}. */
    public static void write(Path file, List<Layer> layers) {
        AtomicFiles.writeAtomically(checkName(file), "the weights", temp -> writeH5(temp, of(layers)));
    }

    /** Writes {@code contents} as HDF5 to {@code file} (no temporary name: the caller's file is one already). */
    static void writeH5(Path file, Contents contents) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            WritableGroup groups = h5.putGroup("layers");
            for (Map.Entry<String, List<Array>> layer : contents.layers().entrySet()) {
                if (layer.getValue().isEmpty()) {
                    continue; // jHDF writes an empty group that h5py cannot read; Keras needs none for it
                }
                WritableGroup vars = groups.putGroup(layer.getKey()).putGroup("vars");
                vars.putAttribute("name", layer.getKey());
                List<Array> arrays = layer.getValue();
                for (int i = 0; i < arrays.size(); i++) {
                    vars.putDataset(Integer.toString(i), javaArray(arrays.get(i)));
                }
            }
            if (contents.optimizer() != null) {
                WritableGroup vars = h5.putGroup("optimizer").putGroup("vars");
                vars.putAttribute("name", contents.optimizer());
                vars.putDataset("0", contents.iterations());
                for (int i = 0; i < contents.variables().size(); i++) {
                    vars.putDataset(Integer.toString(i + 1), javaArray(contents.variables().get(i)));
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
        AtomicFiles.requireFile(file);
        return weightsFor(readH5(file, file.toString()), file.toString(), layers);
    }

    /** The weights of {@code layers} in a file's contents, checked layer by layer; {@code source} names the file. */
    public static List<float[]> weightsFor(Contents contents, String source, List<Layer> layers) {
        List<float[]> values = new ArrayList<>();
        List<String> keys = keys(layers);
        // Keras writes an empty vars group for a layer without weights (Flatten, pooling): those do not count.
        if (contents.layers().values().stream().filter(v -> !v.isEmpty()).count()
                != layers.stream().filter(l -> !l.weights().isEmpty()).count()) {
            throw new IllegalArgumentException("'" + source + "' holds weights for " + contents.layers().size()
                    + " layers " + contents.layers().keySet() + "; the model has " + layers.size() + " " + keys
                    + ". It was saved from another model.");
        }
        for (int li = 0; li < layers.size(); li++) {
            Layer layer = layers.get(li);
            List<Weight> weights = layer.weights();
            if (weights.isEmpty()) {
                continue;
            }
            List<Array> arrays = contents.layers().get(keys.get(li));
            if (arrays == null) {
                throw new IllegalArgumentException("'" + source + "' has no weights for layer '" + layer.getName()
                        + "' (key '" + keys.get(li) + "'): it holds " + contents.layers().keySet()
                        + ". It was saved from another model.");
            }
            if (arrays.size() != weights.size()) {
                throw new IllegalArgumentException("'" + source + "' holds " + arrays.size() + " weights for layer '"
                        + layer.getName() + "', which has " + weights.size() + ".");
            }
            for (int i = 0; i < weights.size(); i++) {
                long[] expected = weights.get(i).shape().getShape();
                if (!Arrays.equals(expected, arrays.get(i).shape())) {
                    throw new IllegalArgumentException("'" + source + "' holds weight " + i + " of layer '"
                            + layer.getName() + "' with shape " + Arrays.toString(arrays.get(i).shape())
                            + ", but the layer's is " + Arrays.toString(expected) + ".");
                }
                values.add(arrays.get(i).values());
            }
        }
        return values;
    }

    /** Everything in an HDF5 weights file; {@code source} names it in errors. */
    static Contents readH5(Path file, String source) {
        try (HdfFile h5 = new HdfFile(file)) {
            Node layersNode = h5.getChildren().get("layers");
            if (!(layersNode instanceof Group groups)) {
                throw new IllegalArgumentException("'" + source + "' is not a Keras weights file: it has no group"
                        + " 'layers' (it holds " + h5.getChildren().keySet() + ").");
            }
            Map<String, List<Array>> layers = new LinkedHashMap<>();
            for (Map.Entry<String, Node> layer : groups.getChildren().entrySet()) {
                Node vars = layer.getValue() instanceof Group g ? g.getChildren().get("vars") : null;
                layers.put(layer.getKey(), vars instanceof Group v ? arrays(v, 0, source, layer.getKey())
                        : List.of());
            }
            Node optimizerNode = h5.getChildren().get("optimizer");
            Node optVars = optimizerNode instanceof Group g ? g.getChildren().get("vars") : null;
            if (!(optVars instanceof Group vars) || vars.getChildren().isEmpty()) {
                return new Contents(layers, null, 0, List.of());
            }
            Object name = vars.getAttributes().containsKey("name")
                    ? vars.getAttribute("name").getData() : "optimizer";
            long iterations = ((Number) scalar(vars, "0", source)).longValue();
            return new Contents(layers, String.valueOf(name), iterations, arrays(vars, 1, source, "optimizer"));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + source + "' cannot be read as a Keras weights file (HDF5): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static Object scalar(Group vars, String key, String source) {
        Node n = vars.getChildren().get(key);
        if (!(n instanceof Dataset d)) {
            throw new IllegalArgumentException("'" + source + "' has no optimizer variable " + key + ".");
        }
        Object data = d.getData();
        if (data instanceof Number) {
            return data;
        }
        throw new IllegalArgumentException("'" + source + "' holds optimizer variable " + key + " as "
                + data.getClass().getSimpleName() + ". Expected a number.");
    }

    /** Datasets {@code from}, {@code from + 1}, ... of a vars group, as float arrays with their shapes. */
    private static List<Array> arrays(Group vars, int from, String source, String owner) {
        List<Array> arrays = new ArrayList<>();
        for (int i = from; vars.getChildren().containsKey(Integer.toString(i)); i++) {
            Node n = vars.getChildren().get(Integer.toString(i));
            if (!(n instanceof Dataset d)) {
                throw new IllegalArgumentException("'" + source + "' has no dataset " + i + " for " + owner + ".");
            }
            int[] dims = d.getDimensions();
            long[] shape = new long[dims.length];
            for (int k = 0; k < dims.length; k++) {
                shape[k] = dims[k];
            }
            arrays.add(new Array(shape, flatten(d.getData(), source, owner, i)));
        }
        return arrays;
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

    /** An array as the Java array jHDF writes with its shape: a Float for a scalar, float[] for 1-D, float[][] for 2-D. */
    private static Object javaArray(Array a) {
        long[] shape = a.shape();
        if (shape.length == 0) {
            return a.values()[0];
        }
        if (shape.length == 1) {
            return a.values();
        }
        if (shape.length > 2) {
            // [layers] N-D weights (a Conv2D kernel (kh, kw, in, out)) as the nested Java array jHDF writes.
            int[] dims = new int[shape.length];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = (int) shape[i];
            }
            Object nested = java.lang.reflect.Array.newInstance(float.class, dims);
            fill(nested, a.values(), new int[] {0});
            return nested;
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[][] m = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a.values(), r * cols, m[r], 0, cols);
        }
        return m;
    }

    private static void fill(Object nested, float[] values, int[] at) {
        if (nested instanceof float[] f) {
            System.arraycopy(values, at[0], f, 0, f.length);
            at[0] += f.length;
            return;
        }
        for (Object o : (Object[]) nested) {
            fill(o, values, at);
        }
    }

    private static void collect(Object nested, List<float[]> parts) {
        if (nested instanceof float[] f) {
            parts.add(f);
            return;
        }
        for (Object o : (Object[]) nested) {
            collect(o, parts);
        }
    }

    private static float[] flatten(Object data, String source, String owner, int index) {
        if (data instanceof Object[] nested && data.getClass().getComponentType().getComponentType() != null
                && data.getClass().getComponentType().getComponentType().isArray()) {
            List<float[]> parts = new ArrayList<>();
            try {
                collect(nested, parts);
            } catch (ClassCastException e) {
                throw new IllegalArgumentException("'" + source + "' holds array " + index + " of " + owner + " as "
                        + data.getClass().getSimpleName() + ". Expected float32 values.");
            }
            int total = parts.stream().mapToInt(f -> f.length).sum();
            float[] flat = new float[total];
            int at = 0;
            for (float[] f : parts) {
                System.arraycopy(f, 0, flat, at, f.length);
                at += f.length;
            }
            return flat;
        }
        if (data instanceof Number n) {
            return new float[] {n.floatValue()};
        }
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
        throw new IllegalArgumentException("'" + source + "' holds array " + index + " of " + owner + " as "
                + data.getClass().getSimpleName() + ". Expected float32 values of rank 1 or 2.");
    }

}
