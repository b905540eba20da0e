#!/usr/bin/env python3
"""Real Keras 3 (JAX backend) `fit` on W1-W4, the rows "Keras 3" of benchmarks/RESULTS.md.

The data are the arrays the JMH benchmarks train on, written by io.github.kerasdjl.benchmarks.ExportData (raw
float32 files and shapes.json in the folder given as the first argument); the models, losses, optimizers, batch
sizes, shuffling and metrics are those of Workload.java and Convnet.java, as a Keras user writes them. For each
workload: one warm-up `fit` of one epoch (JAX compiles the step), then ROUNDS timed `fit` calls of EPOCHS[w]
epochs each, verbose=0; the score is epochs per second. Writes JSON to the path given as the second argument.

With --serve FOLDER instead: the fitting half of the paired rounds (PairedRounds.java), which asks on standard input
and is answered on standard output, one line each, the answers prefixed "paired " (anything else Keras prints is
not an answer):
    build W2            builds and compiles W2 and fits it once for one epoch (the compile); answers "paired ok"
    fit W2 30 0.3       repeats fit(epochs=30) until 0.3 s have passed (at least once); answers "paired CALLS SECONDS"
    quit

Threads: run by benchmarks/run.sh with OMP_NUM_THREADS, XLA_FLAGS (--xla_cpu_multi_thread_eigen=true
intra_op_parallelism_threads=N) and, on a machine with more than N cores, taskset to N cores; N is 2, as the JVM.
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

ROUNDS = 5
EPOCHS = {"W1": 60, "W2": 30, "W3": 30, "W4": 30}


def dense(widths, hidden, output):
    model = keras.Sequential([keras.Input((widths[0],))] + [
        layers.Dense(widths[i], activation=output if i == len(widths) - 1 else hidden)
        for i in range(1, len(widths))])
    return model


def build(name):
    """(model, batch, shuffle) of a workload, compiled as Workload.java / Convnet.java compile it."""
    if name == "W1":
        m = dense([2, 8, 8, 8, 1], "relu", "sigmoid")
        m.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse", metrics=["accuracy"])
        return m, 10, True
    if name == "W2":
        m = dense([784, 512, 512, 10], "relu", "softmax")
        m.compile(optimizer=keras.optimizers.SGD(0.01), loss="categorical_crossentropy", metrics=["accuracy"])
        return m, 256, True
    if name == "W3":
        m = dense([1, 2, 1], "sigmoid", "sigmoid")
        m.compile(optimizer=keras.optimizers.SGD(0.03), loss="mse", metrics=["accuracy"])
        return m, 1, False
    m = keras.Sequential([keras.Input((8, 8, 1)), layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
                          layers.Flatten(), layers.Dropout(0.25), layers.Dense(10, activation="softmax")])
    m.compile(optimizer=keras.optimizers.Adam(), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return m, 32, True


def load(folder, name, shapes):
    x = np.fromfile(os.path.join(folder, name + ".x.f32"), dtype="<f4").reshape(shapes[name]["x"])
    y = np.fromfile(os.path.join(folder, name + ".y.f32"), dtype="<f4").reshape(shapes[name]["y"])
    return x, y


def run(folder, name, shapes):
    keras.utils.set_random_seed(1)
    x, y = load(folder, name, shapes)
    model, batch, shuffle = build(name)
    model.fit(x, y, epochs=1, batch_size=batch, shuffle=shuffle, verbose=0)   # warm-up: compiles the step
    scores = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        model.fit(x, y, epochs=EPOCHS[name], batch_size=batch, shuffle=shuffle, verbose=0)
        scores.append(EPOCHS[name] / (time.perf_counter() - t0))
    steps = -(-len(x) // batch)
    mean = statistics.mean(scores)
    return {"workload": name, "epochs_per_s": mean, "stdev": statistics.stdev(scores), "rounds": ROUNDS,
            "epochs_per_round": EPOCHS[name], "steps_per_epoch": steps, "steps_per_s": mean * steps,
            "samples_per_s": mean * len(x), "keras": keras.__version__, "backend": keras.backend.backend(),
            "jax": __import__("jax").__version__, "threads": os.environ.get("OMP_NUM_THREADS", "?"),
            "xla_flags": os.environ.get("XLA_FLAGS", "")}


def serve(folder):
    shapes = json.load(open(os.path.join(folder, "shapes.json")))
    models = {}
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        name = words[1]
        if words[0] == "build":
            keras.utils.set_random_seed(1)
            x, y = load(folder, name, shapes)
            model, batch, shuffle = build(name)
            model.fit(x, y, epochs=1, batch_size=batch, shuffle=shuffle, verbose=0)   # compiles the step
            models[name] = (model, x, y, batch, shuffle)
            answer = "ok"
        else:
            model, x, y, batch, shuffle = models[name]
            epochs, least = int(words[2]), float(words[3])
            calls = 0
            t0 = time.perf_counter()
            while calls == 0 or time.perf_counter() - t0 < least:
                model.fit(x, y, epochs=epochs, batch_size=batch, shuffle=shuffle, verbose=0)
                calls += 1
            answer = "%d %.6f" % (calls, time.perf_counter() - t0)
        print("paired " + answer, flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        serve(sys.argv[2])
        sys.exit(0)
    folder, target = sys.argv[1], sys.argv[2]
    shapes = json.load(open(os.path.join(folder, "shapes.json")))
    only = sys.argv[3:] or ["W1", "W2", "W3", "W4"]
    results = []
    for name in only:
        r = run(folder, name, shapes)
        results.append(r)
        print("keras %s fit %s: %.2f epochs/s (stdev %.2f), %.0f steps/s, %.0f samples/s" % (
            r["keras"], name, r["epochs_per_s"], r["stdev"], r["steps_per_s"], r["samples_per_s"]), flush=True)
    with open(target, "w") as f:
        json.dump(results, f, indent=1)
