package io.github.kerasdjl.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads fixtures/datasets.txt, made by tools/keras/dataset_fixtures.py with scikit-learn 1.9.1. */
final class SklearnFixture {

    /** What scikit-learn's loader gave for one data set. */
    record Loaded(int samples, int features, int classes, int[] counts, Map<Integer, double[]> rows) {
    }

    /** StandardScaler's attributes and transformed rows. */
    record Scaler(long samples, double[] mean, double[] var, double[] scale, Map<Integer, double[]> rows) {
    }

    final Map<String, Loaded> loaded = new HashMap<>();
    final Map<String, Scaler> scalers = new HashMap<>();
    double[] constant;

    SklearnFixture() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("src/test/resources/fixtures/datasets.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] t = lines.get(i).split(" ");
            if (t[0].equals("dataset")) {
                int[] counts = ints(lines.get(++i).split(" "));
                Map<Integer, double[]> rows = new LinkedHashMap<>();
                while (i + 1 < lines.size() && lines.get(i + 1).startsWith("row ")) {
                    String[] r = lines.get(++i).split(" ");
                    rows.put(Integer.parseInt(r[1]), doubles(r, 2));
                }
                loaded.put(t[1], new Loaded(Integer.parseInt(t[2]), Integer.parseInt(t[3]), Integer.parseInt(t[4]),
                        counts, rows));
            } else if (t[0].equals("scaler")) {
                double[] mean = doubles(lines.get(++i).split(" "), 1);
                double[] var = doubles(lines.get(++i).split(" "), 1);
                double[] scale = doubles(lines.get(++i).split(" "), 1);
                Map<Integer, double[]> rows = new LinkedHashMap<>();
                while (i + 1 < lines.size() && lines.get(i + 1).startsWith("trow ")) {
                    String[] r = lines.get(++i).split(" ");
                    rows.put(Integer.parseInt(r[1]), doubles(r, 2));
                }
                scalers.put(t[1], new Scaler((long) Double.parseDouble(t[2]), mean, var, scale, rows));
            } else if (t[0].equals("constant")) {
                constant = doubles(t, 1);
            }
        }
    }

    private static int[] ints(String[] t) {
        int[] out = new int[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            out[i - 1] = Integer.parseInt(t[i]);
        }
        return out;
    }

    private static double[] doubles(String[] t, int from) {
        List<Double> v = new ArrayList<>();
        for (int i = from; i < t.length; i++) {
            v.add(Double.parseDouble(t[i]));
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
