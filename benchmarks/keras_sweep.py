#!/usr/bin/env python3
"""Real Keras 3 (JAX backend) `fit` on the scaling sweep's grid, the line "Keras 3" of benchmarks/scaling.png.

The network, data and grid are SweepConfig.java's, as io.github.kerasdjl.benchmarks.ExportData writes them (the
folder given as the first argument: sweep.x.f32, sweep.y.f32, sweep-config.json): Input(16), Dense(width, relu),
Dense(width, relu), Dense(1, sigmoid), mse, SGD(0.01), no metrics, shuffle=False. The timing is ScalingSweep.java's:
for each point a fresh model; one `fit` of 2 steps (JAX compiles the step), then passes of 1, 2, 4, ... steps while
a pass takes under a tenth of WARMUP_S, then passes sized to the time left, until WARMUP_S seconds and 3 steps have
run (the last gives the rate); then ROUNDS rounds, each running passes sized from the latest rate (then from the time
left) until ROUND_S seconds and 3 steps have run. A pass of k steps is one or two `fit(verbose=0)` calls: k // s
whole epochs over all rows (s steps an epoch), then one epoch over the first (k % s) x batch rows. The score is the
median round's steps per second. Writes JSON to the path given as the second argument.

Threads: run by benchmarks/run.sh with the environment of keras_fit.py (OMP_NUM_THREADS, XLA_FLAGS, taskset).
"""
import json
import os
import statistics
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

WARMUP_S = float(os.environ.get("SWEEP_WARMUP_S", "0.3"))
ROUND_S = float(os.environ.get("SWEEP_ROUND_S", "0.7"))
ROUNDS = 3
MIN_STEPS = 3
MAX_PASS_STEPS = 200000


def model_for(features, width, learning_rate):
    m = keras.Sequential([keras.Input((features,)), layers.Dense(width, activation="relu"),
                          layers.Dense(width, activation="relu"), layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    return m


def plan(wanted, batch, samples):
    """(epochs over all rows, then one epoch over this many rows, steps) of a pass of `wanted` steps."""
    per_epoch = samples // batch
    k = int(max(1, min(wanted, MAX_PASS_STEPS)))
    return k // per_epoch, (k % per_epoch) * batch, k


def run_pass(model, x, y, batch, p):
    epochs, rows, _ = p
    if epochs:
        model.fit(x, y, epochs=epochs, batch_size=batch, shuffle=False, verbose=0)
    if rows:
        model.fit(x[:rows], y[:rows], epochs=1, batch_size=batch, shuffle=False, verbose=0)


def point(x, y, config, width, batch):
    keras.utils.set_random_seed(1)
    model = model_for(config["features"], width, config["learning_rate"])
    samples = len(x)
    run_pass(model, x, y, batch, plan(2, batch, samples))      # compiles the step
    total, steps, wanted = 0.0, 0, 1
    while True:
        p = plan(wanted, batch, samples)
        t0 = time.perf_counter()
        run_pass(model, x, y, batch, p)
        dt = time.perf_counter() - t0
        total += dt
        steps += p[2]
        rate = p[2] / dt
        if total >= WARMUP_S and steps >= MIN_STEPS:
            break
        wanted = wanted * 2 if dt < WARMUP_S / 10 else max(1, MIN_STEPS - steps,
                                                            int((WARMUP_S - total) * rate * 1.02) + 1)
    scores = []
    for _ in range(ROUNDS):
        wanted = max(MIN_STEPS, int(rate * ROUND_S * 1.02) + 1)
        done = 0
        t0 = time.perf_counter()
        while True:
            p = plan(wanted, batch, samples)
            run_pass(model, x, y, batch, p)
            done += p[2]
            dt = time.perf_counter() - t0
            if dt >= ROUND_S and done >= MIN_STEPS:
                break
            wanted = max(1, MIN_STEPS - done, int((ROUND_S - dt) * done / dt * 1.05) + 1)
        rate = done / dt
        scores.append(rate)
    median = statistics.median(scores)
    return {"impl": "keras", "width": width, "batch": batch, "steps_per_s": median, "samples_per_s": median * batch,
            "spread": (max(scores) - min(scores)) / median, "rounds": scores}


if __name__ == "__main__":
    folder, target = sys.argv[1], sys.argv[2]
    config = json.load(open(os.path.join(folder, "sweep-config.json")))
    n, f = config["samples"], config["features"]
    x = np.fromfile(os.path.join(folder, "sweep.x.f32"), dtype="<f4").reshape(n, f)
    y = np.fromfile(os.path.join(folder, "sweep.y.f32"), dtype="<f4").reshape(n, 1)
    start = time.perf_counter()
    points = []
    label = "Keras %s fit (JAX %s)" % (keras.__version__, __import__("jax").__version__)
    for width in config["widths"]:
        for batch in config["batches"]:
            r = point(x, y, config, width, batch)
            points.append(r)
            print("width %4d batch %4d %-22s %10.1f steps/s %12.0f samples/s (spread %.0f%%)" % (
                width, batch, "Keras 3 fit", r["steps_per_s"], r["samples_per_s"], 100 * r["spread"]), flush=True)
    result = {"source": "keras_sweep.py", "keras": keras.__version__, "backend": keras.backend.backend(),
              "jax": __import__("jax").__version__, "threads": os.environ.get("OMP_NUM_THREADS", "?"),
              "xla_flags": os.environ.get("XLA_FLAGS", ""), "warmup_s": WARMUP_S, "round_s": ROUND_S,
              "rounds": ROUNDS, "seconds": time.perf_counter() - start,
              "implementations": [{"key": "keras", "label": label}], "points": points}
    with open(target, "w") as out:
        json.dump(result, out, indent=1)
    print("keras sweep: %d points in %.0f s, wrote %s" % (len(points), result["seconds"], target))
