package io.github.kerasdjl.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Keras' Reshape({@code target_shape}): each sample's values in C order, given a new shape (without the batch axis);
 * one axis may be -1, inferred from the others. No weights.
 */
public final class Reshape extends Layer {

    private final long[] target;

    /** The target shape of one sample; one axis may be -1. */
    public Reshape(long... targetShape) {
        if (targetShape == null || targetShape.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `target_shape`: "
                    + (targetShape == null ? "null" : "()") + ". Expected the shape of one sample, e.g. (6, 6, 1).");
        }
        int unknown = 0;
        for (long d : targetShape) {
            if (d == -1) {
                unknown++;
            } else if (d < 1) {
                throw new IllegalArgumentException("Invalid value for argument `target_shape`: "
                        + Arrays.toString(targetShape) + ". Expected axes >= 1, and at most one -1.");
            }
        }
        if (unknown > 1) {
            throw new IllegalArgumentException("Invalid value for argument `target_shape`: "
                    + Arrays.toString(targetShape) + ". Expected at most one -1 (an axis inferred from the others).");
        }
        this.target = targetShape.clone();
    }

    /** The target shape as given (-1 for an inferred axis). */
    public long[] targetShape() {
        return target.clone();
    }

    @Override
    public String typeName() {
        return "Reshape";
    }

    @Override
    public Shape outputShape(Shape input) {
        long known = 1;
        int free = -1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                free = i;
            } else {
                known *= target[i];
            }
        }
        long[] out = target.clone();
        if (free >= 0) {
            if (input.size() % known != 0) {
                throw badInput(input, "a number of values divisible by " + known + " for target_shape "
                        + Arrays.toString(target));
            }
            out[free] = input.size() / known;
        }
        Shape shape = new Shape(out);
        if (shape.size() != input.size()) {
            throw badInput(input, "samples of " + shape.size() + " values for target_shape " + Arrays.toString(target)
                    + ", not " + input.size());
        }
        return shape;
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        Shape out = outputShape(input);
        return List.of(FunctionBlock.of("reshape", x -> x.reshape(new Shape(x.getShape().get(0)).addAll(out)),
                s -> new Shape(s.get(0)).addAll(out)));
    }

    @Override
    public String toString() {
        return "Reshape(target_shape=" + Arrays.toString(target) + ")";
    }
}
