"""Training with every optimizer, the common arguments and every learning-rate schedule, in real Keras 3.

A 3-5-1 model (tanh, sigmoid; mean squared error) from fixed starting weights is trained on 23 fixed samples,
batch size 5 (an uneven last batch of 3), shuffle=False, 4 epochs, once per case; the fixture records Keras' loss
per epoch and the final weights. OptimizerTrainingTest trains the same in Java (both training steps) and compares.
Run from the project's root (see tools/keras/README.md):

    KERAS_BACKEND=jax python tools/keras/optimizer_training_fixtures.py
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

S = keras.optimizers.schedules
O = keras.optimizers
EPOCHS = 4
BATCH = 5
# Steps: 5 per epoch, 20 in all; the schedules' decay steps are chosen to change within them.
CASES = [
    ("sgd", lambda: O.SGD(learning_rate=0.5)),
    ("sgd_nesterov", lambda: O.SGD(learning_rate=0.2, momentum=0.9, nesterov=True)),
    ("adam", lambda: O.Adam(learning_rate=0.05)),
    ("adamw", lambda: O.AdamW(learning_rate=0.05, weight_decay=0.1)),
    ("adamax", lambda: O.Adamax(learning_rate=0.05)),
    ("nadam", lambda: O.Nadam(learning_rate=0.05)),
    ("rmsprop", lambda: O.RMSprop(learning_rate=0.02, momentum=0.5, centered=True)),
    ("adagrad", lambda: O.Adagrad(learning_rate=0.2)),
    ("sgd_weight_decay", lambda: O.SGD(learning_rate=0.5, weight_decay=0.2)),
    ("sgd_clipnorm", lambda: O.SGD(learning_rate=2.0, clipnorm=0.05)),
    ("sgd_clipvalue", lambda: O.SGD(learning_rate=2.0, momentum=0.5, clipvalue=0.01)),
    ("adam_global_clipnorm", lambda: O.Adam(learning_rate=0.05, global_clipnorm=0.05)),
    ("sgd_exponential", lambda: O.SGD(learning_rate=S.ExponentialDecay(1.0, 4, 0.6))),
    ("sgd_exponential_staircase", lambda: O.SGD(learning_rate=S.ExponentialDecay(1.0, 4, 0.6, staircase=True),
                                                momentum=0.5)),
    ("sgd_piecewise", lambda: O.SGD(learning_rate=S.PiecewiseConstantDecay([4, 11], [1.0, 0.4, 0.1]))),
    ("adam_inverse_time", lambda: O.Adam(learning_rate=S.InverseTimeDecay(0.05, 3, 0.5))),
    ("rmsprop_polynomial", lambda: O.RMSprop(learning_rate=S.PolynomialDecay(0.02, 12, end_learning_rate=0.001,
                                                                             power=2.0))),
    ("adam_cosine_warmup", lambda: O.Adam(learning_rate=S.CosineDecay(0.0, 12, alpha=0.1, warmup_target=0.05,
                                                                      warmup_steps=5))),
]


def floats(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float32).reshape(-1))


def model():
    return keras.Sequential([keras.Input((3,)), keras.layers.Dense(5, activation="tanh"),
                             keras.layers.Dense(1, activation="sigmoid")])


def main(path):
    rng = np.random.default_rng(20261201)
    x = rng.normal(size=(23, 3)).astype(np.float32)
    y = (x[:, :1] * x[:, 1:2] + 0.3 * x[:, 2:3] > 0).astype(np.float32)
    start = [w.astype(np.float32) for w in model().get_weights()]
    start = [rng.normal(scale=0.7, size=w.shape).astype(np.float32) for w in start]
    lines = [f"# Made by tools/keras/optimizer_training_fixtures.py with Keras {keras.__version__}"
             f" ({keras.backend.backend()} backend), float32. Do not edit: run the script again.",
             f"# 3-5-1 tanh/sigmoid, mse, batch {BATCH}, {EPOCHS} epochs, shuffle off. x/y rows; start weights;"
             " case NAME CLASS CONFIG_JSON, then loss per epoch and final weights"]
    for row, t in zip(x, y):
        lines.append(f"x {floats(row)}")
        lines.append(f"y {floats(t)}")
    for w in start:
        lines.append(f"start {floats(w)}")
    for name, make in CASES:
        m = model()
        m.set_weights(start)
        optimizer = make()
        m.compile(optimizer=optimizer, loss="mse")
        history = m.fit(x, y, batch_size=BATCH, epochs=EPOCHS, shuffle=False, verbose=0)
        config = json.dumps(keras.saving.serialize_keras_object(optimizer)["config"], separators=(",", ":"))
        lines.append(f"case {name} {type(optimizer).__name__} {config}")
        lines.append("loss " + " ".join(repr(float(v)) for v in history.history["loss"]))
        for w in m.get_weights():
            lines.append(f"weights {floats(w)}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(CASES)} cases (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/optimizer_training.txt")
