package io.github.kerasdjl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.kerasdjl.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code summary()} against the text of Keras 3.15.1's own {@code model.summary()} for every model of
 * {@code fixtures/layers.txt} ({@code tools/keras/layer_fixtures.py}), the digits convnet among them: the
 * same rows (layer name and type, output shape as Keras prints it, parameter count) and the same totals lines
 * (total, trainable and non-trainable counts with their sizes). The frame differs on purpose (ASCII here, Keras'
 * box characters there), so the rows are compared, not the bytes.
 */
class LayerSummaryTest {

    static Stream<String> allCases() {
        return LayersKerasTest.cases().keySet().stream();
    }

    /** name (Type), shape, params, from Keras' table: a name too long for its cell continues on the next line. */
    static List<String> kerasRows(String text) {
        List<String> rows = new ArrayList<>();
        String[] last = null;
        for (String line : text.split("\n")) {
            if (!line.startsWith("│")) {
                continue;
            }
            String[] cells = line.split("│", -1);
            String name = cells[1].strip();
            String shape = cells[2].strip();
            String params = cells[3].strip();
            if (shape.isEmpty() && params.isEmpty() && last != null) {
                last[0] = last[0] + " " + name;
                rows.set(rows.size() - 1, String.join(" | ", last));
                continue;
            }
            last = new String[] {name, shape, params};
            rows.add(String.join(" | ", last));
        }
        return rows;
    }

    static final Pattern OUR_ROW = Pattern.compile("^ (\\S+ \\(\\w+\\))\\s+(\\(None[^)]*\\))\\s+([\\d,]+)$");

    static List<String> ourRows(String text) {
        List<String> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = OUR_ROW.matcher(line);
            if (m.matches()) {
                rows.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3));
            }
        }
        return rows;
    }

    static List<String> totals(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Total params:") || l.startsWith("Trainable params:")
                    || l.startsWith("Non-trainable params:")) {
                lines.add(l);
            }
        }
        return lines;
    }

    @ParameterizedTest
    @MethodSource("allCases")
    void summaryRowsAndTotalsAreKeras(String name) {
        Map<String, JsonObject> cases = LayersKerasTest.cases();
        JsonObject c = cases.get(name);
        String keras = c.get("summary").getAsString();
        Sequential model = new Sequential().add(new InputLayer(LayersKerasTest.longs(c.getAsJsonArray("input_shape"))));
        for (JsonElement spec : c.getAsJsonArray("layers")) {
            model.add(LayersKerasTest.layer(spec.getAsJsonObject()));
        }
        try (model) {
            // Before build: the shapes and counts come from the Input alone.
            String unbuilt = model.summary();
            model.build(new Shape(LayersKerasTest.longs(c.getAsJsonArray("input_shape"))));
            String built = model.summary();
            List<String> expected = kerasRows(keras);
            assertFalse(expected.isEmpty(), "the Keras table was parsed");
            assertEquals(expected, ourRows(built), built);
            assertEquals(expected, ourRows(unbuilt), unbuilt);
            assertEquals(totals(keras), totals(built), built);
            List<String> names = new ArrayList<>();
            for (Layer l : model.layers()) {
                names.add(l.getName());
            }
            List<String> kerasNames = new ArrayList<>();
            c.getAsJsonArray("layer_names").forEach(e -> kerasNames.add(e.getAsString()));
            assertEquals(kerasNames, names, "Keras' default layer names");
        }
    }
}
