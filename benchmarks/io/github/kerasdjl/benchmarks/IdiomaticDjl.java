package io.github.kerasdjl.benchmarks;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.kerasdjl.backend.Tensors;
import io.github.kerasdjl.datasets.Dataset;
import java.util.HashMap;
import java.util.Map;

/**
 * A workload written as DJL's documentation writes training: SequentialBlock of Linear and activation blocks,
 * Trainer with a DefaultTrainingConfig, ArrayDataset, EasyTrain.fit. The loss is DJL's l2Loss with weight 1
 * (mean squared error, as Keras' mse) or softmaxCrossEntropyLoss on logits with dense labels.
 */
final class IdiomaticDjl implements AutoCloseable {

    private final Model model;
    private final Trainer trainer;
    private final ArrayDataset dataset;
    private final NDManager manager;

    /** Training arrays of the sweep's shorter passes: the first rows of the data, by row count. */
    private final Map<Integer, ArrayDataset> prefixes = new HashMap<>();
    private final MlpSpec w;
    private final NDArray x;
    private final NDArray y;

    IdiomaticDjl(Workload w) {
        this(MlpSpec.of(w));
    }

    IdiomaticDjl(MlpSpec w) {
        this.w = w;
        Dataset data = w.data();
        manager = NDManager.newBaseManager();
        SequentialBlock block = new SequentialBlock();
        for (int i = 1; i < w.widths().length; i++) {
            block.add(Linear.builder().setUnits(w.widths()[i]).build());
            boolean last = i == w.widths().length - 1;
            String activation = last ? w.output() : w.hidden();
            switch (activation) {
                case "relu" -> block.add(Activation::relu);
                case "sigmoid" -> block.add(Activation::sigmoid);
                case "softmax" -> {
                    // DJL's softmax cross-entropy takes logits: the softmax is in the loss.
                }
                default -> throw new IllegalArgumentException(activation);
            }
        }
        model = Model.newInstance("idiomatic-" + w.name());
        model.setBlock(block);
        Loss loss = w.loss().equals("mse") ? Loss.l2Loss("mse", 1f)
                : Loss.softmaxCrossEntropyLoss("cce", 1f, -1, false, true);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(
                Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) w.learningRate())).build());
        trainer = model.newTrainer(config);
        trainer.initialize(new Shape(w.batch(), w.widths()[0]));
        x = Tensors.toArray(manager, data.x());
        y = Tensors.toArray(manager, data.y());
        dataset = new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(w.batch(), w.shuffle()).build();
    }

    /** One epoch. */
    void epoch() {
        fit(trainer, dataset, 1);
    }

    /**
     * {@code epochs} epochs over the first {@code rows} samples (all of them: the workload's data set), with
     * EasyTrain.fit on an ArrayDataset of those rows, made once for each row count (the scaling sweep).
     */
    void epochs(int rows, int epochs) {
        ArrayDataset d = rows == x.getShape().get(0) ? dataset : prefixes.computeIfAbsent(rows, r -> {
            NDIndex first = new NDIndex().addSliceDim(0, r);
            return new ArrayDataset.Builder().setData(x.get(first)).optLabels(y.get(first))
                    .setSampling(w.batch(), w.shuffle()).build();
        });
        fit(trainer, d, epochs);
    }

    /** EasyTrain.fit, its checked exceptions unchecked (shared with {@link IdiomaticConvnet}). */
    static void fit(Trainer trainer, ArrayDataset d, int epochs) {
        try {
            EasyTrain.fit(trainer, epochs, d, null);
        } catch (java.io.IOException | ai.djl.translate.TranslateException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
        manager.close();
    }
}
