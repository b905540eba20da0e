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
 * Keras' BatchNormalization over the last axis (channels last): {@code momentum} 0.99, {@code epsilon} 1e-3, gamma
 * ones, beta zeros, moving mean zeros, moving variance ones. In training (and when the layer is trainable) it
 * normalizes with the batch's mean and biased variance over every other axis and updates the moving statistics,
 * {@code moving = moving * momentum + batch * (1 - momentum)}; in inference it uses the moving statistics. The
 * output is Keras' {@code x * inv + (beta - mean * inv)} with {@code inv = gamma / sqrt(variance + epsilon)}.
 *
 * <p>Its block is this library's own, not DJL's {@code BatchNorm}, because PyTorch's running variance uses the
 * unbiased batch variance and its momentum the other way round. get_weights order: gamma, beta, moving_mean,
 * moving_variance; the last two are non-trainable. Training with it on several devices is not supported yet (the
 * moving statistics live on the first device).
 */
public final class BatchNormalization extends Layer {

    private final double momentum;
    private final double epsilon;
    private NormBlock block;

    /** Keras' defaults: momentum 0.99, epsilon 1e-3. */
    public BatchNormalization() {
        this(0.99, 1e-3);
    }

    /** Keras' {@code momentum} in [0, 1] and {@code epsilon} > 0. */
    public BatchNormalization(double momentum, double epsilon) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("Invalid value for argument `momentum`: " + momentum
                    + ". Expected a number in [0, 1].");
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Invalid value for argument `epsilon`: " + epsilon
                    + ". Expected a number > 0.");
        }
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String typeName() {
        return "BatchNormalization";
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public long countParams(Shape input) {
        return 4 * input.get(input.dimension() - 1);
    }

    @Override
    public long countNonTrainableParams(Shape input) {
        return isTrainable() ? 2 * input.get(input.dimension() - 1) : countParams(input);
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        block = new NormBlock(this, input.get(input.dimension() - 1));
        return List.of(block);
    }

    @Override
    public List<Weight> weights() {
        if (!isBuilt()) {
            return List.of();
        }
        return List.of(new Weight("gamma", block.gamma, false), new Weight("beta", block.beta, false),
                new Weight("moving_mean", block.movingMean, false).nonTrainable(),
                new Weight("moving_variance", block.movingVariance, false).nonTrainable());
    }

    @Override
    public String toString() {
        return "BatchNormalization(momentum=" + momentum + ", epsilon=" + epsilon + ")";
    }

    /** The block: four parameters over the last axis. */
    private static final class NormBlock extends AbstractBlock {
        private final BatchNormalization layer;
        final Parameter gamma;
        final Parameter beta;
        final Parameter movingMean;
        final Parameter movingVariance;
        private final long channels;

        NormBlock(BatchNormalization layer, long channels) {
            this.layer = layer;
            this.channels = channels;
            Shape c = new Shape(channels);
            gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optShape(c)
                    .optInitializer(Initializer.ONES).build());
            beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optShape(c)
                    .optInitializer(Initializer.ZEROS).build());
            movingMean = addParameter(Parameter.builder().setName("moving_mean")
                    .setType(Parameter.Type.RUNNING_MEAN).optRequiresGrad(false).optShape(c)
                    .optInitializer(Initializer.ZEROS).build());
            movingVariance = addParameter(Parameter.builder().setName("moving_variance")
                    .setType(Parameter.Type.RUNNING_VAR).optRequiresGrad(false).optShape(c)
                    .optInitializer(Initializer.ONES).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDArray g = store.getValue(gamma, x.getDevice(), training);
            NDArray b = store.getValue(beta, x.getDevice(), training);
            NDArray mm = store.getValue(movingMean, x.getDevice(), training);
            NDArray mv = store.getValue(movingVariance, x.getDevice(), training);
            NDArray mean;
            NDArray variance;
            if (training && layer.isTrainable()) {
                NDArray rows = x.reshape(-1, channels);
                mean = rows.mean(new int[] {0});
                variance = rows.sub(mean).square().mean(new int[] {0});
                float m = (float) layer.momentum;
                // Not recorded: the moving statistics are state, updated in place with the batch's values.
                try (NDArray meanValue = mean.stopGradient(); NDArray varianceValue = variance.stopGradient()) {
                    mm.muli(m).addi(meanValue.mul(1 - m));
                    mv.muli(m).addi(varianceValue.mul(1 - m));
                }
            } else {
                mean = mm;
                variance = mv;
            }
            NDArray inv = variance.add((float) layer.epsilon).sqrt().pow(-1).mul(g);
            return new NDList(x.mul(inv).add(b.sub(mean.mul(inv))));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
