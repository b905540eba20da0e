"""Keras 3's per-step progress bar (verbose=1), as a fixture for the Java tests.

Drives keras.callbacks.ProgbarLogger as fit does (set_params, on_train_begin, on_epoch_begin, on_train_batch_end per
step, on_epoch_end) with a clock that the script sets (time.time patched), and writes what it printed, as a JSON string
per case, to src/test/resources/fixtures/progbar.txt. ProgressLoggerTest drives this library's ProgressLogger with the
same times and logs and compares the text. Run from the project's root (see tools/keras/README.md):

    KERAS_BACKEND=jax python tools/keras/progbar_fixture.py
"""
import contextlib
import io
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
from keras.src.utils import progbar  # noqa: E402

NAN = float("nan")
# epochs, steps, then per epoch: (begin time, [(time, logs) per step], (end time, logs))
CASES = {
    "two_epochs": (2, 5, [
        (0.0, [(2000.0, {"loss": 10.12345, "accuracy": 0.5}), (2000.03, {"loss": 9.0, "accuracy": 0.5}),
               (2070.0, {"loss": 0.6931, "accuracy": 0.000123}), (2100.0, {"loss": 0.5, "accuracy": 0.75}),
               (2100.4, {"loss": 0.49, "accuracy": 0.8})],
         (2100.5, {"loss": 0.49, "accuracy": 0.8, "val_loss": 0.51, "val_accuracy": 0.6})),
        (2101.0, [(2101.0005, {"loss": 0.4, "accuracy": 0.8}), (2101.001, {"loss": 0.4, "accuracy": 0.8}),
                  (2101.2, {"loss": 0.39, "accuracy": 0.9}), (2161.5, {"loss": NAN, "accuracy": 0.9}),
                  (2161.6, {"loss": NAN, "accuracy": 0.9})],
         (2161.7, {"loss": NAN, "accuracy": 0.9, "val_loss": NAN, "val_accuracy": 0.6})),
    ]),
    "one_epoch_twelve_steps": (1, 12, [
        (5.0, [(6.1 + 0.1 * s, {"loss": 1.0 / (s + 1)}) for s in range(12)],
         (7.25, {"loss": 1.0 / 12})),
    ]),
}


def main(path):
    now = [0.0]
    progbar.time.time = lambda: now[0]
    lines = [f"# Made by tools/keras/progbar_fixture.py with Keras {keras.__version__}. Do not edit: run the script"
             " again.", "# case NAME: epochs, steps; the times and logs are the script's; then what Keras printed"]
    for name, (epochs, steps, epoch_list) in CASES.items():
        out = io.StringIO()
        cb = keras.callbacks.ProgbarLogger()
        cb.set_params({"verbose": 1, "epochs": epochs, "steps": steps})
        with contextlib.redirect_stdout(out):
            cb.on_train_begin()
            for e, (begin, step_list, (end, end_logs)) in enumerate(epoch_list):
                now[0] = begin
                cb.on_epoch_begin(e)
                for s, (t, logs) in enumerate(step_list):
                    now[0] = t
                    cb.on_train_batch_end(s, logs)
                now[0] = end
                cb.on_epoch_end(e, end_logs)
            cb.on_train_end()
        lines.append(f"case {name}")
        lines.append("printed " + json.dumps(out.getvalue()))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path} (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/progbar.txt")
