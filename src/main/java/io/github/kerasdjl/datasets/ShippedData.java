package io.github.kerasdjl.datasets;

import java.util.List;

/**
 * Reads the data sets shipped in the jar as scikit-learn ships them ({@code sklearn/datasets/data/}, resources of
 * this package): a first line "samples,features,class names..." (none for the digits), then one row per sample, the
 * features and the class index last.
 */
final class ShippedData {

    private ShippedData() {
    }

    static Table load(String resource, String name, List<String> featureNames, List<String> classNames,
            boolean headerLine, int[] imageShape) {
        List<String> lines = Csv.resourceLines(resource);
        int from = 0;
        if (headerLine) {
            List<String> head = Csv.cells(lines.get(0));
            int samples = Integer.parseInt(head.get(0));
            int features = Integer.parseInt(head.get(1));
            if (features != featureNames.size() || !head.subList(2, head.size()).equals(classNames)) {
                throw new IllegalStateException("The data set resource " + resource + " is not the one expected: "
                        + head);
            }
            from = 1;
            float[][] rows = Csv.numbers(lines, from, features + 1, resource, "resource");
            if (rows.length != samples) {
                throw new IllegalStateException("The data set resource " + resource + " has " + rows.length
                        + " rows; its first line says " + samples + ".");
            }
            return table(rows, name, featureNames, classNames, imageShape);
        }
        return table(Csv.numbers(lines, from, featureNames.size() + 1, resource, "resource"), name, featureNames,
                classNames, imageShape);
    }

    private static Table table(float[][] rows, String name, List<String> featureNames, List<String> classNames,
            int[] imageShape) {
        int f = featureNames.size();
        float[][] x = new float[rows.length][];
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = java.util.Arrays.copyOf(rows[i], f);
            y[i] = rows[i][f];
        }
        return new Table(name, featureNames, "target", classNames, x, y, imageShape);
    }
}
