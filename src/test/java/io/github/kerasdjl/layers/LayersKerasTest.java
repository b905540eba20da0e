package io.github.kerasdjl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer against real Keras 3.15.1 (JAX): {@code fixtures/layers.txt}, made by
 * {@code tools/keras/layer_fixtures.py}. Each case is a small model (Input, then the layers of its spec) with the
 * weights Keras had (set_weights), the same input batch: the inference outputs (predict) within 1e-5, and one
 * step of SGD(0.1) on mse over the whole batch: the loss within 1e-5 relative and every weight afterwards within
 * 1e-5. Models with Dropout are compared in inference only (Keras' masks come from its own generator).
 */
class LayersKerasTest {

    static final float TOLERANCE = 1e-5f;

    static Map<String, JsonObject> cases() {
        Map<String, JsonObject> cases = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LayersKerasTest.class.getResourceAsStream("/fixtures/layers.txt"), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            assertTrue(first.startsWith("# made by tools/keras/layer_fixtures.py with Keras 3."), first);
            String line;
            while ((line = r.readLine()) != null) {
                JsonObject c = JsonParser.parseString(line).getAsJsonObject();
                cases.put(c.get("name").getAsString(), c);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cases;
    }

    static Stream<String> numericCases() {
        return cases().entrySet().stream().filter(e -> e.getValue().has("predict")).map(Map.Entry::getKey);
    }

    static long[] longs(JsonArray a) {
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsLong();
        }
        return v;
    }

    static int[] ints(JsonObject spec, String key, int... otherwise) {
        if (!spec.has(key)) {
            return otherwise;
        }
        JsonArray a = spec.getAsJsonArray(key);
        return new int[] {a.get(0).getAsInt(), a.get(1).getAsInt()};
    }

    static String string(JsonObject spec, String key, String otherwise) {
        return spec.has(key) && !spec.get(key).isJsonNull() ? spec.get(key).getAsString() : otherwise;
    }

    /** The library's layer for a spec of the fixture. */
    static Layer layer(JsonObject spec) {
        String cls = spec.get("cls").getAsString();
        switch (cls) {
            case "Dense":
                return new Dense(spec.get("units").getAsInt(), string(spec, "activation", "linear"));
            case "Flatten":
                return new Flatten();
            case "Conv2D": {
                int[] k = ints(spec, "kernel");
                int[] s = ints(spec, "strides", 1, 1);
                int[] d = ints(spec, "dilation", 1, 1);
                Conv2D c = new Conv2D(spec.get("filters").getAsInt(), k[0], k[1], string(spec, "activation", null))
                        .padding(string(spec, "padding", "valid"))
                        .useBias(!spec.has("use_bias") || spec.get("use_bias").getAsBoolean());
                return c.strides(s[0], s[1]).dilationRate(d[0], d[1]);
            }
            case "MaxPooling2D":
            case "AveragePooling2D": {
                int[] p = ints(spec, "pool");
                int[] s = ints(spec, "strides", p);
                Pooling2D pool = cls.equals("MaxPooling2D") ? Pooling2D.max(p[0], p[1]) : Pooling2D.average(p[0], p[1]);
                return pool.strides(s[0], s[1]).padding(string(spec, "padding", "valid"));
            }
            case "GlobalAveragePooling2D":
                return new GlobalAveragePooling2D();
            case "Reshape":
                return new Reshape(longs(spec.getAsJsonArray("target")));
            case "Activation":
                return new ActivationLayer(spec.get("activation").getAsString());
            case "Dropout":
                return new Dropout(spec.get("rate").getAsDouble());
            case "BatchNormalization":
                return new BatchNormalization();
            case "LayerNormalization":
                return new LayerNormalization();
            case "Normalization":
                return new Normalization();
            case "Embedding":
                return new Embedding(spec.get("input_dim").getAsInt(), spec.get("output_dim").getAsInt());
            default:
                throw new IllegalArgumentException("no such layer in this test: " + cls);
        }
    }

    /** The case's model, built, with Keras' starting weights. */
    static Sequential model(JsonObject c) {
        Sequential model = new Sequential().add(new InputLayer(longs(c.getAsJsonArray("input_shape"))));
        for (JsonElement spec : c.getAsJsonArray("layers")) {
            model.add(layer(spec.getAsJsonObject()));
        }
        model.build(new Shape(longs(c.getAsJsonArray("input_shape"))));
        model.setWeights(arrays(c.getAsJsonArray("weights")));
        return model;
    }

    static float[] values(JsonObject array) {
        JsonArray a = array.getAsJsonArray("values");
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsFloat();
        }
        return v;
    }

    static List<float[]> arrays(JsonArray list) {
        List<float[]> out = new ArrayList<>();
        for (JsonElement e : list) {
            out.add(values(e.getAsJsonObject()));
        }
        return out;
    }

    static NDArray array(NDManager m, JsonObject array) {
        return m.create(values(array), new Shape(longs(array.getAsJsonArray("shape"))));
    }

    static float maxDiff(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "sizes");
        float max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }

    @ParameterizedTest
    @MethodSource("numericCases")
    void inferenceOutputsMatchKeras(String name) {
        JsonObject c = cases().get(name);
        try (Sequential model = model(c); NDManager m = NDManager.newBaseManager()) {
            NDArray out = model.predict(array(m, c.getAsJsonObject("x")));
            assertEquals(new Shape(longs(c.getAsJsonObject("predict").getAsJsonArray("shape"))), out.getShape());
            float d = maxDiff(values(c.getAsJsonObject("predict")), out.toFloatArray());
            System.out.println("[layers fixture] " + name + " predict max difference " + d);
            assertTrue(d <= TOLERANCE, name + ": max difference " + d);
        }
    }

    /** Normalization.adapt on the data Keras adapted to gives Keras' mean and variance within 1e-5. */
    @org.junit.jupiter.api.Test
    void adaptGivesKerasStatistics() {
        JsonObject c = cases().get("normalization_adapted");
        try (NDManager m = NDManager.newBaseManager()) {
            Normalization n = new Normalization().adapt(array(m, c.getAsJsonObject("adapt_data")));
            List<float[]> keras = arrays(c.getAsJsonArray("weights"));
            float dm = maxDiff(keras.get(0), n.mean());
            float dv = maxDiff(keras.get(1), n.variance());
            assertTrue(dm <= TOLERANCE && dv <= TOLERANCE, "mean " + dm + ", variance " + dv);
            assertTrue(keras.get(1)[0] > 0.5, "the data's variance is not the default 1 nor 0");
        }
    }

    static Stream<String> trainedCases() {
        return cases().entrySet().stream().filter(e -> e.getValue().has("weights_after")).map(Map.Entry::getKey);
    }

    @ParameterizedTest
    @MethodSource("trainedCases")
    void oneSgdStepMatchesKeras(String name) {
        JsonObject c = cases().get(name);
        try (Sequential model = model(c); NDManager m = NDManager.newBaseManager()) {
            model.compile(new SGD(0.1), "mse");
            NDArray x = array(m, c.getAsJsonObject("x"));
            NDArray y = array(m, c.getAsJsonObject("y"));
            History h = model.fit(x, y, new FitOptions().epochs(1).batchSize((int) x.getShape().get(0))
                    .shuffle(false).verbose(0));
            double loss = h.get("loss").get(0);
            double kerasLoss = c.get("loss").getAsDouble();
            assertEquals(kerasLoss, loss, 1e-5 * Math.max(1, Math.abs(kerasLoss)), name + " loss");
            List<float[]> expected = arrays(c.getAsJsonArray("weights_after"));
            List<float[]> actual = model.getWeights();
            assertEquals(expected.size(), actual.size(), name + " weight count");
            float worst = 0;
            for (int i = 0; i < expected.size(); i++) {
                worst = Math.max(worst, maxDiff(expected.get(i), actual.get(i)));
            }
            System.out.println("[layers fixture] " + name + " SGD step: loss " + loss + " vs Keras " + kerasLoss
                    + ", weights max difference " + worst);
            for (int i = 0; i < expected.size(); i++) {
                float d = maxDiff(expected.get(i), actual.get(i));
                assertTrue(d <= TOLERANCE, name + ": weight " + i + " differs by " + d + " " + java.util.Arrays.toString(actual.get(i)) + " vs " + java.util.Arrays.toString(expected.get(i)));
            }
        }
    }
}
