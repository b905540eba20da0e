"""Optimizer update rules and learning-rate schedules from real Keras 3, as fixtures for the Java tests.

Applies a fixed sequence of gradients to fixed variables with Keras' own optimizers (as Keras' sgd_test.py and
adam_test.py do with apply_gradients), and writes every variable after every step to
src/test/resources/fixtures/optimizers.txt; each case line carries the optimizer's Keras config (get_config(), JSON),
which the Java test turns into the library's optimizer with Optimizers.fromConfig. It also writes each schedule's
learning rate at steps 0..SCHEDULE_STEPS-1. OptimizerRulesTest and LearningRateSchedulesTest compare. Run from the
project's root (see tools/keras/README.md for the Keras environment):

    KERAS_BACKEND=jax python tools/keras/optimizer_fixtures.py
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

S = keras.optimizers.schedules
STEPS = 5
SCHEDULE_STEPS = 14
SHAPES = [(2, 3), (3,)]
CASES = [
    ("sgd_plain", lambda: keras.optimizers.SGD(learning_rate=0.5)),
    ("sgd_defaults", lambda: keras.optimizers.SGD()),
    ("sgd_momentum", lambda: keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)),
    ("sgd_nesterov", lambda: keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)),
    ("adam_defaults", lambda: keras.optimizers.Adam()),
    ("adam_custom", lambda: keras.optimizers.Adam(learning_rate=0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-6)),
    ("rmsprop_defaults", lambda: keras.optimizers.RMSprop()),
    ("rmsprop_momentum_centered", lambda: keras.optimizers.RMSprop(learning_rate=0.01, rho=0.8, momentum=0.5,
                                                                   epsilon=1e-6, centered=True)),
    ("adagrad_defaults", lambda: keras.optimizers.Adagrad()),
    ("adagrad_custom", lambda: keras.optimizers.Adagrad(learning_rate=0.1, initial_accumulator_value=0.5,
                                                        epsilon=1e-5)),
    ("adamw_defaults", lambda: keras.optimizers.AdamW()),
    ("adamw_custom", lambda: keras.optimizers.AdamW(learning_rate=0.01, weight_decay=0.1, beta_1=0.8, beta_2=0.99,
                                                    epsilon=1e-6)),
    ("adamax_defaults", lambda: keras.optimizers.Adamax()),
    ("adamax_custom", lambda: keras.optimizers.Adamax(learning_rate=0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-6)),
    ("nadam_defaults", lambda: keras.optimizers.Nadam()),
    ("nadam_custom", lambda: keras.optimizers.Nadam(learning_rate=0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-6)),
    ("sgd_weight_decay", lambda: keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, weight_decay=0.05)),
    ("sgd_clipnorm", lambda: keras.optimizers.SGD(learning_rate=0.5, clipnorm=0.5)),
    ("adam_clipvalue", lambda: keras.optimizers.Adam(learning_rate=0.01, clipvalue=0.3)),
    ("rmsprop_global_clipnorm", lambda: keras.optimizers.RMSprop(learning_rate=0.01, global_clipnorm=1.0)),
    ("nadam_weight_decay_clipnorm", lambda: keras.optimizers.Nadam(learning_rate=0.01, weight_decay=0.2,
                                                                   clipnorm=1.0)),
    ("sgd_exponential", lambda: keras.optimizers.SGD(learning_rate=S.ExponentialDecay(0.5, 2, 0.5))),
    ("sgd_exponential_staircase", lambda: keras.optimizers.SGD(
        learning_rate=S.ExponentialDecay(0.5, 2, 0.5, staircase=True), momentum=0.5)),
    ("sgd_piecewise", lambda: keras.optimizers.SGD(
        learning_rate=S.PiecewiseConstantDecay([1, 3], [0.5, 0.2, 0.05]), momentum=0.5)),
    ("rmsprop_inverse_time", lambda: keras.optimizers.RMSprop(
        learning_rate=S.InverseTimeDecay(0.01, 2, 0.5, staircase=True))),
    ("adagrad_polynomial_cycle", lambda: keras.optimizers.Adagrad(
        learning_rate=S.PolynomialDecay(0.1, 3, end_learning_rate=0.01, power=2.0, cycle=True))),
    ("adam_cosine_warmup", lambda: keras.optimizers.Adam(
        learning_rate=S.CosineDecay(0.001, 3, alpha=0.1, warmup_target=0.01, warmup_steps=2))),
    ("adamw_cosine", lambda: keras.optimizers.AdamW(learning_rate=S.CosineDecay(0.01, 4), weight_decay=0.1)),
]
SCHEDULES = [
    ("exponential", S.ExponentialDecay(0.1, 3, 0.7)),
    ("exponential_staircase", S.ExponentialDecay(0.1, 3, 0.7, staircase=True)),
    ("piecewise", S.PiecewiseConstantDecay([2, 5, 9], [1.0, 0.5, 0.25, 0.1])),
    ("inverse_time", S.InverseTimeDecay(0.2, 4, 0.5)),
    ("inverse_time_staircase", S.InverseTimeDecay(0.2, 4, 0.5, staircase=True)),
    ("polynomial", S.PolynomialDecay(0.1, 10)),
    ("polynomial_power_cycle", S.PolynomialDecay(0.1, 4, end_learning_rate=0.01, power=0.5, cycle=True)),
    ("cosine", S.CosineDecay(0.1, 10)),
    ("cosine_alpha", S.CosineDecay(0.1, 10, alpha=0.2)),
    ("cosine_warmup", S.CosineDecay(0.0, 8, alpha=0.1, warmup_target=0.3, warmup_steps=4)),
]


def floats(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float32).reshape(-1))


def config_json(optimizer):
    return json.dumps(keras.saving.serialize_keras_object(optimizer)["config"], separators=(",", ":"))


def main(path):
    rng = np.random.default_rng(20261124)
    initial = [rng.normal(size=s).astype(np.float32) for s in SHAPES]
    # The kernel's gradients are of order 1; the bias's of order 1e-6, where Adam's epsilon (Keras 1e-7, DJL 1e-8)
    # changes the update by about ten per cent.
    grads = [[(rng.normal(size=s) * (1.0 if i == 0 else 1e-6)).astype(np.float32) for i, s in enumerate(SHAPES)]
             for _ in range(STEPS)]
    lines = [f"# Made by tools/keras/optimizer_fixtures.py with Keras {keras.__version__}"
             f" ({keras.backend.backend()} backend), float32. Do not edit: run the script again.",
             "# case NAME CLASS CONFIG_JSON; initial VAR values; step S grad VAR values / step S expect VAR values;"
             " schedule NAME CLASS CONFIG_JSON rate at steps 0, 1, ...",
             "shapes " + " ".join("x".join(str(d) for d in s) for s in SHAPES)]
    for name, make in CASES:
        optimizer = make()
        variables = [keras.Variable(v.copy(), dtype="float32") for v in initial]
        lines.append(f"case {name} {type(optimizer).__name__} {config_json(optimizer)}")
        for i, v in enumerate(initial):
            lines.append(f"initial {i} {floats(v)}")
        for step in range(STEPS):
            optimizer.apply_gradients(zip([keras.ops.convert_to_tensor(g) for g in grads[step]], variables))
            for i, g in enumerate(grads[step]):
                lines.append(f"step {step + 1} grad {i} {floats(g)}")
            for i, v in enumerate(variables):
                lines.append(f"step {step + 1} expect {i} {floats(keras.ops.convert_to_numpy(v))}")
    for name, schedule in SCHEDULES:
        s = keras.optimizers.schedules.serialize(schedule)
        rates = [float(keras.ops.convert_to_numpy(schedule(step))) for step in range(SCHEDULE_STEPS)]
        lines.append(f"schedule {name} {s['class_name']} {json.dumps(s['config'], separators=(',', ':'))} "
                     + " ".join(repr(r) for r in rates))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(CASES)} cases, {STEPS} steps each, {len(SCHEDULES)} schedules (Keras"
          f" {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/optimizers.txt")
