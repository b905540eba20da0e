package io.github.kerasdjl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import io.github.kerasdjl.backend.Autograd;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import io.github.kerasdjl.metrics.Metric;
import io.github.kerasdjl.metrics.Metrics;
import io.github.kerasdjl.saving.DjlDirectory;
import io.github.kerasdjl.saving.KerasArchive;
import io.github.kerasdjl.saving.WeightsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Sequential} to and from files: what goes into a {@code .keras} file or a DJL-format folder (the config,
 * the weights in Keras' layout, the optimizer's state in Keras' order), and a model rebuilt from one. The formats
 * themselves are the {@code saving} package's.
 */
final class ModelFiles {

    private ModelFiles() {
    }

    /** Writes a built model as a Keras 3 {@code .keras} file. */
    static void save(Sequential model, Path file) {
        List<Weight> weights = model.network().weights();
        WeightsFile.Contents contents = WeightsFile.of(model.layers());
        var optimizer = model.optimizer();
        if (optimizer != null) {
            List<WeightsFile.Array> slots = new ArrayList<>();
            List<NDArray> live = optimizer.isBuiltFor(model.network().variables()) ? optimizer.slots() : List.of();
            try (NDScope scope = Autograd.scope()) {
                for (int k = 0; k < live.size(); k++) {
                    Weight w = weights.get(weightOfSlot(optimizer, k, live.size(), weights.size()));
                    slots.add(new WeightsFile.Array(w.shape().getShape(), w.toKeras(live.get(k).toFloatArray())));
                }
            }
            contents = new WeightsFile.Contents(contents.layers(), optimizer.name(), optimizer.iterations(),
                    (float) optimizer.learningRate(), slots);
        }
        KerasArchive.write(file, description(model, contents));
    }

    /** Writes a built model in DJL's format: DJL's parameters file and the config. */
    static void saveDjl(Sequential model, Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("Invalid value for argument `dir`: null.");
        }
        DjlDirectory.write(dir, model.name(), model.network().block(),
                KerasArchive.configJson(description(model, null)));
    }

    private static KerasArchive.Model description(Sequential model, WeightsFile.Contents contents) {
        return new KerasArchive.Model(model.name(), model.inputDim(), model.layers(), model.optimizer(),
                model.loss() == null ? null : model.loss().name(), model.metrics().stream().map(Metrics::toKeras).toList(),
                contents);
    }

    /** The model in a {@code .keras} file or a DJL-format folder (see {@link Keras#loadModel}). */
    static Sequential load(Path file) {
        if (file != null && DjlDirectory.isOne(file)) {
            return loadDjl(file);
        }
        KerasArchive.Model saved = KerasArchive.read(file);
        Sequential model = fromConfig(saved);
        try {
            model.setWeights(WeightsFile.weightsFor(saved.weights(), file + "!/model.weights.h5", model.layers()));
            if (saved.optimizer() != null) {
                restoreOptimizerState(model, saved.weights(), file.toString());
            }
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Puts the weights and optimizer state of a {@code .keras} file of this architecture into a built model. */
    static void restore(Sequential model, Path file) {
        KerasArchive.Model saved = KerasArchive.read(file);
        model.setWeights(WeightsFile.weightsFor(saved.weights(), file + "!/model.weights.h5", model.layers()));
        if (model.optimizer() != null) {
            restoreOptimizerState(model, saved.weights(), file.toString());
        }
    }

    /** The model in a folder of DJL's format: built, with its weights, compiled as it was. */
    private static Sequential loadDjl(Path dir) {
        String json = DjlDirectory.readConfig(dir);
        KerasArchive.Model saved = KerasArchive.fromConfigJson(json, dir.resolve(DjlDirectory.CONFIG).toString());
        Sequential model = fromConfig(saved);
        try (Sequential scratch = fromConfig(KerasArchive.fromConfigJson(json, dir.toString()))) {
            List<float[]> values = DjlDirectory.loadValues(dir, saved.name(), scratch.network().block());
            List<Weight> weights = model.network().weights();
            if (values.size() != weights.size()) {
                throw new IllegalArgumentException("'" + dir + "' holds " + values.size() + " parameters; its config"
                        + " makes " + weights.size() + ".");
            }
            List<float[]> keras = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                keras.add(weights.get(i).toKeras(values.get(i)));
            }
            model.setWeights(keras);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** A built (and, with a compile config, compiled) model of a config's layers; its weights are initial. */
    private static Sequential fromConfig(KerasArchive.Model saved) {
        Sequential model = new Sequential(saved.name());
        try {
            for (Layer l : saved.layers()) {
                model.add(l);
            }
            model.build(saved.inputDim());
            if (saved.optimizer() != null) {
                model.compile(saved.optimizer(), io.github.kerasdjl.losses.Loss.get(saved.loss()),
                        saved.metrics().stream().map(Metrics::fromKeras).toArray(Metric[]::new));
            }
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The weight that slot {@code k} of {@code slots} belongs to, in Keras' order of optimizer variables. */
    private static int weightOfSlot(io.github.kerasdjl.optimizers.Optimizer optimizer, int k, int slots,
            int weights) {
        return optimizer.slotsInterleaved() ? k / (slots / weights) : k % weights;
    }

    /** Puts an optimizer state read from a file into the compiled optimizer, checking counts and shapes first. */
    private static void restoreOptimizerState(Sequential model, WeightsFile.Contents contents, String source) {
        if (contents.optimizer() == null) {
            return;
        }
        var optimizer = model.optimizer();
        List<Weight> weights = model.network().weights();
        if (!contents.slots().isEmpty()) {
            optimizer.build(model.network().variables(), model.manager());
            List<NDArray> live = optimizer.slots();
            if (live.size() != contents.slots().size()) {
                throw new IllegalArgumentException("'" + source + "' holds " + contents.slots().size() + " optimizer"
                        + " variables besides the step count and learning rate; " + optimizer + " has "
                        + live.size() + " for this model.");
            }
            for (int k = 0; k < live.size(); k++) {
                Weight w = weights.get(weightOfSlot(optimizer, k, live.size(), weights.size()));
                if (!Arrays.equals(w.shape().getShape(), contents.slots().get(k).shape())) {
                    throw new IllegalArgumentException("'" + source + "' holds optimizer variable " + (k + 2)
                            + " with shape " + Arrays.toString(contents.slots().get(k).shape())
                            + "; its weight's is " + w.shape() + ".");
                }
            }
            for (int k = 0; k < live.size(); k++) {
                Weight w = weights.get(weightOfSlot(optimizer, k, live.size(), weights.size()));
                try (NDArray values = model.manager().create(w.toEngine(contents.slots().get(k).values()),
                        live.get(k).getShape())) {
                    live.get(k).set(new NDIndex("..."), values);
                }
            }
        }
        optimizer.setIterations(contents.iterations());
    }
}
