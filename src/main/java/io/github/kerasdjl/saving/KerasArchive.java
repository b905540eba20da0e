package io.github.kerasdjl.saving;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.initializers.Initializer;
import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.layers.ActivationLayer;
import io.github.kerasdjl.layers.BatchNormalization;
import io.github.kerasdjl.layers.Embedding;
import io.github.kerasdjl.layers.LayerNormalization;
import io.github.kerasdjl.layers.Conv2D;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.layers.Dropout;
import io.github.kerasdjl.layers.Flatten;
import io.github.kerasdjl.layers.GlobalAveragePooling2D;
import io.github.kerasdjl.layers.Pooling2D;
import io.github.kerasdjl.layers.Reshape;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.optimizers.Optimizers;
import io.github.kerasdjl.regularizers.Regularizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Keras 3's {@code .keras} file: a zip of {@code metadata.json}, {@code config.json} (the model's config in Keras'
 * serialization, with {@code compile_config}) and {@code model.weights.h5} ({@link WeightsFile}'s layout, optimizer
 * state included). This class writes and reads the file; the model assembles itself from what it reads.
 */
public final class KerasArchive {

    /** The Keras version whose format this writes. */
    public static final String KERAS_VERSION = "3.15.1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KerasArchive.class);

    /** Config keys read past: they do not change the numbers (names, bookkeeping, Keras' defaults). */
    private static final java.util.Set<String> HARMLESS = java.util.Set.of("module", "class_name", "registered_name",
            "build_config", "name", "shared_object_id", "run_eagerly", "steps_per_execution", "jit_compile",
            "ema_momentum", "ema_overwrite_frequency", "sparse", "ragged", "optional", "seed", "input_axes",
            "output_axes", "batch_shape", "batch_input_shape", "build_input_shape", "auto_scale_loss",
            // a layer's trainable flag is read where the layers are made (a frozen layer loads frozen)
            "trainable");

    /**
     * Config keys that change the numbers unless they hold Keras' default: a file that sets them otherwise is refused,
     * naming the key, rather than loaded into a model that would compute something else.
     */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("use_ema", "false"), Map.entry("loss_weights", "null"), Map.entry("weighted_metrics", "null"),
            Map.entry("loss_scale_factor", "null"), Map.entry("gradient_accumulation_steps", "null"),
            Map.entry("quantization_config", "null"), Map.entry("lora_rank", "null"),
            Map.entry("activity_regularizer", "null"), Map.entry("amsgrad", "false"));

    /**
     * Checks one config object of a file: keys this library reads ({@code known}), keys read past, keys that must
     * hold Keras' default, and keys this library does not know (collected into {@code unknown}, warned about once).
     */
    private static void review(JsonObject config, java.util.Set<String> known, String where, String source,
            List<String> unknown) {
        for (Map.Entry<String, JsonElement> e : config.entrySet()) {
            String key = e.getKey();
            if (key.equals("dtype")) {
                String dtype = e.getValue().isJsonPrimitive() ? e.getValue().getAsString()
                        : e.getValue().isJsonObject() && e.getValue().getAsJsonObject().has("config")
                        ? e.getValue().getAsJsonObject().getAsJsonObject("config").get("name").getAsString() : "?";
                if (!dtype.equals("float32")) {
                    throw new IllegalArgumentException(where + " in " + source + " computes in " + dtype + "; this"
                            + " library computes in float32.");
                }
            } else if (DEFAULTS.containsKey(key)) {
                String value = e.getValue().isJsonNull() ? "null" : e.getValue().toString();
                if (!value.equals(DEFAULTS.get(key))) {
                    throw new IllegalArgumentException(where + " in " + source + " sets " + key + " to " + value
                            + ", which this library does not have (only " + DEFAULTS.get(key) + ").");
                }
            } else if (!known.contains(key) && !HARMLESS.contains(key)) {
                unknown.add(where + "." + key);
            }
        }
    }

    private KerasArchive() {
    }

    /**
     * A model as a {@code .keras} file describes it.
     *
     * @param name the model's name
     * @param inputShape the shape of one input sample (without the batch axis)
     * @param layers the layers, configured, not built
     * @param optimizer the compiled optimizer, or null when the model was not compiled
     * @param loss the loss's Keras name; or, for a loss with arguments (from_logits, delta, ...), Keras' serialized
     *     loss object as JSON text ({@link #lossObject} makes it, {@link #parseLossObject} reads it); or null
     * @param metrics the metrics: a name, or Keras' serialized metric object as JSON text
     * @param weights the layers' weights and the optimizer's state
     */
    public record Model(String name, long[] inputShape, List<Layer> layers, Optimizer optimizer, String loss,
            List<String> metrics, WeightsFile.Contents weights) {

        /** A model of flat inputs of {@code inputDim} values (0: unknown). */
        public Model(String name, int inputDim, List<Layer> layers, Optimizer optimizer, String loss,
                List<String> metrics, WeightsFile.Contents weights) {
            this(name, inputDim == 0 ? null : new long[] {inputDim}, layers, optimizer, loss, metrics, weights);
        }

        /** The number of values of one input sample (0: unknown). */
        public int inputDim() {
            if (inputShape == null) {
                return 0;
            }
            long n = 1;
            for (long d : inputShape) {
                n *= d;
            }
            return (int) n;
        }
    }

    /** [layers] The layer classes a {@code .keras} file of this library may hold. */
    public static final List<String> SAVABLE_LAYERS = List.of("Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D",
            "GlobalAveragePooling2D", "Flatten", "Dropout", "Activation", "Reshape", "BatchNormalization",
            "LayerNormalization", "Embedding");

    /** Writes {@code model} to {@code file} (a name ending in {@code .keras}), whole or not at all. */
    public static void write(Path file, Model model) {
        checkName(file);
        String config = GSON.toJson(config(model));
        String metadata = GSON.toJson(metadata());
        AtomicFiles.writeAtomically(file, "the model", temp -> {
            Path h5 = Files.createTempFile(temp.toAbsolutePath().getParent(), "." + file.getFileName(), ".h5.tmp");
            try {
                WeightsFile.writeH5(h5, model.weights());
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                    zip.putNextEntry(new ZipEntry("metadata.json"));
                    zip.write(metadata.getBytes(StandardCharsets.UTF_8));
                    zip.putNextEntry(new ZipEntry("config.json"));
                    zip.write(config.getBytes(StandardCharsets.UTF_8));
                    zip.putNextEntry(new ZipEntry("model.weights.h5"));
                    Files.copy(h5, zip);
                    zip.closeEntry();
                }
            } finally {
                Files.deleteIfExists(h5);
            }
        });
    }

    /**
     * Reads a {@code .keras} file written by this library or by Keras 3 for a Sequential model of the layers this
     * library has. Anything else is an error that names the class and the file, raised before any weight is made.
     */
    public static Model read(Path file) {
        checkName(file);
        AtomicFiles.requireFile(file);
        String source = file.toString();
        JsonObject config;
        Path h5 = null;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry configEntry = zip.getEntry("config.json");
            ZipEntry weightsEntry = zip.getEntry("model.weights.h5");
            if (configEntry == null || weightsEntry == null) {
                throw new IllegalArgumentException("'" + source + "' is not a Keras model file: it has no "
                        + (configEntry == null ? "config.json" : "model.weights.h5") + ".");
            }
            try (InputStream in = zip.getInputStream(configEntry)) {
                config = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .getAsJsonObject();
            }
            h5 = Files.createTempFile("keras-djl-", ".weights.h5");
            try (InputStream in = zip.getInputStream(weightsEntry)) {
                Files.copy(in, h5, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> unknown = new ArrayList<>();
            Model model = model(config, source, unknown);
            if (!unknown.isEmpty()) {
                LOG.warn("{} holds fields this library does not know (a newer Keras?); it loaded what it understands"
                        + " and read past: {}", source, unknown);
            }
            WeightsFile.Contents weights = WeightsFile.readH5(h5, source + "!/model.weights.h5");
            return new Model(model.name(), model.inputShape(), model.layers(), model.optimizer(), model.loss(),
                    model.metrics(), weights);
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + source + "' cannot be read as a Keras model file (a zip): "
                    + e.getMessage(), e);
        } catch (IllegalStateException | ClassCastException | com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException("'" + source + "' has a config.json this library cannot read: "
                    + e.getMessage(), e);
        } finally {
            if (h5 != null) {
                try {
                    Files.deleteIfExists(h5);
                } catch (IOException ignored) {
                    // a temporary copy
                }
            }
        }
    }

    private static void checkName(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: null.");
        }
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".keras")) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + file + "'. The filename"
                    + " must end in `.keras`, as Keras 3 requires for model.save (use saveWeights for"
                    + " `.weights.h5`).");
        }
    }

    /** The model's config, as {@code config.json} holds it (for DJL's directory format too). */
    public static String configJson(Model model) {
        return GSON.toJson(config(model));
    }

    /**
     * A model read from a config alone ({@link #configJson}'s form): layers, input width and compile config; no
     * weights. {@code source} names where it came from in errors; unknown fields are warned about once.
     */
    public static Model fromConfigJson(String json, String source) {
        try {
            List<String> unknown = new ArrayList<>();
            Model model = model(JsonParser.parseString(json).getAsJsonObject(), source, unknown);
            if (!unknown.isEmpty()) {
                LOG.warn("{} holds fields this library does not know; it loaded what it understands and read past:"
                        + " {}", source, unknown);
            }
            return model;
        } catch (IllegalStateException | ClassCastException | NullPointerException
                | com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException("'" + source + "' is not a config this library can read: "
                    + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ writing the config

    private static JsonObject metadata() {
        JsonObject m = new JsonObject();
        m.addProperty("keras_version", KERAS_VERSION);
        m.addProperty("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
        return m;
    }

    /** A loss object as a {@code .keras} file records it: Keras' class name and its config. */
    public record LossObject(String className, Map<String, Object> config) {
    }

    /**
     * The loss entry of {@link Model#loss} for a loss with arguments: Keras' serialized {@code keras.losses} object
     * ({@code {"module": "keras.losses", "class_name": .., "config": {..}, "registered_name": null}}) as JSON text.
     *
     * @param config Keras' config keys to Boolean, Number, String or null values
     */
    public static String lossObject(String className, Map<String, Object> config) {
        JsonObject c = new JsonObject();
        for (Map.Entry<String, Object> e : config.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                c.add(e.getKey(), JsonNull.INSTANCE);
            } else if (v instanceof Boolean b) {
                c.addProperty(e.getKey(), b);
            } else if (v instanceof Number n) {
                c.addProperty(e.getKey(), n);
            } else {
                c.addProperty(e.getKey(), v.toString());
            }
        }
        return object("keras.losses", className, c).toString();
    }

    /**
     * The class name and config of a loss entry that {@link #lossObject} made or a Keras file holds; null when the
     * entry is a name. Numbers come back as Double, true/false as Boolean.
     */
    public static LossObject parseLossObject(String loss) {
        if (loss == null || !loss.startsWith("{")) {
            return null;
        }
        JsonObject o = JsonParser.parseString(loss).getAsJsonObject();
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("config").entrySet()) {
            JsonElement v = e.getValue();
            if (v.isJsonNull()) {
                config.put(e.getKey(), null);
            } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
                config.put(e.getKey(), v.getAsBoolean());
            } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                config.put(e.getKey(), v.getAsDouble());
            } else if (v.isJsonPrimitive()) {
                config.put(e.getKey(), v.getAsString());
            } else {
                config.put(e.getKey(), v.toString());
            }
        }
        return new LossObject(o.get("class_name").getAsString(), config);
    }

    private static JsonObject object(String module, String className, JsonObject config) {
        JsonObject o = new JsonObject();
        o.addProperty("module", module);
        o.addProperty("class_name", className);
        o.add("config", config);
        o.add("registered_name", JsonNull.INSTANCE);
        return o;
    }

    private static JsonArray shape(int width) {
        JsonArray a = new JsonArray();
        a.add(JsonNull.INSTANCE);
        a.add(width);
        return a;
    }

    /** A batch shape as Keras writes it: {@code [null, 8, 8, 1]}. */
    private static JsonArray shape(Shape sample) {
        JsonArray a = new JsonArray();
        a.add(JsonNull.INSTANCE);
        for (long d : sample.getShape()) {
            a.add(d);
        }
        return a;
    }

    private static JsonArray pair(int[] values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** [layers] The config of a layer other than Dense, as Keras 3's get_config writes it. */
    private static JsonObject otherLayer(Layer layer) {
        JsonObject c = new JsonObject();
        c.addProperty("name", layer.getName());
        c.addProperty("trainable", layer.isTrainable());
        c.addProperty("dtype", "float32");
        if (layer instanceof Conv2D conv) {
            c.addProperty("filters", conv.filters());
            c.add("kernel_size", pair(conv.kernelSize()));
            c.add("strides", pair(conv.strides()));
            c.addProperty("padding", conv.padding());
            c.addProperty("data_format", "channels_last");
            c.add("dilation_rate", pair(conv.dilationRate()));
            c.addProperty("groups", 1);
            c.addProperty("activation", conv.activation().kerasName());
            c.addProperty("use_bias", conv.usesBias());
            c.add("kernel_initializer", initializer(conv.kernelInitializer()));
            c.add("bias_initializer", initializer(conv.biasInitializer()));
            for (String none : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                    "kernel_constraint", "bias_constraint")) {
                c.add(none, JsonNull.INSTANCE);
            }
        } else if (layer instanceof Pooling2D pool) {
            c.add("pool_size", pair(pool.poolSize()));
            c.addProperty("padding", pool.padding());
            c.add("strides", pair(pool.strides()));
            c.addProperty("data_format", "channels_last");
        } else if (layer instanceof GlobalAveragePooling2D) {
            c.addProperty("data_format", "channels_last");
            c.addProperty("keepdims", false);
        } else if (layer instanceof Flatten) {
            c.addProperty("data_format", "channels_last");
        } else if (layer instanceof Dropout d) {
            c.addProperty("rate", d.rate());
            if (d.seed() == null) {
                c.add("seed", JsonNull.INSTANCE);
            } else {
                c.addProperty("seed", d.seed());
            }
            c.add("noise_shape", JsonNull.INSTANCE);
        } else if (layer instanceof ActivationLayer a) {
            c.addProperty("activation", a.activation().kerasName());
        } else if (layer instanceof BatchNormalization bn) {
            c.addProperty("axis", -1);
            c.addProperty("momentum", bn.momentum());
            c.addProperty("epsilon", bn.epsilon());
            c.addProperty("center", true);
            c.addProperty("scale", true);
            c.add("beta_initializer", initializer(Initializer.ZEROS));
            c.add("gamma_initializer", initializer(Initializer.get("ones")));
            c.add("moving_mean_initializer", initializer(Initializer.ZEROS));
            c.add("moving_variance_initializer", initializer(Initializer.get("ones")));
            for (String none : List.of("beta_regularizer", "gamma_regularizer", "beta_constraint",
                    "gamma_constraint")) {
                c.add(none, JsonNull.INSTANCE);
            }
            c.addProperty("synchronized", false);
        } else if (layer instanceof LayerNormalization ln) {
            JsonArray axis = new JsonArray();
            axis.add(-1);
            c.add("axis", axis);
            c.addProperty("epsilon", ln.epsilon());
            c.addProperty("center", true);
            c.addProperty("scale", true);
            c.addProperty("rms_scaling", false);
            c.add("beta_initializer", initializer(Initializer.ZEROS));
            c.add("gamma_initializer", initializer(Initializer.get("ones")));
            for (String none : List.of("beta_regularizer", "gamma_regularizer", "beta_constraint",
                    "gamma_constraint")) {
                c.add(none, JsonNull.INSTANCE);
            }
        } else if (layer instanceof Embedding e) {
            c.addProperty("input_dim", e.vocabularySize());
            c.addProperty("output_dim", e.embeddingSize());
            c.add("embeddings_initializer", initializer(e.embeddingsInitializer()));
            c.add("embeddings_regularizer", JsonNull.INSTANCE);
            c.add("activity_regularizer", JsonNull.INSTANCE);
            c.add("embeddings_constraint", JsonNull.INSTANCE);
            c.addProperty("mask_zero", false);
        } else if (layer instanceof Reshape r) {
            JsonArray t = new JsonArray();
            for (long d : r.targetShape()) {
                t.add(d);
            }
            c.add("target_shape", t);
        } else {
            throw new IllegalArgumentException("Layer '" + layer.getName() + "' (" + layer.typeName() + ") cannot be"
                    + " saved yet; supported layers: " + SAVABLE_LAYERS + ". Nothing was written.");
        }
        return object("keras.layers", layer.typeName(), c);
    }

    private static JsonObject config(Model model) {
        JsonArray layers = new JsonArray();
        JsonObject input = new JsonObject();
        Shape inputShape = new Shape(model.inputShape());
        input.add("batch_shape", shape(inputShape));
        input.addProperty("dtype", "float32");
        input.addProperty("sparse", false);
        input.addProperty("name", "input_layer");
        layers.add(object("keras.layers", "InputLayer", input));
        Shape current = inputShape;
        for (Layer layer : model.layers()) {
            if (!(layer instanceof Dense d)) {
                JsonObject o = otherLayer(layer);
                JsonObject build = new JsonObject();
                build.add("input_shape", shape(current));
                o.add("build_config", build);
                layers.add(o);
                current = layer.outputShape(current);
                continue;
            }
            JsonObject c = new JsonObject();
            c.addProperty("name", d.getName());
            c.addProperty("trainable", d.isTrainable());
            c.addProperty("dtype", "float32");
            c.addProperty("units", d.units());
            c.addProperty("activation", d.activation().kerasName());
            c.addProperty("use_bias", d.usesBias());
            c.add("kernel_initializer", initializer(d.kernelInitializer()));
            c.add("bias_initializer", initializer(d.biasInitializer()));
            c.add("kernel_regularizer", regularizer(d.kernelRegularizer()));
            c.add("bias_regularizer", JsonNull.INSTANCE);
            c.add("kernel_constraint", JsonNull.INSTANCE);
            c.add("bias_constraint", JsonNull.INSTANCE);
            JsonObject o = object("keras.layers", "Dense", c);
            JsonObject build = new JsonObject();
            build.add("input_shape", shape(current));
            o.add("build_config", build);
            layers.add(o);
            current = d.outputShape(current);
        }
        JsonObject c = new JsonObject();
        c.addProperty("name", model.name());
        c.addProperty("trainable", true);
        c.addProperty("dtype", "float32");
        c.add("layers", layers);
        c.add("build_input_shape", shape(inputShape));
        JsonObject root = object("keras", "Sequential", c);
        JsonObject build = new JsonObject();
        build.add("input_shape", shape(inputShape));
        root.add("build_config", build);
        if (model.optimizer() != null) {
            JsonObject compile = new JsonObject();
            compile.add("optimizer", optimizer(model.optimizer()));
            compile.add("loss", model.loss() == null ? JsonNull.INSTANCE : model.loss().startsWith("{")
                    ? JsonParser.parseString(model.loss()) : new com.google.gson.JsonPrimitive(model.loss()));
            compile.add("loss_weights", JsonNull.INSTANCE);
            JsonArray metrics = new JsonArray();
            for (String m : model.metrics()) {
                // A metric given as an object is Keras' serialized object, as JSON text; by name, the name.
                metrics.add(m.trim().startsWith("{") ? JsonParser.parseString(m)
                        : new com.google.gson.JsonPrimitive(m));
            }
            compile.add("metrics", metrics);
            compile.add("weighted_metrics", JsonNull.INSTANCE);
            compile.addProperty("run_eagerly", false);
            compile.addProperty("steps_per_execution", 1);
            compile.addProperty("jit_compile", false);
            root.add("compile_config", compile);
        }
        return root;
    }

    /** Keras' class names of the initializers, by this library's names. */
    private static final Map<String, String> INITIALIZER_CLASSES = Map.of(
            "glorot_uniform", "GlorotUniform", "glorot_normal", "GlorotNormal", "he_uniform", "HeUniform",
            "he_normal", "HeNormal", "lecun_uniform", "LecunUniform", "lecun_normal", "LecunNormal",
            "random_normal", "RandomNormal", "random_uniform", "RandomUniform", "zeros", "Zeros", "ones", "Ones");

    private static JsonObject initializer(Initializer i) {
        JsonObject c = new JsonObject();
        if (!i.kerasName().equals("zeros") && !i.kerasName().equals("ones")) {
            c.add("seed", JsonNull.INSTANCE);
        }
        return object("keras.initializers", INITIALIZER_CLASSES.get(i.kerasName()), c);
    }

    private static JsonElement regularizer(Regularizer r) {
        if (r == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject c = new JsonObject();
        c.addProperty("l1", r.l1());
        c.addProperty("l2", r.l2());
        return object("keras.regularizers", "L1L2", c);
    }

    private static JsonObject optimizer(Optimizer o) {
        return object("keras.optimizers", Optimizers.className(o), GSON.toJsonTree(Optimizers.config(o))
                .getAsJsonObject());
    }

    // ------------------------------------------------------------------ reading the config

    private static Model model(JsonObject root, String source, List<String> unknown) {
        String cls = root.get("class_name").getAsString();
        review(root, java.util.Set.of("config", "compile_config"), "the model", source, unknown);
        if (!cls.equals("Sequential")) {
            throw new IllegalArgumentException("\"" + cls + "\" in " + source + " is not supported; supported models:"
                    + " [Sequential].");
        }
        JsonObject config = root.getAsJsonObject("config");
        review(config, java.util.Set.of("layers"), "Sequential", source, unknown);
        String name = config.has("name") ? config.get("name").getAsString() : "sequential";
        long[] inputShape = null;
        List<Layer> layers = new ArrayList<>();
        for (JsonElement e : config.getAsJsonArray("layers")) {
            JsonObject layer = e.getAsJsonObject();
            String type = layer.get("class_name").getAsString();
            JsonObject c = layer.getAsJsonObject("config");
            review(layer, java.util.Set.of("config"), type, source, unknown);
            review(c, KNOWN_LAYER_KEYS.getOrDefault(type, java.util.Set.of()), type + " '"
                    + (c.has("name") ? c.get("name").getAsString() : "?") + "'", source, unknown);
            switch (type) {
                case "InputLayer" -> inputShape = sampleShape(c.has("batch_shape") ? c.get("batch_shape")
                        : c.get("batch_input_shape"), source);
                case "Dense" -> layers.add(dense(c, source));
                default -> {
                    if (!SAVABLE_LAYERS.contains(type)) {
                        throw new IllegalArgumentException("\"" + type + "\" in " + source + " is not supported;"
                                + " supported layers: [InputLayer, " + String.join(", ", SAVABLE_LAYERS) + "].");
                    }
                    layers.add(otherLayer(type, c, source));
                }
            }
            if (inputShape == null && layers.size() == 1 && layer.has("build_config")) {
                inputShape = sampleShape(layer.getAsJsonObject("build_config").get("input_shape"), source);
            }
            if (c.has("trainable") && !c.get("trainable").getAsBoolean() && !layers.isEmpty()
                    && !type.equals("InputLayer")) {
                layers.get(layers.size() - 1).trainable(false);
            }
        }
        if (inputShape == null && config.has("build_input_shape")) {
            inputShape = sampleShape(config.get("build_input_shape"), source);
        }
        Optimizer optimizer = null;
        String loss = null;
        List<String> metrics = List.of();
        if (root.has("compile_config") && root.get("compile_config").isJsonObject()) {
            JsonObject compile = root.getAsJsonObject("compile_config");
            review(compile, java.util.Set.of("optimizer", "loss", "metrics"), "compile_config", source, unknown);
            if (compile.get("optimizer").isJsonObject()) {
                review(compile.getAsJsonObject("optimizer").getAsJsonObject("config"), Optimizers.KNOWN_KEYS,
                        "the optimizer", source, unknown);
            }
            optimizer = optimizer(compile.get("optimizer"), source);
            JsonElement l = compile.get("loss");
            loss = l != null && l.isJsonPrimitive() ? l.getAsString() : null;
            if (l != null && l.isJsonObject() && l.getAsJsonObject().has("class_name")
                    && l.getAsJsonObject().get("config") != null && l.getAsJsonObject().get("config").isJsonObject()
                    && (!l.getAsJsonObject().has("module") || "keras.losses".equals(
                            l.getAsJsonObject().get("module").getAsString()))) {
                loss = l.toString(); // a Keras loss object with its arguments: the model's compile reads it
            }
            if (loss == null) {
                throw new IllegalArgumentException("The loss in " + source + " (" + l + ") is"
                        + " not supported; give it by name (e.g. \"mse\") or as a keras.losses object.");
            }
            metrics = new ArrayList<>();
            if (compile.has("metrics") && compile.get("metrics").isJsonArray()) {
                for (JsonElement m : compile.getAsJsonArray("metrics")) {
                    if (m.isJsonObject()) {
                        metrics.add(m.toString()); // Keras' serialized metric object, read by the model's side
                    } else if (m.isJsonPrimitive()) {
                        metrics.add(m.getAsString());
                    } else {
                        throw new IllegalArgumentException("The metric " + m + " in " + source + " is not supported;"
                                + " give metrics by name or as Keras metric objects.");
                    }
                }
            }
        }
        return new Model(name, inputShape, layers, optimizer, loss, metrics, null);
    }

    /** A batch shape {@code [null, 8, 8, 1]} as the shape of one sample; every axis after the batch known. */
    private static long[] sampleShape(JsonElement shape, String source) {
        if (shape == null || !shape.isJsonArray() || shape.getAsJsonArray().size() < 2) {
            throw new IllegalArgumentException("The input shape " + shape + " in " + source + " is not supported;"
                    + " supported: (None, features) or (None, d1, d2, ...) with every axis known.");
        }
        JsonArray a = shape.getAsJsonArray();
        long[] dims = new long[a.size() - 1];
        for (int i = 1; i < a.size(); i++) {
            if (a.get(i).isJsonNull()) {
                throw new IllegalArgumentException("The input shape " + shape + " in " + source + " is not"
                        + " supported: axis " + i + " is unknown (None). Expected every axis after the batch known.");
            }
            dims[i - 1] = a.get(i).getAsLong();
        }
        return dims;
    }

    /** The config keys this library reads, by layer class; others are reported as read past. */
    private static final Map<String, java.util.Set<String>> KNOWN_LAYER_KEYS = Map.ofEntries(
            Map.entry("Dense", java.util.Set.of("units", "activation", "use_bias", "kernel_initializer", "bias_initializer",
                    "kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint")),
            Map.entry("Conv2D", java.util.Set.of("filters", "kernel_size", "strides", "padding", "data_format",
                    "dilation_rate", "groups", "activation", "use_bias", "kernel_initializer", "bias_initializer",
                    "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
                    "bias_constraint")),
            Map.entry("MaxPooling2D", java.util.Set.of("pool_size", "padding", "strides", "data_format")),
            Map.entry("AveragePooling2D", java.util.Set.of("pool_size", "padding", "strides", "data_format")),
            Map.entry("GlobalAveragePooling2D", java.util.Set.of("data_format", "keepdims")),
            Map.entry("Flatten", java.util.Set.of("data_format")),
            Map.entry("Dropout", java.util.Set.of("rate", "seed", "noise_shape")),
            Map.entry("Activation", java.util.Set.of("activation")),
            Map.entry("Reshape", java.util.Set.of("target_shape")),
            Map.entry("BatchNormalization", java.util.Set.of("axis", "momentum", "epsilon", "center", "scale",
                    "beta_initializer", "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
                    "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint", "synchronized",
                    "renorm", "renorm_clipping", "renorm_momentum")),
            Map.entry("LayerNormalization", java.util.Set.of("axis", "epsilon", "center", "scale", "rms_scaling",
                    "beta_initializer", "gamma_initializer", "beta_regularizer", "gamma_regularizer",
                    "beta_constraint", "gamma_constraint")),
            Map.entry("Embedding", java.util.Set.of("input_dim", "output_dim", "embeddings_initializer",
                    "embeddings_regularizer", "activity_regularizer", "embeddings_constraint", "mask_zero",
                    "input_length")));

    private static int[] ints(JsonObject c, String key, int[] otherwise) {
        if (!c.has(key) || c.get(key).isJsonNull()) {
            return otherwise;
        }
        JsonElement e = c.get(key);
        if (e.isJsonPrimitive()) {
            return new int[] {e.getAsInt(), e.getAsInt()};
        }
        JsonArray a = e.getAsJsonArray();
        return new int[] {a.get(0).getAsInt(), a.get(1).getAsInt()};
    }

    /** Fails naming the layer when a config key has another value than this library's, or a non-null option. */
    private static void requireDefaults(String type, String name, String source, JsonObject c,
            Map<String, String> values, List<String> nulls) {
        for (Map.Entry<String, String> v : values.entrySet()) {
            if (c.has(v.getKey()) && !c.get(v.getKey()).isJsonNull()
                    && !c.get(v.getKey()).getAsString().equals(v.getValue())) {
                throw new IllegalArgumentException(type + " '" + name + "' in " + source + " has " + v.getKey() + "="
                        + c.get(v.getKey()) + "; only " + v.getValue() + " is supported.");
            }
        }
        for (String key : nulls) {
            if (c.has(key) && !c.get(key).isJsonNull()) {
                throw new IllegalArgumentException(type + " '" + name + "' in " + source + " has a " + key
                        + ", which this library does not have yet.");
            }
        }
    }

    /** [layers] A layer other than Dense from its Keras config; what this library does not have is an error. */
    private static Layer otherLayer(String type, JsonObject c, String source) {
        String name = c.get("name").getAsString();
        if (c.has("data_format") && !c.get("data_format").isJsonNull()
                && !"channels_last".equals(c.get("data_format").getAsString())) {
            throw new IllegalArgumentException(type + " '" + name + "' in " + source + " has data_format "
                    + c.get("data_format") + "; only channels_last is supported.");
        }
        Layer layer = switch (type) {
            case "Conv2D" -> {
                int[] k = ints(c, "kernel_size", null);
                int[] st = ints(c, "strides", new int[] {1, 1});
                int[] d = ints(c, "dilation_rate", new int[] {1, 1});
                if (c.has("groups") && c.get("groups").getAsInt() != 1) {
                    throw new IllegalArgumentException("Conv2D '" + name + "' in " + source + " has groups "
                            + c.get("groups") + "; only 1 is supported.");
                }
                for (String unsupported : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                        "kernel_constraint", "bias_constraint")) {
                    if (c.has(unsupported) && !c.get(unsupported).isJsonNull()) {
                        throw new IllegalArgumentException("Conv2D '" + name + "' in " + source + " has a "
                                + unsupported + ", which this library does not have yet.");
                    }
                }
                String activation = c.has("activation") && !c.get("activation").isJsonNull()
                        ? stringOrClassName(c.get("activation"), source, "activation") : "linear";
                Conv2D conv = new Conv2D(c.get("filters").getAsInt(), k[0], k[1], activation)
                        .padding(c.has("padding") ? c.get("padding").getAsString() : "valid")
                        .useBias(!c.has("use_bias") || c.get("use_bias").getAsBoolean());
                conv.strides(st[0], st[1]).dilationRate(d[0], d[1]);
                if (c.has("kernel_initializer") && !c.get("kernel_initializer").isJsonNull()) {
                    conv.kernelInitializer(initializerName(c.get("kernel_initializer"), source));
                }
                if (c.has("bias_initializer") && !c.get("bias_initializer").isJsonNull()) {
                    conv.biasInitializer(initializerName(c.get("bias_initializer"), source));
                }
                yield conv;
            }
            case "MaxPooling2D", "AveragePooling2D" -> {
                int[] p = ints(c, "pool_size", new int[] {2, 2});
                int[] st = ints(c, "strides", p);
                Pooling2D pool = type.equals("MaxPooling2D") ? Pooling2D.max(p[0], p[1])
                        : Pooling2D.average(p[0], p[1]);
                yield pool.strides(st[0], st[1]).padding(c.has("padding") ? c.get("padding").getAsString()
                        : "valid");
            }
            case "GlobalAveragePooling2D" -> {
                if (c.has("keepdims") && c.get("keepdims").getAsBoolean()) {
                    throw new IllegalArgumentException("GlobalAveragePooling2D '" + name + "' in " + source
                            + " has keepdims=true; only false is supported.");
                }
                yield new GlobalAveragePooling2D();
            }
            case "Flatten" -> new Flatten();
            case "Dropout" -> {
                if (c.has("noise_shape") && !c.get("noise_shape").isJsonNull()) {
                    throw new IllegalArgumentException("Dropout '" + name + "' in " + source + " has a noise_shape,"
                            + " which this library does not have yet.");
                }
                yield new Dropout(c.get("rate").getAsDouble(), c.has("seed") && !c.get("seed").isJsonNull()
                        ? c.get("seed").getAsLong() : null);
            }
            case "Activation" -> new ActivationLayer(stringOrClassName(c.get("activation"), source, "activation"));
            case "BatchNormalization", "LayerNormalization" -> {
                requireDefaults(type, name, source, c, Map.of("center", "true", "scale", "true", "renorm", "false",
                        "rms_scaling", "false"), List.of("beta_regularizer", "gamma_regularizer", "beta_constraint",
                                "gamma_constraint", "renorm_clipping"));
                JsonElement axis = c.get("axis");
                boolean last = axis == null || axis.isJsonNull() || axis.toString().equals("-1")
                        || axis.toString().equals("[-1]");
                if (!last) {
                    throw new IllegalArgumentException(type + " '" + name + "' in " + source + " has axis " + axis
                            + "; only the last axis (-1) is supported.");
                }
                for (String init : List.of("beta_initializer", "gamma_initializer", "moving_mean_initializer",
                        "moving_variance_initializer")) {
                    if (c.has(init) && !c.get(init).isJsonNull()) {
                        String n = initializerName(c.get(init), source);
                        String expected = init.startsWith("beta") || init.startsWith("moving_mean") ? "zeros"
                                : "ones";
                        if (!n.equals(expected)) {
                            throw new IllegalArgumentException(type + " '" + name + "' in " + source + " has "
                                    + init + " " + n + "; only Keras' default (" + expected + ") is supported.");
                        }
                    }
                }
                double epsilon = c.has("epsilon") ? c.get("epsilon").getAsDouble() : 1e-3;
                yield type.equals("BatchNormalization") ? new BatchNormalization(c.has("momentum")
                        ? c.get("momentum").getAsDouble() : 0.99, epsilon) : new LayerNormalization(epsilon);
            }
            case "Embedding" -> {
                requireDefaults(type, name, source, c, Map.of("mask_zero", "false"), List.of("embeddings_regularizer",
                        "activity_regularizer", "embeddings_constraint"));
                Embedding e = new Embedding(c.get("input_dim").getAsInt(), c.get("output_dim").getAsInt());
                if (c.has("embeddings_initializer") && !c.get("embeddings_initializer").isJsonNull()) {
                    e.embeddingsInitializer(initializerName(c.get("embeddings_initializer"), source));
                }
                yield e;
            }
            case "Reshape" -> {
                JsonArray t = c.getAsJsonArray("target_shape");
                long[] target = new long[t.size()];
                for (int i = 0; i < target.length; i++) {
                    target[i] = t.get(i).getAsLong();
                }
                yield new Reshape(target);
            }
            default -> throw new IllegalArgumentException("\"" + type + "\" in " + source + " is not supported.");
        };
        layer.setName(name);
        return layer;
    }

    private static Dense dense(JsonObject c, String source) {
        String activation = c.has("activation") && !c.get("activation").isJsonNull()
                ? stringOrClassName(c.get("activation"), source, "activation") : "linear";
        Dense d = new Dense(c.get("units").getAsInt(), Activation.get(activation), 0);
        d.useBias(!c.has("use_bias") || c.get("use_bias").getAsBoolean());
        if (c.has("kernel_initializer") && !c.get("kernel_initializer").isJsonNull()) {
            d.kernelInitializer(initializerName(c.get("kernel_initializer"), source));
        }
        if (c.has("bias_initializer") && !c.get("bias_initializer").isJsonNull()) {
            d.biasInitializer(initializerName(c.get("bias_initializer"), source));
        }
        if (c.has("kernel_regularizer") && !c.get("kernel_regularizer").isJsonNull()) {
            d.kernelRegularizer(regularizer(c.get("kernel_regularizer"), source));
        }
        for (String unsupported : List.of("bias_regularizer", "kernel_constraint", "bias_constraint",
                "activity_regularizer")) {
            if (c.has(unsupported) && !c.get(unsupported).isJsonNull()) {
                throw new IllegalArgumentException("Dense '" + c.get("name").getAsString() + "' in " + source
                        + " has a " + unsupported + ", which this library does not have yet.");
            }
        }
        d.setName(c.get("name").getAsString());
        return d;
    }

    private static String stringOrClassName(JsonElement e, String source, String what) {
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        throw new IllegalArgumentException("The " + what + " " + e + " in " + source + " is not supported; give it by"
                + " name.");
    }

    private static String initializerName(JsonElement e, String source) {
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        String cls = e.getAsJsonObject().get("class_name").getAsString();
        for (Map.Entry<String, String> entry : INITIALIZER_CLASSES.entrySet()) {
            if (entry.getValue().equals(cls)) {
                JsonObject c = e.getAsJsonObject().getAsJsonObject("config");
                Map<String, Double> kerasDefaults = Map.of("mean", 0.0, "stddev", 0.05, "minval", -0.05,
                        "maxval", 0.05);
                boolean defaults = c == null || c.entrySet().stream().allMatch(p -> p.getValue().isJsonNull()
                        || p.getKey().equals("seed") || kerasDefaults.containsKey(p.getKey())
                        && p.getValue().getAsDouble() == kerasDefaults.get(p.getKey()));
                if (!defaults) {
                    throw new IllegalArgumentException("Initializer " + cls + " in " + source + " has arguments "
                            + c + "; only Keras' defaults are supported.");
                }
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("\"" + cls + "\" in " + source + " is not supported; supported"
                + " initializers: " + INITIALIZER_CLASSES.values() + ".");
    }

    private static Regularizer regularizer(JsonElement e, String source) {
        JsonObject o = e.getAsJsonObject();
        String cls = o.get("class_name").getAsString();
        JsonObject c = o.getAsJsonObject("config");
        double l1 = c.has("l1") ? c.get("l1").getAsDouble() : 0;
        double l2 = c.has("l2") ? c.get("l2").getAsDouble() : 0;
        return switch (cls) {
            case "L1", "L2", "L1L2" -> Regularizer.l1l2(l1, l2);
            default -> throw new IllegalArgumentException("\"" + cls + "\" in " + source + " is not supported;"
                    + " supported regularizers: [L1, L2, L1L2].");
        };
    }

    private static Optimizer optimizer(JsonElement e, String source) {
        if (e.isJsonPrimitive()) {
            return Optimizer.get(e.getAsString());
        }
        JsonObject o = e.getAsJsonObject();
        String cls = o.get("class_name").getAsString();
        @SuppressWarnings("unchecked")
        Map<String, Object> config = GSON.fromJson(o.getAsJsonObject("config"), java.util.LinkedHashMap.class);
        try {
            return Optimizers.fromConfig(cls, config);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("The optimizer in " + source + " cannot be loaded: " + ex.getMessage(),
                    ex);
        }
    }
}
