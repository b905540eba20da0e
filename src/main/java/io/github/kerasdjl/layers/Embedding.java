package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.kerasdjl.initializers.Initializer;
import java.util.List;
import java.util.Random;

/**
 * Keras' Embedding(input_dim, output_dim): each integer index of the input (given as floats, batch first, e.g.
 * {@code (None, sequence)}) replaced by row {@code index} of a trainable (input_dim, output_dim) matrix, initialized
 * {@code uniform} (Keras' RandomUniform(-0.05, 0.05)). Output shape: the input's plus {@code output_dim}. Computed
 * as a one-hot of the indices times the matrix, so the gradient reaches exactly the rows used. An index outside
 * [0, input_dim) is an error naming the layer and the index (Keras' JAX backend gives a row of NaN for a too large
 * one and wraps a negative one; neither is what a user means).
 */
public final class Embedding extends Layer {

    private final int inputDim;
    private final int outputDim;
    private Initializer initializer = Initializer.get("random_uniform");
    private Parameter embeddings;

    /** A vocabulary of {@code inputDim} indices, each an {@code outputDim}-vector. */
    public Embedding(int inputDim, int outputDim) {
        if (inputDim < 1) {
            throw new IllegalArgumentException("Invalid value for argument `input_dim`: " + inputDim
                    + ". Expected an integer >= 1.");
        }
        if (outputDim < 1) {
            throw new IllegalArgumentException("Invalid value for argument `output_dim`: " + outputDim
                    + ". Expected an integer >= 1.");
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
    }

    /** Keras' {@code embeddings_initializer}, by name. */
    public Embedding embeddingsInitializer(String name) {
        this.initializer = Initializer.get(name);
        return this;
    }

    /** The embeddings' initializer. */
    public Initializer embeddingsInitializer() {
        return initializer;
    }

    public int vocabularySize() {
        return inputDim;
    }

    public int embeddingSize() {
        return outputDim;
    }

    @Override
    public String typeName() {
        return "Embedding";
    }

    @Override
    public Shape outputShape(Shape input) {
        return input.add(outputDim);
    }

    @Override
    public long countParams(Shape input) {
        return (long) inputDim * outputDim;
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        AbstractBlock block = new AbstractBlock() {
            {
                embeddings = addParameter(Parameter.builder().setName("embeddings").setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(inputDim, outputDim))
                        .optInitializer((NDManager m, Shape s, DataType t) -> m.create(initializer.sample(
                                inputDim * outputDim, inputDim, outputDim, random), s)).build());
            }

            @Override
            protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                    PairList<String, Object> params) {
                NDArray x = inputs.singletonOrThrow();
                NDArray e = store.getValue(embeddings, x.getDevice(), training);
                float low = x.min().getFloat();
                float high = x.max().getFloat();
                if (low < 0 || high >= inputDim) {
                    throw new IllegalArgumentException("Invalid value for argument `inputs` of layer '" + getName()
                            + "' (Embedding): index " + (low < 0 ? low : high) + ". Expected integer indices in [0, "
                            + inputDim + "), input_dim " + inputDim + ".");
                }
                NDArray hot = x.toType(DataType.INT64, false).oneHot(inputDim);
                return new NDList(hot.matMul(e));
            }

            @Override
            public Shape[] getOutputShapes(Shape[] inputShapes) {
                return new Shape[] {inputShapes[0].add(outputDim)};
            }
        };
        return List.of(block);
    }

    @Override
    public List<Weight> weights() {
        return isBuilt() ? List.of(new Weight("embeddings", embeddings, false)) : List.of();
    }

    @Override
    public String toString() {
        return "Embedding(input_dim=" + inputDim + ", output_dim=" + outputDim + ")";
    }
}
