"""A Keras 3 weights file and the predictions Keras gave with it, as fixtures for the Java tests.

Builds the seed network of lesson 001 (Dense(8, relu) x2 + Dense(1, sigmoid), input 2) in real Keras, trains it a
little with SGD and momentum (so that the file also holds optimizer variables, as Keras writes them), saves its weights
with model.save_weights, and writes the predictions for fixed inputs. WeightsFileTest loads the file into the same
architecture in Java and compares. Run from the project's root:

    KERAS_BACKEND=jax python tools/keras/weights_fixtures.py
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402


def model():
    return keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(8, activation="relu"),
                             keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])


def main(folder):
    keras.utils.set_random_seed(7)
    m = model()
    m.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss="mse")
    rng = np.random.default_rng(7)
    x = rng.uniform(-6, 6, size=(64, 2)).astype("float32")
    y = (np.hypot(x[:, :1], x[:, 1:]) < 3).astype("float32")
    m.fit(x, y, epochs=3, batch_size=8, verbose=0)
    m.save_weights(os.path.join(folder, "keras_mlp.weights.h5"))
    probe = rng.uniform(-6, 6, size=(10, 2)).astype("float32")
    p = m.predict(probe, verbose=0)
    with open(os.path.join(folder, "keras_mlp_predictions.txt"), "w") as f:
        f.write(f"# Made by tools/keras/weights_fixtures.py with Keras {keras.__version__} ({keras.backend.backend()}):"
                " x1 x2 prediction, for keras_mlp.weights.h5 (Dense(8, relu), Dense(8, relu), Dense(1, sigmoid))\n")
        for row, q in zip(probe, p):
            f.write(f"{float(row[0])!r} {float(row[1])!r} {float(q[0])!r}\n")
    print(f"wrote keras_mlp.weights.h5 and its predictions (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures")
