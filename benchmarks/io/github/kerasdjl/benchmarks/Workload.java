package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.datasets.Beans;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import java.util.Random;

/**
 * The benchmark workloads, defined once. One benchmark operation is one epoch: {@link #stepsPerEpoch()} training
 * steps of {@link #batch} samples.
 */
public enum Workload {
    /** Lesson 001's spiral network 2-8-8-8-1 (relu, sigmoid out), mse, SGD 0.05, batch 10, 400 points, shuffled. */
    W1(new int[] {2, 8, 8, 8, 1}, "relu", "sigmoid", "mse", 0.05, 10, true),
    /** 784-512-512-10 relu/softmax, categorical cross-entropy, SGD 0.01, batch 256, 1,024 random samples, shuffled. */
    W2(new int[] {784, 512, 512, 10}, "relu", "softmax", "categorical_crossentropy", 0.01, 256, true),
    /** The beans' 1-2-1 sigmoid network, mse, per-bean SGD (batch 1, in order) with alpha 0.03, 100 beans. */
    W3(new int[] {1, 2, 1}, "sigmoid", "sigmoid", "mse", 0.03, 1, false);

    /** Layer widths, input first. */
    public final int[] widths;
    public final String hidden;
    public final String output;
    public final String loss;
    public final double learningRate;
    public final int batch;
    public final boolean shuffle;

    Workload(int[] widths, String hidden, String output, String loss, double learningRate, int batch,
            boolean shuffle) {
        this.widths = widths;
        this.hidden = hidden;
        this.output = output;
        this.loss = loss;
        this.learningRate = learningRate;
        this.batch = batch;
        this.shuffle = shuffle;
    }

    /** The training data (seeded). */
    public Dataset data() {
        return switch (this) {
            case W1 -> Playground.spiral(400, 0.0, 1);
            case W2 -> random(1024, 784, 10, 1);
            case W3 -> Beans.hump(100, 1);
        };
    }

    /** Steps per epoch. */
    public int stepsPerEpoch() {
        int n = data().size();
        return (n + batch - 1) / batch;
    }

    private static Dataset random(int samples, int features, int classes, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[samples][features];
        float[][] y = new float[samples][classes];
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < features; k++) {
                x[i][k] = r.nextFloat();
            }
            y[i][r.nextInt(classes)] = 1;
        }
        return new Dataset(x, y);
    }
}
