"""Optimizer update rules from real Keras 3, as fixtures for the Java tests.

Applies a fixed sequence of gradients to fixed variables with Keras' own optimizers (as Keras' sgd_test.py and
adam_test.py do with apply_gradients), and writes every variable after every step to
src/test/resources/fixtures/optimizers.txt. OptimizerRulesTest applies the same gradients with this library's
optimizers and compares. Run from the project's root (see tools/keras/README.md for the Keras environment):

    KERAS_BACKEND=jax python tools/keras/optimizer_fixtures.py
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

STEPS = 5
SHAPES = [(2, 3), (3,)]
CASES = [
    ("sgd_plain", "SGD", dict(learning_rate=0.5)),
    ("sgd_defaults", "SGD", dict()),
    ("sgd_momentum", "SGD", dict(learning_rate=0.1, momentum=0.9)),
    ("sgd_nesterov", "SGD", dict(learning_rate=0.1, momentum=0.9, nesterov=True)),
    ("adam_defaults", "Adam", dict()),
    ("adam_custom", "Adam", dict(learning_rate=0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-6)),
    ("rmsprop_defaults", "RMSprop", dict()),
    ("rmsprop_momentum_centered", "RMSprop", dict(learning_rate=0.01, rho=0.8, momentum=0.5, epsilon=1e-6,
                                                  centered=True)),
    ("adagrad_defaults", "Adagrad", dict()),
    ("adagrad_custom", "Adagrad", dict(learning_rate=0.1, initial_accumulator_value=0.5, epsilon=1e-5)),
]


def floats(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float32).reshape(-1))


def main(path):
    rng = np.random.default_rng(20261124)
    initial = [rng.normal(size=s).astype(np.float32) for s in SHAPES]
    # The kernel's gradients are of order 1; the bias's of order 1e-6, where Adam's epsilon (Keras 1e-7, DJL 1e-8)
    # changes the update by about ten per cent.
    grads = [[(rng.normal(size=s) * (1.0 if i == 0 else 1e-6)).astype(np.float32) for i, s in enumerate(SHAPES)]
             for _ in range(STEPS)]
    lines = [f"# Made by tools/keras/optimizer_fixtures.py with Keras {keras.__version__}"
             f" ({keras.backend.backend()} backend), float32. Do not edit: run the script again.",
             "# case NAME OPTIMIZER key=value...; initial VAR values; step S grad VAR values / step S expect VAR values",
             "shapes " + " ".join("x".join(str(d) for d in s) for s in SHAPES)]
    for name, kind, args in CASES:
        optimizer = getattr(keras.optimizers, kind)(**args)
        variables = [keras.Variable(v.copy(), dtype="float32") for v in initial]
        lines.append(f"case {name} {kind} " + " ".join(f"{k}={v}" for k, v in args.items()))
        for i, v in enumerate(initial):
            lines.append(f"initial {i} {floats(v)}")
        for step in range(STEPS):
            optimizer.apply_gradients(zip([keras.ops.convert_to_tensor(g) for g in grads[step]], variables))
            for i, g in enumerate(grads[step]):
                lines.append(f"step {step + 1} grad {i} {floats(g)}")
            for i, v in enumerate(variables):
                lines.append(f"step {step + 1} expect {i} {floats(keras.ops.convert_to_numpy(v))}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(CASES)} cases, {STEPS} steps each (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/optimizers.txt")
