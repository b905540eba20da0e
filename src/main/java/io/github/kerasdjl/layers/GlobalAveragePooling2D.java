package io.github.kerasdjl.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Random;

/**
 * Keras' GlobalAveragePooling2D: the mean of each channel over the rows and columns of a channels-last image,
 * {@code (None, h, w, c)} to {@code (None, c)} ({@code keepdims=False}). No weights.
 */
public final class GlobalAveragePooling2D extends Layer {

    @Override
    public String typeName() {
        return "GlobalAveragePooling2D";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.dimension() != 3) {
            throw badInput(input, "images of rank 3 per sample, (height, width, channels), channels last");
        }
        return new Shape(input.get(2));
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        long cells = input.get(0) * input.get(1);
        long channels = input.get(2);
        // One axis of h*w cells (DJL's mean takes one axis at a time here), then the mean over it.
        return List.of(FunctionBlock.of("global_average_pool",
                x -> x.reshape(x.getShape().get(0), cells, channels).mean(new int[] {1}),
                s -> new Shape(s.get(0), s.get(3))));
    }

    @Override
    public String toString() {
        return "GlobalAveragePooling2D()";
    }
}
