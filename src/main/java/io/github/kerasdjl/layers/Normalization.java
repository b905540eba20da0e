package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.kerasdjl.backend.Samples;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Keras' Normalization (axis -1): {@code (x - mean) / max(sqrt(variance), 1e-7)} per feature of the last axis, with
 * the mean and variance given or learnt by {@link #adapt} from data (the mean and biased variance over every other
 * axis, as Keras' {@code adapt} of an array). The statistics stay in the model: new data is standardized as the
 * training data was. get_weights order: mean, variance, count (Keras keeps count, 0 after adapt of an array, for old
 * files); all three are non-trainable. With the mean and variance given to the constructor, Keras 3 makes them
 * constants and its summary counts 0 parameters; here they are the same three non-trainable weights (2c + 1
 * parameters), so the numbers agree but that summary line does not.
 */
public final class Normalization extends Layer {

    private static final float EPSILON = 1e-7f; // Keras' backend.epsilon()

    private float[] mean;
    private float[] variance;
    private Parameter meanParameter;
    private Parameter varianceParameter;
    private Parameter countParameter;

    /** Statistics to come from {@link #adapt} (mean 0, variance 1 until then). */
    public Normalization() {
    }

    /** Keras' {@code Normalization(mean=..., variance=...)}: one value per feature of the last axis. */
    public Normalization(float[] mean, float[] variance) {
        if (mean == null || variance == null || mean.length != variance.length || mean.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `mean`/`variance`: "
                    + (mean == null ? "null" : mean.length + " values") + " and "
                    + (variance == null ? "null" : variance.length + " values")
                    + ". Expected the same number of values, one per feature of the last axis.");
        }
        for (float v : variance) {
            if (!(v >= 0) || !Float.isFinite(v)) {
                throw new IllegalArgumentException("Invalid value for argument `variance`: " + Arrays.toString(variance)
                        + ". Expected finite values >= 0.");
            }
        }
        this.mean = mean.clone();
        this.variance = variance.clone();
    }

    /** Keras' adapt on rows: the mean and variance of each column. */
    public Normalization adapt(float[][] data) {
        return adapt(Samples.of("data", data));
    }

    /** Keras' adapt on samples of rank 3 (images): the statistics of each channel. */
    public Normalization adapt(float[][][][] data) {
        return adapt(Samples.of("data", data));
    }

    /** Keras' adapt on an engine array, batch first. */
    public Normalization adapt(NDArray data) {
        return adapt(Samples.of("data", data));
    }

    private Normalization adapt(Samples data) {
        Shape shape = data.shape();
        int features = (int) shape.get(shape.dimension() - 1);
        if (isBuilt() && features != mean.length) {
            throw new IllegalArgumentException("Invalid value for argument `data`: samples of shape "
                    + format(shape) + ", but layer '" + getName() + "' is built for " + mean.length
                    + " features on the last axis.");
        }
        double[] sum = new double[features];
        double[] sumSq = new double[features];
        long count = 0;
        for (float[] row : data.rows()) {
            for (int i = 0; i < row.length; i++) {
                sum[i % features] += row[i];
            }
            count += row.length / features;
        }
        float[] m = new float[features];
        for (int f = 0; f < features; f++) {
            m[f] = (float) (sum[f] / count);
        }
        for (float[] row : data.rows()) {
            for (int i = 0; i < row.length; i++) {
                double d = row[i] - sum[i % features] / count;
                sumSq[i % features] += d * d;
            }
        }
        float[] v = new float[features];
        for (int f = 0; f < features; f++) {
            v[f] = (float) (sumSq[f] / count);
        }
        this.mean = m;
        this.variance = v;
        if (isBuilt()) {
            weights().get(0).setValues("mean", m);
            weights().get(1).setValues("variance", v);
        }
        return this;
    }

    /** The mean per feature (null before adapt without given statistics). */
    public float[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** The variance per feature. */
    public float[] variance() {
        return variance == null ? null : variance.clone();
    }

    @Override
    public String typeName() {
        return "Normalization";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (mean != null && input.get(input.dimension() - 1) != mean.length) {
            throw badInput(input, mean.length + " features on the last axis (the statistics' size)");
        }
        return input;
    }

    @Override
    public long countParams(Shape input) {
        return 2 * input.get(input.dimension() - 1) + 1;
    }

    @Override
    public long countNonTrainableParams(Shape input) {
        return countParams(input);
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        int c = (int) input.get(input.dimension() - 1);
        float[] m = mean != null ? mean : new float[c];
        float[] v = variance;
        if (v == null) {
            v = new float[c];
            Arrays.fill(v, 1f);
        }
        mean = m;
        variance = v;
        float[] mv = m;
        float[] vv = v;
        AbstractBlock block = new AbstractBlock() {
            {
                meanParameter = addParameter(Parameter.builder().setName("mean").setType(Parameter.Type.RUNNING_MEAN)
                        .optRequiresGrad(false).optShape(new Shape(c))
                        .optInitializer((mg, s, t) -> mg.create(mv.clone(), s)).build());
                varianceParameter = addParameter(Parameter.builder().setName("variance")
                        .setType(Parameter.Type.RUNNING_VAR).optRequiresGrad(false).optShape(new Shape(c))
                        .optInitializer((mg, s, t) -> mg.create(vv.clone(), s)).build());
                countParameter = addParameter(Parameter.builder().setName("count").setType(Parameter.Type.OTHER)
                        .optRequiresGrad(false).optShape(new Shape()).optInitializer((mg, s, t) -> mg.zeros(s))
                        .build());
            }

            @Override
            protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                    PairList<String, Object> params) {
                NDArray x = inputs.singletonOrThrow();
                NDArray mean = store.getValue(meanParameter, x.getDevice(), training);
                NDArray variance = store.getValue(varianceParameter, x.getDevice(), training);
                return new NDList(x.sub(mean).div(variance.sqrt().maximum(EPSILON)));
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
        return List.of(new Weight("mean", meanParameter, false).nonTrainable(),
                new Weight("variance", varianceParameter, false).nonTrainable(),
                new Weight("count", countParameter, false).nonTrainable());
    }

    @Override
    public String toString() {
        return "Normalization(" + (mean == null ? "not adapted" : mean.length + " features") + ")";
    }
}
