package io.github.kerasdjl.optimizers;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Sequential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.ModelView;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.training.FitOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keras' {@code optimizer.learning_rate = value} between epochs (what ReduceLROnPlateau does): the next steps use the
 * new rate, on the hand-written step (which folds plain SGD's rate into its output delta) and on autograd alike.
 */
class LearningRateChangeTest {

    private static final float[][] X = {{0.1f, 0.9f}, {-0.4f, 0.3f}, {0.8f, -0.6f}, {-0.7f, -0.2f}, {0.5f, 0.5f}};
    private static final float[][] Y = {{1}, {0}, {1}, {0}, {1}};

    /** Sets the learning rate to {@code rate} before epoch {@code at}. */
    private static Callback changeAt(int at, double rate) {
        return new Callback() {
            private ModelView model;

            @Override
            public void onTrainBegin(ModelView m, int epochs, int stepsPerEpoch) {
                model = m;
            }

            @Override
            public void onEpochBegin(int epoch) {
                if (epoch == at) {
                    model.setLearningRate(rate);
                }
            }
        };
    }

    private static Sequential model(boolean fastPath) {
        return Sequential().add(Dense(4, "tanh", 2)).add(Dense(1, "sigmoid")).seed(7).fastPath(fastPath);
    }

    @Test
    void plainSgdAfterAChangeStepsAsAFreshSgdWithTheNewRate() {
        for (boolean fast : new boolean[] {true, false}) {
            List<float[]> changed;
            try (Sequential m = model(fast)) {
                m.compile(new SGD(0.5), "mse");
                m.fit(X, Y, new FitOptions().epochs(4).batchSize(2).verbose(0).callbacks(changeAt(2, 0.05)));
                assertEquals(0.05, m.learningRate(), 1e-12);
                changed = m.getWeights();
            }
            List<float[]> twoFits;
            try (Sequential m = model(fast)) {
                m.compile(new SGD(0.5), "mse");
                m.fit(X, Y, new FitOptions().epochs(2).batchSize(2).verbose(0));
                m.compile(new SGD(0.05), "mse");
                m.fit(X, Y, new FitOptions().epochs(2).batchSize(2).verbose(0));
                twoFits = m.getWeights();
            }
            assertTrue(Precision.maxDifference(changed, twoFits) < 1e-6, "fast path " + fast + ": "
                    + Precision.maxDifference(changed, twoFits));
        }
    }

    @Test
    void momentumSgdFollowsTheNewRateOnBothSteps() {
        List<float[]> fast;
        List<float[]> autograd;
        List<float[]> unchanged;
        try (Sequential m = model(true)) {
            m.compile(new SGD(0.5, 0.9, false), "mse");
            m.fit(X, Y, new FitOptions().epochs(4).batchSize(2).verbose(0).callbacks(changeAt(1, 0.01)));
            fast = m.getWeights();
        }
        try (Sequential m = model(false)) {
            m.compile(new SGD(0.5, 0.9, false), "mse");
            m.fit(X, Y, new FitOptions().epochs(4).batchSize(2).verbose(0).callbacks(changeAt(1, 0.01)));
            autograd = m.getWeights();
        }
        try (Sequential m = model(true)) {
            m.compile(new SGD(0.5, 0.9, false), "mse");
            m.fit(X, Y, new FitOptions().epochs(4).batchSize(2).verbose(0));
            unchanged = m.getWeights();
        }
        assertTrue(Precision.maxDifference(fast, autograd) < 1e-6, "" + Precision.maxDifference(fast, autograd));
        assertTrue(Precision.maxDifference(fast, unchanged) > 1e-3, "the change had no effect");
    }

    @Test
    void aBadRateIsRefusedAndTheOldOneKept() {
        SGD sgd = new SGD(0.1);
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.setLearningRate(bad));
            assertTrue(e.getMessage().contains("learning_rate"), e.getMessage());
        }
        assertEquals(0.1, sgd.learningRate());
    }
}
