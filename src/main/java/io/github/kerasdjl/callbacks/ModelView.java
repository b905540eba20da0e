package io.github.kerasdjl.callbacks;

import java.util.List;

/**
 * What a callback sees of the model it watches: its name, its weights (Keras' order and layout), saving it, and the
 * switch that ends training after the current epoch. Callbacks need no more, so this package does not depend on the model's.
 */
public interface ModelView {

    /** The model's name. */
    String name();

    /** Keras' get_weights: every weight's values, kernel then bias, layer by layer. */
    List<float[]> getWeights();

    /** Keras' set_weights, in {@link #getWeights()}'s order and sizes. */
    void setWeights(List<float[]> weights);

    /** Keras' {@code model.save}: the whole model, a {@code .keras} file, written whole or not at all. */
    void save(java.nio.file.Path file);

    /** Keras' {@code model.save_weights}: a {@code .weights.h5} file, written whole or not at all. */
    void saveWeights(java.nio.file.Path file);

    /** Puts the weights and optimizer state of a {@code .keras} file of this architecture into the model. */
    void restore(java.nio.file.Path file);

    /** The state of the generator that shuffles the epochs, serialized. */
    byte[] shuffleState();

    /** Sets the state of the generator that shuffles the epochs, from {@link #shuffleState()}. */
    void restoreShuffleState(byte[] state);

    /** The learning rate the optimizer uses for the next step (Keras' {@code model.optimizer.learning_rate}). */
    double learningRate();

    /**
     * Keras' {@code model.optimizer.learning_rate = value}: the next step uses it (ReduceLROnPlateau,
     * LearningRateScheduler).
     *
     * @throws IllegalArgumentException for a negative, NaN or infinite rate
     * @throws IllegalStateException when the optimizer's rate follows a learning-rate schedule (as Keras refuses it)
     */
    void setLearningRate(double value);

    /** How many optimizer updates the model has had (Keras' {@code model.optimizer.iterations}); 0 by default. */
    default long iterations() {
        return 0;
    }

    /** Keras' {@code model.stop_training = True}: {@code fit} ends normally after the current epoch. */
    void stopTraining();

    // ---- TensorBoard's view: weight paths for histogram tags, and predictions for the decision boundary. Defaults,
    // so that a view that does not draw (a test's fake) need not implement them.

    /** Keras' {@code weight.path} of each weight, in {@link #getWeights()}'s order: {@code sequential/dense/kernel}. */
    default List<String> weightPaths() {
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < getWeights().size(); i++) {
            paths.add(name() + "/weight_" + i);
        }
        return paths;
    }

    /** The number of inputs the model takes; 0 if unknown. */
    default int inputDim() {
        return 0;
    }

    /** The number of outputs; 0 if unknown. */
    default int outputDim() {
        return 0;
    }

    /** The model's outputs for each row of x (Keras' {@code model.predict}). */
    default float[][] predict(float[][] x) {
        throw new UnsupportedOperationException("this model view does not predict");
    }
}
