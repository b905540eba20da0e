package io.github.kerasdjl.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads the metric fixtures that tools/keras/metric_fixtures.py made with real Keras. */
final class KerasFixtures {

    /** |library - Keras| <= REL |Keras| + ABS: Keras computes in float32, the library in double. */
    static final double REL = 5e-5;
    static final double ABS = 1e-6;

    private KerasFixtures() {
    }

    static List<String> lines(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                KerasFixtures.class.getResourceAsStream("/fixtures/" + name), "no fixture " + name),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    static float[] floats(String[] t, int from) {
        float[] v = new float[t.length - from];
        for (int i = from; i < t.length; i++) {
            v[i - from] = Float.parseFloat(t[i]);
        }
        return v;
    }

    /** The relative difference, measured against max(|expected|, ABS / REL). */
    static double relative(double actual, double expected) {
        if (actual == expected) {
            return 0;
        }
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), ABS / REL);
    }
}
