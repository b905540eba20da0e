package io.github.kerasdjl.benchmarks;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import io.github.kerasdjl.datasets.LabeledData;

/**
 * W4 written as DJL's documentation writes a convnet: SequentialBlock of Conv2d (NCHW: the images transposed once
 * from channels last), relu, a 2x2 max pool, batch flatten, Dropout(0.25) and Linear(10); softmax cross-entropy on
 * logits with sparse labels; Adam with DJL's defaults; ArrayDataset with shuffled batches of 32; EasyTrain.fit.
 */
final class IdiomaticConvnet implements AutoCloseable {

    private final Model model;
    private final Trainer trainer;
    private final ArrayDataset dataset;
    private final NDManager manager;

    IdiomaticConvnet() {
        LabeledData data = Convnet.data();
        float[][][][] images = data.trainImages();
        float[] labels = data.trainY();
        manager = NDManager.newBaseManager();
        int n = images.length;
        int h = images[0].length;
        int wd = images[0][0].length;
        int c = images[0][0][0].length;
        float[] flat = Convnet.flatImages(images);
        NDArray x = manager.create(flat, new Shape(n, h, wd, c)).transpose(0, 3, 1, 2);
        NDArray y = manager.create(labels);
        SequentialBlock block = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(16).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.25f).build())
                .add(Linear.builder().setUnits(10).build());
        model = Model.newInstance("idiomatic-W4");
        model.setBlock(block);
        Loss loss = Loss.softmaxCrossEntropyLoss("scce", 1f, -1, true, true);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(Optimizer.adam().build());
        trainer = model.newTrainer(config);
        trainer.initialize(new Shape(Convnet.BATCH, c, h, wd));
        dataset = new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(Convnet.BATCH, true).build();
    }

    /** One epoch. */
    void epoch() {
        IdiomaticDjl.fit(trainer, dataset, 1);
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
        manager.close();
    }
}
