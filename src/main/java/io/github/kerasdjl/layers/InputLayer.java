package io.github.kerasdjl.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Random;

/**
 * Keras' {@code keras.Input(shape)} / {@code InputLayer}: the shape of one input sample, without the batch axis,
 * channels last ({@code Input(8, 8, 1)} for 8x8 grey images). Added first to a {@code Sequential}, it fixes the
 * model's input shape; as in Keras 3 it is not one of {@code model.layers()} and has no row in the summary. It
 * compiles to no block.
 */
public final class InputLayer extends Layer {

    private final Shape shape;

    /** An input of samples of this shape (each axis >= 1). */
    public InputLayer(long... shape) {
        this.shape = checkShape("shape", shape);
        setName("input_layer");
    }

    /** An input of samples of this shape. */
    public InputLayer(Shape shape) {
        this(shape == null ? null : shape.getShape());
    }

    /** The shape of one sample. */
    public Shape shape() {
        return shape;
    }

    @Override
    public String typeName() {
        return "InputLayer";
    }

    @Override
    public Shape declaredInputShape() {
        return shape;
    }

    @Override
    public Shape outputShape(Shape input) {
        if (!input.equals(shape)) {
            throw badInput(input, "samples of shape " + format(shape));
        }
        return shape;
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        return List.of();
    }

    @Override
    public String toString() {
        return "InputLayer(shape=" + format(shape) + ")";
    }
}
