package io.github.kerasdjl;

import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.layers.Layer;
import java.util.List;
import java.util.Locale;

/**
 * Keras' {@code model.summary()} table: layer (type), output shape, parameter count, totals. Keras 2's ASCII frame
 * (safe in logs and Windows consoles) with Keras 3's byte totals. A model with an unknown input width shows its
 * layers with {@code 0 (unbuilt)} parameters.
 */
final class Summary {

    private Summary() {
    }

    /** The summary of a model named {@code name} with these layers and input width (0: not known yet). */
    static String of(String name, List<Layer> layers, int inputDim) {
        return of(name, layers, inputDim == 0 ? null : new Shape(inputDim));
    }

    /**
     * The summary for an input sample shape (null: not known yet). Output shapes as Keras prints them:
     * {@code (None, 6, 6, 16)}; a layer after an unknown input shows its shape only when it does not depend on it
     * (a Dense's units).
     */
    static String of(String name, List<Layer> layers, Shape input) {
        final int c1 = 29;
        final int c2 = 26;
        final int lineLength = 65;
        StringBuilder b = new StringBuilder();
        b.append("Model: \"").append(name).append("\"\n");
        b.append("_".repeat(lineLength)).append('\n');
        b.append(row(c1, c2, "Layer (type)", "Output Shape", "Param #")).append('\n');
        b.append("=".repeat(lineLength)).append('\n');
        Shape current = input;
        long total = 0;
        long frozen = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String params;
            String shape;
            if (current == null) {
                params = "0 (unbuilt)";
                shape = l instanceof io.github.kerasdjl.layers.Dense d ? "(None, " + d.units() + ")" : "?";
            } else {
                long p = l.countParams(current);
                total += p;
                frozen += l.countNonTrainableParams(current);
                params = String.format(Locale.ROOT, "%,d", p);
                current = l.outputShape(current);
                shape = Layer.format(current);
            }
            b.append(row(c1, c2, l.getName() + " (" + l.typeName() + ")", shape, params)).append('\n');
            b.append(i == layers.size() - 1 ? "=".repeat(lineLength) : "").append('\n');
        }
        if (layers.isEmpty()) {
            b.append("=".repeat(lineLength)).append('\n');
        }
        String bytes = formatBytes(total * 4);
        b.append("Total params: ").append(String.format(Locale.ROOT, "%,d", total)).append(" (").append(bytes)
                .append(")\n");
        b.append("Trainable params: ").append(String.format(Locale.ROOT, "%,d", total - frozen)).append(" (")
                .append(formatBytes((total - frozen) * 4)).append(")\n");
        b.append("Non-trainable params: ").append(String.format(Locale.ROOT, "%,d", frozen)).append(" (")
                .append(formatBytes(frozen * 4)).append(")\n");
        b.append("_".repeat(lineLength)).append('\n');
        return b.toString();
    }

    private static String row(int c1, int c2, String a, String b, String c) {
        return (pad(" " + a, c1) + pad(b, c2) + c).stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.2f B", (double) bytes);
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024.0));
    }

}
