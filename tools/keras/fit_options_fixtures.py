"""fit/evaluate/predict options and the one-batch methods in real Keras 3, as fixtures for the Java tests.

Small Dense models from fixed starting weights, SGD, shuffle=False, batch 5 on 23 rows (an uneven last batch):
sample_weight (with validation_split, whose held-out weights weight val_loss), class_weight (binary labels, one-hot
rows, sparse class indices), validation_freq with validation_batch_size, steps_per_epoch that does not divide the
batches of a pass, train_on_batch / test_on_batch with sample weights, evaluate with batch_size and sample_weight.
Writes src/test/resources/fixtures/fit_options.txt; FitOptionsKerasTest compares. Run from the project's root:

    KERAS_BACKEND=jax python tools/keras/fit_options_fixtures.py
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402


def floats(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float32).reshape(-1))


def model(units, activation):
    return keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="tanh"),
                             keras.layers.Dense(units, activation=activation)])


def main(path):
    rng = np.random.default_rng(20261202)
    x = rng.normal(size=(23, 3)).astype(np.float32)
    y_bin = (x[:, :1] + 0.5 * x[:, 1:2] > 0).astype(np.float32)
    y_cls = np.argmax(x @ rng.normal(size=(3, 3)), axis=1)
    y_hot = keras.utils.to_categorical(y_cls, 3).astype(np.float32)
    w = rng.uniform(0, 2, size=(23,)).astype(np.float32)
    w[3] = 0.0
    start1 = [rng.normal(scale=0.6, size=s).astype(np.float32) for s in [(3, 4), (4,), (4, 1), (1,)]]
    start3 = [rng.normal(scale=0.6, size=s).astype(np.float32) for s in [(3, 4), (4,), (4, 3), (3,)]]
    lines = [f"# Made by tools/keras/fit_options_fixtures.py with Keras {keras.__version__}"
             f" ({keras.backend.backend()} backend), float32. Do not edit: run the script again.",
             "# data rows (x, binary y, class index), sample weights, start weights of the 1-unit and 3-unit models;"
             " then per case: its history per key, results, final weights"]
    for i in range(23):
        lines.append(f"row {floats(x[i])} {floats(y_bin[i])} {int(y_cls[i])}")
    lines.append(f"sample_weight {floats(w)}")
    for a in start1:
        lines.append(f"start1 {floats(a)}")
    for a in start3:
        lines.append(f"start3 {floats(a)}")

    def run(name, units, activation, loss, y, **fit):
        m = model(units, activation)
        m.set_weights(start1 if units == 1 else start3)
        m.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss=loss, metrics=["accuracy"])
        h = m.fit(x, y, batch_size=5, shuffle=False, verbose=0, **fit)
        lines.append(f"case {name}")
        for key, values in h.history.items():
            lines.append(f"history {key} " + " ".join(repr(float(v)) for v in values))
        for a in m.get_weights():
            lines.append(f"weights {floats(a)}")
        return m

    run("sample_weight", 1, "sigmoid", "mse", y_bin, epochs=3, sample_weight=w)
    run("sample_weight_validation_split", 1, "sigmoid", "binary_crossentropy", y_bin, epochs=3, sample_weight=w,
        validation_split=0.3)
    run("class_weight_binary", 1, "sigmoid", "binary_crossentropy", y_bin, epochs=3,
        class_weight={0: 0.3, 1: 2.0})
    run("class_weight_validation_split", 1, "sigmoid", "binary_crossentropy", y_bin, epochs=3,
        class_weight={0: 0.1, 1: 5.0}, validation_split=0.25)
    run("class_weight_one_hot", 3, "softmax", "categorical_crossentropy", y_hot, epochs=3,
        class_weight={0: 1.0, 1: 3.0, 2: 0.5})
    run("class_weight_sparse", 3, "softmax", "sparse_categorical_crossentropy", y_cls.astype(np.float32), epochs=3,
        class_weight={1: 3.0, 2: 0.5})
    run("validation_freq", 1, "sigmoid", "mse", y_bin, epochs=4, validation_data=(x[:9], y_bin[:9]),
        validation_freq=2, validation_batch_size=4)
    run("steps_per_epoch", 1, "sigmoid", "mse", y_bin, epochs=5, steps_per_epoch=2)

    m = model(1, "sigmoid")
    m.set_weights(start1)
    m.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse", metrics=["accuracy"])
    lines.append("case on_batch")
    for i, (a, b) in enumerate([(0, 7), (7, 15), (15, 23)]):
        r = m.train_on_batch(x[a:b], y_bin[a:b], sample_weight=w[a:b], return_dict=True)
        lines.append(f"train_on_batch {a} {b} " + " ".join(f"{k}={float(v)!r}" for k, v in r.items()))
    r = m.test_on_batch(x[:10], y_bin[:10], sample_weight=w[:10], return_dict=True)
    lines.append("test_on_batch 0 10 " + " ".join(f"{k}={float(v)!r}" for k, v in r.items()))
    r = m.evaluate(x, y_bin, batch_size=4, sample_weight=w, return_dict=True, verbose=0)
    lines.append("evaluate 4 " + " ".join(f"{k}={float(v)!r}" for k, v in r.items()))
    lines.append(f"predict_on_batch {floats(m.predict_on_batch(x[:4]))}")
    lines.append(f"predict_batch_7 {floats(m.predict(x, batch_size=7, verbose=0))}")
    for a in m.get_weights():
        lines.append(f"weights {floats(a)}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path} (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/fit_options.txt")
