package io.github.kerasdjl.benchmarks;

import io.github.kerasdjl.datasets.Dataset;

/**
 * A dense network and its training, as the raw-DJL implementations ({@link IdiomaticDjl}, {@link HandTunedDjl}) and
 * the DSL ({@link TrainingBenchmark#dslModel(MlpSpec)}) take it: from a {@link Workload} (W1-W3) or from a point of
 * the scaling sweep ({@link SweepConfig}).
 *
 * @param name a name for the DJL model
 * @param widths layer widths, input first
 * @param hidden the hidden layers' activation
 * @param output the last layer's activation
 * @param loss the loss, by Keras name ("mse" or "categorical_crossentropy")
 * @param learningRate SGD's learning rate
 * @param batch the batch size
 * @param shuffle whether each epoch is shuffled
 * @param metrics the DSL's compiled metrics
 * @param data the training data
 */
record MlpSpec(String name, int[] widths, String hidden, String output, String loss, double learningRate, int batch,
        boolean shuffle, String[] metrics, Dataset data) {

    /** A workload's network; the DSL compiles it with "accuracy", as the seeds do. */
    static MlpSpec of(Workload w) {
        return new MlpSpec(w.toString(), w.widths, w.hidden, w.output, w.loss, w.learningRate, w.batch, w.shuffle,
                new String[] {"accuracy"}, w.data());
    }
}
