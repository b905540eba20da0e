package io.github.kerasdjl.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Random;

/**
 * Keras' Flatten: each sample's values as one axis, in C order of the channels-last layout, so a Dense after it sees
 * the values in Keras' order ({@code (None, 3, 3, 16)} becomes {@code (None, 144)}). No weights.
 *
 * <p>One difference from Keras, on purpose: an input of one axis, {@code (None, n)}, has nothing to flatten and is
 * refused with an error naming the layer and the shape (Keras passes it through unchanged, which in a model
 * written by hand is a misplaced layer).
 */
public final class Flatten extends Layer {

    @Override
    public String typeName() {
        return "Flatten";
    }

    /** {@code (None, product of the axes)}; an input of one axis is an error (see the class comment). */
    @Override
    public Shape outputShape(Shape input) {
        if (input.dimension() < 2) {
            throw badInput(input, "samples of rank >= 2 (e.g. (None, 6, 6, 16)): there is nothing to flatten in"
                    + " samples of one axis; remove the Flatten or put it after a layer that gives N-D outputs");
        }
        return new Shape(input.size());
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        long size = input.size();
        return List.of(FunctionBlock.of("flatten", x -> x.reshape(x.getShape().get(0), size),
                s -> new Shape(s.get(0), size)));
    }

    @Override
    public String toString() {
        return "Flatten()";
    }
}
