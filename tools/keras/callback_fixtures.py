"""Callbacks of real Keras 3, as fixtures for the Java tests.

Trains one small model (2 inputs, Dense(3, tanh), Dense(1, sigmoid), binary cross-entropy, accuracy, SGD) from fixed
starting weights on fixed data, shuffle=False, batch size 4 on 11 samples (an uneven last batch), with
LearningRateScheduler, ReduceLROnPlateau, EarlyStopping (mode, baseline, start_from_epoch, restore_best_weights) and
CSVLogger, and writes per epoch the logs Keras gave (loss, accuracy, learning_rate, val_...), the epochs run, what the
callbacks printed, the final weights and the CSV files' text to src/test/resources/fixtures/callbacks.txt.
KerasCallbacksTest runs the same cases with this library and compares. Run from the project's root (see
tools/keras/README.md for the Keras environment):

    KERAS_BACKEND=jax python tools/keras/callback_fixtures.py
"""
import contextlib
import io
import os
import sys
import tempfile
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402


def floats(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float32).reshape(-1))


def data():
    rng = np.random.default_rng(20261201)
    x = rng.normal(size=(11, 2)).astype(np.float32)
    y = (x[:, :1] + 0.5 * x[:, 1:] + 0.3 * rng.normal(size=(11, 1)) > 0).astype(np.float32)
    vx = rng.normal(size=(5, 2)).astype(np.float32)
    vy = (vx[:, :1] + 0.5 * vx[:, 1:] > 0).astype(np.float32)
    w = [rng.normal(size=(2, 3)).astype(np.float32) * 0.5, np.zeros(3, np.float32),
         rng.normal(size=(3, 1)).astype(np.float32) * 0.5, np.zeros(1, np.float32)]
    return x, y, vx, vy, w


def model(weights, lr):
    m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="tanh"),
                          keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss="binary_crossentropy", metrics=["accuracy"])
    m.set_weights(weights)
    return m


def halve_after_two(epoch, lr):
    return lr if epoch < 2 else lr * 0.5


# name, SGD learning rate, epochs, validation?, callbacks (made fresh; a CSVLogger's file is put in by the script)
CASES = [
    ("scheduler", 0.5, 6, True, lambda: [keras.callbacks.LearningRateScheduler(halve_after_two, verbose=1)]),
    ("plateau", 0.5, 25, True, lambda: [keras.callbacks.ReduceLROnPlateau(
        monitor="val_loss", factor=0.5, patience=2, verbose=1, min_delta=0.04, cooldown=1, min_lr=0.1)]),
    ("plateau_defaults", 1e-6, 13, True, lambda: [keras.callbacks.ReduceLROnPlateau(verbose=1)]),
    ("plateau_max", 0.5, 8, False, lambda: [keras.callbacks.ReduceLROnPlateau(
        monitor="accuracy", factor=0.2, patience=1, verbose=1, mode="max")]),
    ("stop_min", 0.5, 30, True, lambda: [keras.callbacks.EarlyStopping(
        monitor="val_loss", mode="min", min_delta=0.01, patience=2, verbose=1)]),
    ("stop_max", 0.5, 30, True, lambda: [keras.callbacks.EarlyStopping(
        monitor="val_accuracy", mode="max", patience=3, verbose=1, restore_best_weights=True)]),
    ("stop_auto_accuracy", 0.5, 30, False, lambda: [keras.callbacks.EarlyStopping(
        monitor="accuracy", patience=2, verbose=1)]),
    ("stop_baseline_learning", 0.5, 30, False, lambda: [keras.callbacks.EarlyStopping(
        monitor="loss", baseline=0.5, patience=3, verbose=1, restore_best_weights=True)]),
    ("stop_baseline", 0.0, 30, False, lambda: [keras.callbacks.EarlyStopping(
        monitor="loss", baseline=0.5, patience=3, verbose=1)]),
    ("stop_baseline_met", 0.0, 30, False, lambda: [keras.callbacks.EarlyStopping(
        monitor="loss", baseline=0.7, patience=3, verbose=1)]),
    ("stop_start_from", 0.5, 30, False, lambda: [keras.callbacks.EarlyStopping(
        monitor="loss", min_delta=0.02, patience=1, verbose=1, start_from_epoch=4, restore_best_weights=True)]),
    ("stop_constant", 0.0, 30, False, lambda: [keras.callbacks.EarlyStopping(monitor="loss", patience=2)]),
    ("stop_unknown_min", 0.5, 3, False, lambda: [keras.callbacks.EarlyStopping(
        monitor="val_loss", mode="min", patience=0)]),
    ("csv", 0.5, 3, True, lambda: [keras.callbacks.CSVLogger("FILE")]),
    ("csv_no_validation", 0.5, 2, False, lambda: [keras.callbacks.CSVLogger("FILE", separator=";")]),
    ("csv_scheduler", 0.5, 3, True, lambda: [keras.callbacks.LearningRateScheduler(halve_after_two),
                                              keras.callbacks.CSVLogger("FILE")]),
]


def run(name, lr, epochs, validation, make, x, y, vx, vy, w, folder, lines):
    callbacks = make()
    csv_path = os.path.join(folder, name + ".csv")
    for c in callbacks:
        if isinstance(c, keras.callbacks.CSVLogger):
            c.filename = csv_path
    m = model(w, lr)
    out = io.StringIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with contextlib.redirect_stdout(out):
            h = m.fit(x, y, batch_size=4, epochs=epochs, shuffle=False, verbose=0, callbacks=callbacks,
                      validation_data=(vx, vy) if validation else None)
    lines.append(f"case {name} lr={lr} epochs={epochs} validation={validation}")
    lines.append("epochs " + " ".join(str(e) for e in h.epoch))
    for k, v in h.history.items():
        lines.append(f"log {k} " + " ".join(repr(float(t)) for t in v))
    for i, v in enumerate(m.get_weights()):
        lines.append(f"weights {i} {floats(v)}")
    for t in out.getvalue().split("\n"):
        if t:
            lines.append("printed " + t)
    for wm in caught:
        text = str(wm.message)
        if "not available" in text:
            lines.append("warned " + text)
    if os.path.exists(csv_path):
        with open(csv_path, newline="") as f:
            for t in f.read().split("\n")[:-1]:
                lines.append("csv " + t.replace("\r", "\\r"))


def main(path):
    x, y, vx, vy, w = data()
    lines = [f"# Made by tools/keras/callback_fixtures.py with Keras {keras.__version__}"
             f" ({keras.backend.backend()} backend), float32. Do not edit: run the script again.",
             "# x, y, val_x, val_y, initial weights; then per case: epochs run, History's logs, final weights,",
             "# lines the callbacks printed, warnings about a monitor, and the CSV file (\\r shown as text)"]
    lines.append("x " + floats(x))
    lines.append("y " + floats(y))
    lines.append("val_x " + floats(vx))
    lines.append("val_y " + floats(vy))
    for i, v in enumerate(w):
        lines.append(f"initial {i} {floats(v)}")
    with tempfile.TemporaryDirectory() as folder:
        for name, lr, epochs, validation, make in CASES:
            run(name, lr, epochs, validation, make, x, y, vx, vy, w, folder, lines)
        # append: a second fit of three more epochs appends rows, without a second header
        m = model(w, 0.5)
        csv_path = os.path.join(folder, "append.csv")
        m.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0,
              callbacks=[keras.callbacks.CSVLogger(csv_path, append=True)])
        m.fit(x, y, batch_size=4, epochs=4, initial_epoch=2, shuffle=False, verbose=0,
              callbacks=[keras.callbacks.CSVLogger(csv_path, append=True)])
        lines.append("case append lr=0.5 epochs=2+2 validation=False")
        with open(csv_path, newline="") as f:
            for t in f.read().split("\n")[:-1]:
                lines.append("csv " + t.replace("\r", "\\r"))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(CASES) + 1} cases (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/callbacks.txt")
