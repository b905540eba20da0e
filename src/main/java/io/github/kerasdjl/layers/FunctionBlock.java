package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;

/**
 * A DJL block without parameters made of a function of one array (with the training flag) and the shape it gives,
 * batch axis included: the edges of the layers that DJL lays out differently (NHWC to NCHW and back), Keras' padding,
 * Flatten, Reshape, Dropout. Unlike DJL's {@code LambdaBlock}, it states its output shape without running itself.
 */
final class FunctionBlock extends AbstractBlock {

    /** The function: the input, whether the model trains. */
    interface Function {
        NDArray apply(NDArray x, boolean training);
    }

    private final String name;
    private final Function function;
    private final UnaryOperator<Shape> shape;

    FunctionBlock(String name, Function function, UnaryOperator<Shape> shape) {
        this.name = name;
        this.function = function;
        this.shape = shape;
    }

    /** A function that ignores the training flag. */
    static FunctionBlock of(String name, UnaryOperator<NDArray> function, UnaryOperator<Shape> shape) {
        return new FunctionBlock(name, (x, training) -> function.apply(x), shape);
    }

    /** The name of what it does, e.g. {@code nhwc_to_nchw}. */
    String name() {
        return name;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(function.apply(inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {shape.apply(inputShapes[0])};
    }

    @Override
    public String toString() {
        return "FunctionBlock(" + name + ")";
    }
}
