package io.github.kerasdjl.reference;

import java.util.List;

/**
 * Gradients derived by hand for a batch: one array per weight, in Keras' order (kernel then bias, layer by layer) and
 * layout (a kernel is (inputs, units), flattened row-major).
 */
@FunctionalInterface
public interface GradientSource {
    List<double[]> gradients(double[][] x, double[][] y);
}
