package io.github.kerasdjl;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.NormalInitializer;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.training.FitOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model is a DJL block: DJL's Model and Predictor run it, and a DJL block becomes a model. */
class DjlBlockTest {

    private static final Dataset DATA = Playground.xor(60, 0, 4);

    private static Sequential trained() {
        Sequential model = Sequential().add(Dense(8, "relu", 2)).add(Dense(8, "tanh")).add(Dense(1, "sigmoid"))
                .seed(21);
        model.compile(SGD(0.1), "mse", "accuracy");
        model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(20).batchSize(10).verbose(0));
        return model;
    }

    @Test
    void blockIsASequentialBlockOfLinearAndActivationBlocks() {
        try (Sequential model = trained()) {
            List<Block> children = model.block().getChildren().values();
            assertEquals(6, children.size());
            assertTrue(children.get(0) instanceof Linear);
            assertEquals("ReLU", ((LambdaBlock) children.get(1)).getName());
            assertTrue(children.get(2) instanceof Linear);
            assertEquals("Tanh", ((LambdaBlock) children.get(3)).getName());
            assertTrue(children.get(4) instanceof Linear);
            assertEquals("sigmoid", ((LambdaBlock) children.get(5)).getName());
            // A linear Dense has no activation block.
            try (Sequential linear = Sequential().add(Dense(3, "linear", 2)).add(Dense(1)).seed(1)) {
                linear.build(2);
                assertEquals(2, linear.block().getChildren().size());
            }
        }
    }

    /** One copy: the block's parameter arrays are the weights, in DJL's (units, inputs) layout. */
    @Test
    void theWeightsAreTheBlocksParameters() {
        try (Sequential model = trained()) {
            Linear first = (Linear) model.block().getChildren().get(0).getValue();
            Parameter weight = first.getParameters().get("weight");
            NDArray array = weight.getArray();
            assertEquals(new Shape(8, 2), array.getShape());
            float[][] kernel = ((Dense) model.layers().get(0)).getKernel(); // Keras: (inputs, units)
            float[] djl = array.toFloatArray();
            for (int unit = 0; unit < 8; unit++) {
                for (int input = 0; input < 2; input++) {
                    assertEquals(kernel[input][unit], djl[unit * 2 + input]);
                }
            }
            // Writing the model's weights writes the block's array, and training moves it in place.
            List<float[]> w = model.getWeights();
            w.get(0)[1] = 0.123f; // kernel[0][1]: input 0 to unit 1
            model.setWeights(w);
            assertSame(array, weight.getArray());
            assertEquals(0.123f, array.toFloatArray()[1 * 2]);
            model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(1).batchSize(10).verbose(0));
            assertSame(array, weight.getArray());
            assertTrue(Math.abs(array.toFloatArray()[2] - 0.123f) > 1e-7, "trained in place");
        }
    }

    @Test
    void djlPredictorGivesPredictsNumbers() throws Exception {
        try (Sequential model = trained()) {
            float[][] expected = model.predict(DATA.x());
            try (Model djl = model.toDjlModel();
                    Predictor<float[], float[]> predictor = djl.newPredictor(new RowTranslator())) {
                assertSame(model.block(), djl.getBlock());
                double max = 0;
                for (int i = 0; i < DATA.size(); i++) {
                    float[] p = predictor.predict(DATA.x()[i]);
                    assertEquals(1, p.length);
                    max = Math.max(max, Math.abs(p[0] - expected[i][0]));
                }
                assertTrue(max <= 1e-6, "max difference " + max);
                List<float[]> batch = predictor.batchPredict(List.of(DATA.x()[0], DATA.x()[1]));
                assertEquals(expected[1][0], batch.get(1)[0], 1e-6);
            }
            // The DJL model is closed; the Sequential still works.
            assertArrayEquals(expected[3], model.predict(DATA.x())[3]);
        }
    }

    /** A block a DJL program made and initialized: fit, evaluate and summary on it, trained in place. */
    @Test
    void modelOfAnInitializedDjlBlock() {
        try (NDManager djlManager = NDManager.newBaseManager()) {
            SequentialBlock block = new SequentialBlock()
                    .add(Linear.builder().setUnits(6).build()).add(Activation.tanhBlock())
                    .add(Linear.builder().setUnits(1).build()).add(Activation.sigmoidBlock());
            block.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            block.initialize(djlManager, DataType.FLOAT32, new Shape(1, 2));
            NDArray firstWeight = block.getChildren().get(0).getValue().getParameters().get("weight").getArray();
            float[] before = firstWeight.toFloatArray();
            try (Sequential model = Sequential.of(block)) {
                assertTrue(model.isBuilt());
                assertSame(block, model.block());
                assertEquals(2, model.inputDim());
                assertEquals(6 * 2 + 6 + 6 + 1, model.countParams());
                assertTrue(model.summary().contains("dense (Dense)"), model.summary());
                assertEquals("tanh", ((Dense) model.layers().get(0)).activation().kerasName());
                assertEquals(before[1], model.getWeights().get(0)[6], "Keras layout: kernel[1][0] is W[0][1]");
                model.compile(SGD(0.5), "binary_crossentropy", "accuracy");
                assertTrue(model.usesFastPath());
                double lossBefore = model.evaluate(DATA.x(), DATA.y()).get("loss");
                model.fit(DATA.x(), DATA.y(), new FitOptions().epochs(30).batchSize(10).verbose(0));
                double lossAfter = model.evaluate(DATA.x(), DATA.y()).get("loss");
                assertTrue(lossAfter < lossBefore, lossBefore + " -> " + lossAfter);
                assertTrue(Precision.maxDifference(List.of(before), List.of(firstWeight.toFloatArray())) > 1e-3,
                        "the block's own weights trained");
            }
        }
    }

    /** An uninitialized block gets Keras' initializers from the model's seed: the weights a Dense stack gets. */
    @Test
    void uninitializedBlockGetsKerasInitializers() {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(4).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(1).build());
        try (Sequential fromBlock = Sequential.of(block).seed(7);
                Sequential dense = Sequential().add(Dense(4, "relu")).add(Dense(1)).seed(7)) {
            fromBlock.build(3);
            dense.build(3);
            assertEquals(0.0, Precision.maxDifference(dense.getWeights(), fromBlock.getWeights()));
            float[][] x = {{1, 2, 3}, {-1, 0.5f, 2}};
            assertArrayEquals(dense.predict(x)[1], fromBlock.predict(x)[1]);
        }
    }

    @Test
    void blocksItCannotTakeAreNamed() {
        SequentialBlock batchNorm = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                .add(BatchNorm.builder().build());
        Throwable e = assertThrows(IllegalArgumentException.class, () -> Sequential.of(batchNorm));
        assertTrue(e.getMessage().contains("child 1 (BatchNorm)"), e.getMessage());
        SequentialBlock leaky = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                .add(Activation.leakyReluBlock(0.01f));
        e = assertThrows(IllegalArgumentException.class, () -> Sequential.of(leaky));
        assertTrue(e.getMessage().contains("LambdaBlock 'LeakyReLU'"), e.getMessage());
        SequentialBlock firstNotLinear = new SequentialBlock().add(Activation.reluBlock());
        e = assertThrows(IllegalArgumentException.class, () -> Sequential.of(firstNotLinear));
        assertTrue(e.getMessage().contains("child 0 (LambdaBlock 'ReLU') is not a Linear block"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sequential.of(new SequentialBlock()));
        assertTrue(e.getMessage().contains("no children"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Sequential().add(Dense(1)).block());
    }

    /**
     * DJL's own Model.save writes the block's parameters, and a plain DJL program loads them into a block it builds
     * itself (Linear + activation blocks) and predicts the model's numbers.
     */
    @Test
    void djlSavesTheBlockAndAPlainDjlProgramLoadsIt() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("keras-djl-djl-save");
        try (Sequential model = trained()) {
            int arrays = model.liveArrayCount();
            try (Model djl = model.toDjlModel()) {
                djl.save(dir, "xor");
            }
            assertEquals(arrays, model.liveArrayCount(), "saving leaves no copies in the model");
            float[][] expected = model.predict(DATA.x());
            SequentialBlock plain = new SequentialBlock()
                    .add(Linear.builder().setUnits(8).build()).add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(8).build()).add(Activation.tanhBlock())
                    .add(Linear.builder().setUnits(1).build()).add(Activation.sigmoidBlock());
            try (Model loaded = Model.newInstance("xor")) {
                loaded.setBlock(plain);
                loaded.load(dir, "xor");
                try (Predictor<float[], float[]> p = loaded.newPredictor(new RowTranslator())) {
                    double max = 0;
                    for (int i = 0; i < DATA.size(); i++) {
                        max = Math.max(max, Math.abs(p.predict(DATA.x()[i])[0] - expected[i][0]));
                    }
                    assertTrue(max <= 1e-6, "max difference " + max);
                }
            }
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }
}
