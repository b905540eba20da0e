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
        KerasArchive.configJson(description(model, null)); // [layers] what cannot be saved fails here, by name
        List<Weight> weights = model.network().weights();
        WeightsFile.Contents contents = WeightsFile.of(model.layers());
        var optimizer = model.optimizer();
        if (optimizer != null) {
            // Keras' order after the step count: the learning rate (unless a schedule gives it), the slots, then
            // state that is one number.
            List<WeightsFile.Array> variables = new ArrayList<>();
            if (optimizer.schedule() == null) {
                variables.add(scalar(optimizer.learningRate()));
            }
            List<NDArray> live = optimizer.isBuiltFor(model.network().variables()) ? optimizer.slots() : List.of();
            try (NDScope scope = Autograd.scope()) {
                for (int k = 0; k < live.size(); k++) {
                    Weight w = weights.get(weightOfSlot(optimizer, k, live.size(), weights.size()));
                    variables.add(new WeightsFile.Array(w.shape().getShape(), w.toKeras(live.get(k).toFloatArray())));
                }
            }
            if (!live.isEmpty()) {
                for (double v : optimizer.scalarState()) {
                    variables.add(scalar(v));
                }
            }
            contents = new WeightsFile.Contents(contents.layers(), optimizer.name(), optimizer.iterations(),
                    variables);
        }
        KerasArchive.write(file, description(model, contents));
    }

    private static WeightsFile.Array scalar(double value) {
        return new WeightsFile.Array(new long[0], new float[] {(float) value});
    }

    /** Writes a built model in DJL's format: DJL's parameters file and the config. */
    static void saveDjl(Sequential model, Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("Invalid value for argument `dir`: null.");
        }
        requireDenseOnFlatInputs(model); // [layers] DJL's format: a block a plain DJL program can rebuild
        DjlDirectory.write(dir, model.name(), model.network().block(),
                KerasArchive.configJson(description(model, null)));
    }

    private static KerasArchive.Model description(Sequential model, WeightsFile.Contents contents) {
        return new KerasArchive.Model(model.name(), model.inputShape().getShape(), model.layers(),
                model.optimizer(), lossEntry(model.loss()), model.metrics().stream().map(Metrics::toKeras).toList(),
                contents);
    }

    /** [layers] Refused by name before anything is written: DJL's format holds Dense stacks on flat inputs. */
    private static void requireDenseOnFlatInputs(Sequential model) {
        for (io.github.kerasdjl.layers.Layer l : model.layers()) {
            if (!(l instanceof io.github.kerasdjl.layers.Dense)) {
                throw new IllegalArgumentException("Layer '" + l.getName() + "' (" + l.typeName() + ") cannot be"
                        + " saved in DJL's format yet; supported layers: [Dense] (save it as a .keras file)."
                        + " Nothing was written.");
            }
        }
        if (model.inputShape() != null && model.inputShape().dimension() != 1) {
            throw new IllegalArgumentException("Model '" + model.name() + "' takes inputs of shape "
                    + io.github.kerasdjl.layers.Layer.format(model.inputShape()) + "; only flat inputs (None, n)"
                    + " can be saved in DJL's format yet (save it as a .keras file). Nothing was written.");
        }
    }

    /**
     * The compile config's loss: its Keras name, or, for a loss with arguments (from_logits, label_smoothing,
     * delta), Keras' serialized loss object, so that it loads with them (in this library and in Keras).
     *
     * @throws IllegalArgumentException for a loss with arguments that Keras has no class for
     */
    private static String lossEntry(io.github.kerasdjl.losses.Loss loss) {
        if (loss == null) {
            return null;
        }
        if (loss.arguments().isEmpty()) {
            return loss.name();
        }
        if (loss.className() == null) {
            throw new IllegalArgumentException("Invalid value for argument `loss`: " + loss + " cannot be saved: it"
                    + " has arguments " + loss.arguments() + " but no Keras class to record them under.");
        }
        return KerasArchive.lossObject(loss.className(), io.github.kerasdjl.losses.Losses.config(loss));
    }

    /** The loss a compile config's entry names or describes (see {@link #lossEntry}). */
    private static io.github.kerasdjl.losses.Loss loss(String entry) {
        KerasArchive.LossObject o = KerasArchive.parseLossObject(entry);
        return o == null ? io.github.kerasdjl.losses.Loss.get(entry)
                : io.github.kerasdjl.losses.Losses.fromConfig(o.className(), o.config());
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
            List<Weight> weights = model.network().allWeights(); // frozen layers' too, as the block holds them
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
            if (saved.inputShape() == null) {
                model.build(0); // the error of an unknown input width
            }
            model.build(new ai.djl.ndarray.types.Shape(saved.inputShape()));
            if (saved.optimizer() != null) {
                model.compile(saved.optimizer(), loss(saved.loss()),
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
        List<WeightsFile.Array> variables = contents.variables();
        int first = 0;
        Float rate = null;
        if (optimizer.schedule() == null && !variables.isEmpty() && variables.get(0).shape().length == 0) {
            rate = variables.get(0).values()[0];
            first = 1;
        }
        List<WeightsFile.Array> rest = variables.subList(first, variables.size());
        if (!rest.isEmpty()) {
            optimizer.build(model.network().variables(), model.manager());
            List<NDArray> live = optimizer.slots();
            int scalars = optimizer.scalarState().length;
            if (live.size() + scalars != rest.size()) {
                throw new IllegalArgumentException("'" + source + "' holds " + rest.size() + " optimizer variables"
                        + " besides the step count" + (first == 1 ? " and learning rate" : "") + "; " + optimizer
                        + " has " + (live.size() + scalars) + " for this model.");
            }
            for (int k = 0; k < live.size(); k++) {
                Weight w = weights.get(weightOfSlot(optimizer, k, live.size(), weights.size()));
                if (!Arrays.equals(w.shape().getShape(), rest.get(k).shape())) {
                    throw new IllegalArgumentException("'" + source + "' holds optimizer variable " + (k + 1 + first)
                            + " with shape " + Arrays.toString(rest.get(k).shape()) + "; its weight's is "
                            + w.shape() + ".");
                }
            }
            double[] state = new double[scalars];
            for (int k = 0; k < scalars; k++) {
                WeightsFile.Array a = rest.get(live.size() + k);
                if (a.shape().length != 0) {
                    throw new IllegalArgumentException("'" + source + "' holds optimizer variable "
                            + (live.size() + k + 1 + first) + " with shape " + Arrays.toString(a.shape())
                            + "; " + optimizer + " keeps a number there.");
                }
                state[k] = a.values()[0];
            }
            for (int k = 0; k < live.size(); k++) {
                Weight w = weights.get(weightOfSlot(optimizer, k, live.size(), weights.size()));
                try (NDArray values = model.manager().create(w.toEngine(rest.get(k).values()),
                        live.get(k).getShape())) {
                    live.get(k).set(new NDIndex("..."), values);
                }
            }
            optimizer.setScalarState(state);
        }
        if (rate != null && rate != (float) optimizer.learningRate()) {
            // Keras restores the learning-rate variable too: a rate a callback lowered (ReduceLROnPlateau) survives.
            // The file holds it in float32; the config's double is kept when they agree, so a resumed fit computes
            // with exactly the rate an uninterrupted one does.
            optimizer.setLearningRate(rate);
        }
        optimizer.setIterations(contents.iterations());
    }
}
