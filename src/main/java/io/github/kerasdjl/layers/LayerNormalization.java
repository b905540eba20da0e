package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Random;

/**
 * Keras' LayerNormalization over the last axis: each sample's values on that axis normalized by their own mean and
 * biased variance, {@code epsilon} 1e-3, then scaled by gamma (ones) and shifted by beta (zeros); the same in
 * training and inference. Keras' formula: {@code x * inv + (beta - mean * inv)}, {@code inv = gamma /
 * sqrt(variance + epsilon)}.
 */
public final class LayerNormalization extends Layer {

    private final double epsilon;
    private Parameter gamma;
    private Parameter beta;

    /** Keras' default epsilon 1e-3. */
    public LayerNormalization() {
        this(1e-3);
    }

    /** Keras' {@code epsilon} > 0. */
    public LayerNormalization(double epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Invalid value for argument `epsilon`: " + epsilon
                    + ". Expected a number > 0.");
        }
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String typeName() {
        return "LayerNormalization";
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public long countParams(Shape input) {
        return 2 * input.get(input.dimension() - 1);
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        long c = input.get(input.dimension() - 1);
        float eps = (float) epsilon;
        AbstractBlock block = new AbstractBlock() {
            {
                gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                        .optShape(new Shape(c)).optInitializer(Initializer.ONES).build());
                beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                        .optShape(new Shape(c)).optInitializer(Initializer.ZEROS).build());
            }

            @Override
            protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                    PairList<String, Object> params) {
                NDArray x = inputs.singletonOrThrow();
                NDArray g = store.getValue(gamma, x.getDevice(), training);
                NDArray b = store.getValue(beta, x.getDevice(), training);
                int last = x.getShape().dimension() - 1;
                NDArray mean = x.mean(new int[] {last}, true);
                NDArray variance = x.sub(mean).square().mean(new int[] {last}, true);
                NDArray inv = variance.add(eps).sqrt().pow(-1).mul(g);
                return new NDList(x.mul(inv).add(b.sub(mean.mul(inv))));
            }

            @Override
            public Shape[] getOutputShapes(Shape[] inputShapes) {
                return inputShapes;
            }
        };
        return List.of(block);
    }

    @Override
    public List<Weight> weights() {
        if (!isBuilt()) {
            return List.of();
        }
        return List.of(new Weight("gamma", gamma, false), new Weight("beta", beta, false));
    }

    @Override
    public String toString() {
        return "LayerNormalization(epsilon=" + epsilon + ")";
    }
}
