"""Keras 3 .keras files and what Keras did next with them, as fixtures for the Java tests.

For each optimizer below (SGD with momentum, Adam, RMSprop, Adagrad, and AdamW with a schedule, Nadam with
clipnorm, Adamax with global_clipnorm, SGD with a schedule, weight decay and clipvalue): builds lesson 001's network (Dense(8, relu) x2 + Dense(1, sigmoid)), trains it
three epochs, saves it with model.save (the optimizer's state included), then trains ONE more epoch (batch 10, no
shuffling) and records the weights after it. ModelFileTest loads the file in Java, checks the predictions, trains
the same epoch and compares the weights: the loaded optimizer state must continue as Keras' did. Run from the root:

    KERAS_BACKEND=jax python tools/keras/model_fixtures.py
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402


# Names to make (all when empty): python tools/keras/model_fixtures.py FOLDER [NAME...]
ONLY = set(sys.argv[2:])


def floats(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float32).reshape(-1))


def main(folder):
    rng = np.random.default_rng(11)
    x = rng.uniform(-6, 6, size=(40, 2)).astype("float32")
    y = (np.hypot(x[:, :1], x[:, 1:]) < 3.5).astype("float32")
    with open(os.path.join(folder, "keras_models_data.txt"), "w") as f:
        f.write(f"# Made by tools/keras/model_fixtures.py with Keras {keras.__version__}: x1 x2 y, the training data\n")
        for a, b in zip(x, y):
            f.write(f"{floats(a)} {floats(b)}\n")
    for name, optimizer in [("sgd", keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)),
                            ("adam", keras.optimizers.Adam(learning_rate=0.01)),
                            ("rmsprop", keras.optimizers.RMSprop(learning_rate=0.01, momentum=0.5, centered=True)),
                            ("adagrad", keras.optimizers.Adagrad(learning_rate=0.1)),
                            # a schedule (no learning-rate variable in the file) and weight decay
                            ("adamw_cosine", keras.optimizers.AdamW(
                                learning_rate=keras.optimizers.schedules.CosineDecay(0.01, 30), weight_decay=0.01)),
                            # one number of state after the slots (the momentum schedule's product), clipnorm
                            ("nadam_clipnorm", keras.optimizers.Nadam(learning_rate=0.01, clipnorm=1.0)),
                            ("adamax_global_clipnorm", keras.optimizers.Adamax(learning_rate=0.02,
                                                                               global_clipnorm=2.0)),
                            ("sgd_exponential", keras.optimizers.SGD(
                                learning_rate=keras.optimizers.schedules.ExponentialDecay(0.1, 5, 0.8),
                                momentum=0.9, weight_decay=0.001, clipvalue=0.5))]:
        if ONLY and name not in ONLY:
            continue
        keras.utils.set_random_seed(5)
        m = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
        m.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
        m.fit(x, y, epochs=3, batch_size=10, shuffle=False, verbose=0)
        m.save(os.path.join(folder, f"keras_mlp_{name}.keras"))
        p = m.predict(x[:5], verbose=0)
        m.fit(x, y, epochs=1, batch_size=10, shuffle=False, verbose=0)
        with open(os.path.join(folder, f"keras_mlp_{name}_next.txt"), "w") as f:
            f.write(f"# Made by tools/keras/model_fixtures.py with Keras {keras.__version__}: predictions of the"
                    f" saved model for the first 5 rows, then each weight after one more epoch (batch 10, no"
                    f" shuffle), Keras' order and layout\n")
            f.write("predictions " + floats(p) + "\n")
            for w in m.get_weights():
                f.write("weight " + floats(w) + "\n")
        print(f"wrote keras_mlp_{name}.keras (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures")
