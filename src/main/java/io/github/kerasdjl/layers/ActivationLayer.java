package io.github.kerasdjl.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.github.kerasdjl.activations.Activation;
import java.util.List;
import java.util.Random;

/**
 * Keras' {@code Activation} layer ({@code keras.layers.Activation("relu")}): an activation applied to every value,
 * shape unchanged, no weights. It compiles to the activation's DJL block (the same one a Dense uses); linear is an
 * identity block. The class is named ActivationLayer so as not to hide {@link Activation}; Keras' name is
 * {@link #typeName()}, and the facade's factory is {@code Keras.Activation(name)}.
 */
public final class ActivationLayer extends Layer {

    private final Activation activation;

    /** The activation by Keras' name ({@code "relu"}, {@code "softmax"}, ...). */
    public ActivationLayer(String activation) {
        this(Activation.get(activation));
    }

    /** The activation. */
    public ActivationLayer(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("Invalid value for argument `activation`: null. Expected one of "
                    + Activation.names() + ".");
        }
        this.activation = activation;
    }

    /** The activation. */
    public Activation activation() {
        return activation;
    }

    @Override
    public String typeName() {
        return "Activation";
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        Block b = activation.toBlock();
        return List.of(b != null ? b : FunctionBlock.of("linear", x -> x, s -> s));
    }

    @Override
    public String toString() {
        return "Activation(" + activation.kerasName() + ")";
    }
}
