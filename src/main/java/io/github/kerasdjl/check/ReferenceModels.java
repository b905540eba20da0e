package io.github.kerasdjl.check;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.reference.ReferenceMlp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model into the hand-derived reference and writes the reference's weights back: the adapter between the
 * library and its oracle, which do not know each other.
 */
public final class ReferenceModels {

    private ReferenceModels() {
    }

    /** The same architecture, loss and weights as a built, compiled Sequential of Dense layers. */
    public static ReferenceMlp of(Sequential model) {
        if (model.loss() == null) {
            throw new IllegalStateException("Compile the model first: the reference needs its loss");
        }
        if (!model.loss().arguments().isEmpty()) {
            throw new IllegalArgumentException("The reference derives losses with Keras' default arguments only, not "
                    + model.loss() + ".");
        }
        List<ReferenceMlp.DenseLayer> copy = new ArrayList<>();
        for (Layer l : model.layers()) {
            if (!(l instanceof Dense d)) {
                throw new IllegalArgumentException("The reference knows Dense layers only, not " + l.typeName());
            }
            if (d.kernelRegularizer() != null) {
                throw new IllegalArgumentException("The reference has no regularizers; layer '" + d.getName()
                        + "' has " + d.kernelRegularizer() + ".");
            }
            copy.add(new ReferenceMlp.DenseLayer(Precision.toDouble(d.getKernel()),
                    d.usesBias() ? Precision.toDouble(d.getBias()) : null,
                    ReferenceMlp.Activation.of(d.activation().kerasName())));
        }
        return new ReferenceMlp(copy, ReferenceMlp.Loss.of(model.loss().name()));
    }

    /** Writes the reference's weights into the model (rounded to float32). */
    public static void copy(ReferenceMlp reference, Sequential model) {
        model.setWeights(Precision.toFloat(reference.weights()));
    }
}
