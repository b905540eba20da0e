"""Losses from real Keras 3, as fixtures for the Java tests.

For every loss of the library beyond mse/mae (and the from_logits / label_smoothing variants of the cross-entropies):
  * "value" cases: Keras' loss on fixed y_true / y_pred, per sample (reduction=None) and the batch mean;
  * "train" cases: a small Dense model (3 inputs, Dense(4, tanh), an output suited to the loss) with fixed starting
    weights, trained by SGD(0.1) with shuffle=False for 3 epochs, batch size 5 on 13 samples (an uneven last batch):
    the loss of each epoch and the final weights.
Everything goes into src/test/resources/fixtures/losses.txt; losses/KerasLossesTest reads it. Run from the project's
root (see tools/keras/README.md for the Keras environment):

    KERAS_BACKEND=jax python tools/keras/loss_fixtures.py
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

N, INPUTS, HIDDEN, BATCH, EPOCHS, LR = 13, 3, 4, 5, 3, 0.1

# name, loss (a name, or (class, kwargs)), output units, output activation, kind of targets
CASES = [
    ("sparse_cce", "sparse_categorical_crossentropy", 3, "softmax", "classes"),
    ("sparse_cce_logits", ("SparseCategoricalCrossentropy", dict(from_logits=True)), 3, "linear", "classes"),
    ("sparse_cce_logits_on_softmax", ("SparseCategoricalCrossentropy", dict(from_logits=True)), 3, "softmax",
     "classes"),
    ("bce_logits", ("BinaryCrossentropy", dict(from_logits=True)), 1, "linear", "binary"),
    ("bce_smoothing", ("BinaryCrossentropy", dict(label_smoothing=0.1)), 1, "sigmoid", "binary"),
    ("bce_logits_smoothing", ("BinaryCrossentropy", dict(from_logits=True, label_smoothing=0.2)), 2, "linear",
     "binary"),
    ("cce_logits", ("CategoricalCrossentropy", dict(from_logits=True)), 3, "linear", "onehot"),
    ("cce_smoothing", ("CategoricalCrossentropy", dict(label_smoothing=0.1)), 3, "softmax", "onehot"),
    ("cce_logits_smoothing", ("CategoricalCrossentropy", dict(from_logits=True, label_smoothing=0.3)), 3, "linear",
     "onehot"),
    ("huber", "huber", 2, "linear", "regression"),
    ("huber_delta", ("Huber", dict(delta=0.3)), 2, "linear", "regression"),
    ("log_cosh", "log_cosh", 2, "linear", "regression"),
    ("kl_divergence", "kl_divergence", 3, "softmax", "distribution"),
    ("kld_alias", "kld", 3, "softmax", "distribution"),
    ("poisson", "poisson", 2, "softplus", "counts"),
    ("hinge", "hinge", 1, "tanh", "binary"),
    ("hinge_signs", "hinge", 2, "linear", "signs"),
    ("squared_hinge", "squared_hinge", 2, "tanh", "signs"),
    ("categorical_hinge", "categorical_hinge", 3, "linear", "onehot"),
    # MAPE's gradient is 100 / |y| per output: targets of tens keep SGD(0.1)'s steps of order 1.
    ("mape", "mape", 1, "linear", "tens"),
    ("msle", "msle", 2, "softplus", "positive"),
]

# Fixed y_true / y_pred per loss for the value cases: name, loss, y_true, y_pred
R = np.random.default_rng(7)
P3 = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3], [0.05, 0.9, 0.05]], np.float32)
Z3 = np.array([[2.0, -1.0, 0.5], [-0.3, 0.2, 3.0], [0.0, 0.0, 0.0], [-2.0, 4.0, 1.0]], np.float32)
ONEHOT = np.array([[1, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0]], np.float32)
CLASSES = np.array([[0], [2], [1], [0]], np.float32)
B2 = np.array([[0, 1], [1, 1], [0, 0], [1, 0]], np.float32)
PB2 = np.array([[0.2, 0.9], [0.6, 1.0], [0.0, 0.3], [0.99, 0.4]], np.float32)
ZB2 = np.array([[-1.5, 2.0], [0.3, 5.0], [-4.0, -0.2], [20.0, -30.0]], np.float32)
REG_T = np.array([[1.0, -2.0], [0.5, 0.0], [3.0, 1.0], [-1.0, 2.0]], np.float32)
REG_P = np.array([[1.2, -0.5], [0.4, 2.5], [-0.7, 1.0], [-1.1, 0.1]], np.float32)
POS_T = np.array([[1.0, 2.0], [0.5, 0.0], [3.0, 1.0], [0.0, 2.0]], np.float32)
POS_P = np.array([[1.2, 0.5], [0.4, 2.5], [0.7, 1.0], [-0.1, 0.1]], np.float32)
SIGNS = np.array([[1, -1], [-1, -1], [1, 1], [-1, 1]], np.float32)
VALUES = [
    ("sparse_cce", "sparse_categorical_crossentropy", CLASSES, P3),
    ("sparse_cce_logits", ("SparseCategoricalCrossentropy", dict(from_logits=True)), CLASSES, Z3),
    ("bce", "binary_crossentropy", B2, PB2),
    ("bce_logits", ("BinaryCrossentropy", dict(from_logits=True)), B2, ZB2),
    ("bce_smoothing", ("BinaryCrossentropy", dict(label_smoothing=0.2)), B2, PB2),
    ("bce_logits_smoothing", ("BinaryCrossentropy", dict(from_logits=True, label_smoothing=0.2)), B2, ZB2),
    ("cce", "categorical_crossentropy", ONEHOT, P3),
    ("cce_logits", ("CategoricalCrossentropy", dict(from_logits=True)), ONEHOT, Z3),
    ("cce_smoothing", ("CategoricalCrossentropy", dict(label_smoothing=0.1)), ONEHOT, P3),
    ("cce_logits_smoothing", ("CategoricalCrossentropy", dict(from_logits=True, label_smoothing=0.1)), ONEHOT, Z3),
    ("huber", "huber", REG_T, REG_P),
    ("huber_delta", ("Huber", dict(delta=0.5)), REG_T, REG_P),
    ("log_cosh", "log_cosh", REG_T, REG_P),
    ("kl_divergence", "kl_divergence", ONEHOT * 0.8 + 0.2 / 3, P3),
    ("poisson", "poisson", POS_T, np.abs(POS_P)),
    ("hinge_binary", "hinge", B2, REG_P),
    ("hinge_signs", "hinge", SIGNS, REG_P),
    ("hinge_other", "hinge", REG_T, REG_P),
    ("squared_hinge", "squared_hinge", B2, REG_P),
    ("squared_hinge_signs", "squared_hinge", SIGNS, REG_P),
    ("categorical_hinge", "categorical_hinge", ONEHOT, Z3),
    ("mape", "mape", REG_T, REG_P),
    ("msle", "msle", POS_T, POS_P),
]


def floats(a):
    return " ".join(f"{float(v):.9g}" for v in np.asarray(a, dtype=np.float32).reshape(-1))


def shape(a):
    return "x".join(str(d) for d in np.asarray(a).shape)


def spec(loss):
    if isinstance(loss, str):
        return loss
    cls, kwargs = loss
    return cls + "".join(f" {k}={v}" for k, v in kwargs.items())


def make_loss(loss, reduction=None):
    if isinstance(loss, str):
        if reduction is None:
            return keras.losses.get(loss)
        fn = keras.losses.get(loss)
        from keras.src.losses.losses import LossFunctionWrapper  # what compile wraps a loss function in
        return LossFunctionWrapper(fn, reduction=reduction)
    cls, kwargs = loss
    return getattr(keras.losses, cls)(**kwargs, **({} if reduction is None else dict(reduction=reduction)))


def targets(kind, units, rng):
    if kind == "classes":
        return rng.integers(0, units, size=(N, 1)).astype(np.float32)
    if kind == "onehot":
        return np.eye(units, dtype=np.float32)[rng.integers(0, units, size=N)]
    if kind == "binary":
        return rng.integers(0, 2, size=(N, units)).astype(np.float32)
    if kind == "signs":
        return (rng.integers(0, 2, size=(N, units)) * 2 - 1).astype(np.float32)
    if kind == "distribution":
        d = rng.uniform(0.05, 1.0, size=(N, units)).astype(np.float32)
        return (d / d.sum(axis=1, keepdims=True)).astype(np.float32)
    if kind == "counts":
        return rng.integers(0, 5, size=(N, units)).astype(np.float32)
    if kind == "tens":
        return rng.uniform(20.0, 60.0, size=(N, units)).astype(np.float32)
    if kind == "positive":
        return rng.uniform(0.5, 3.0, size=(N, units)).astype(np.float32)
    return rng.normal(size=(N, units)).astype(np.float32) * 1.5


def main(path):
    rng = np.random.default_rng(20261201)
    x = rng.normal(size=(N, INPUTS)).astype(np.float32)
    lines = [f"# Made by tools/keras/loss_fixtures.py with Keras {keras.__version__}"
             f" ({keras.backend.backend()} backend), float32. Do not edit: run the script again.",
             "# value NAME LOSS... | ytrue SHAPE v.. | ypred SHAPE v.. | per-sample v.. | mean v",
             "# train NAME UNITS ACTIVATION LOSS...; y SHAPE v..; weights I SHAPE v.. (Keras layout, initial);"
             " epoch E loss; final I v..",
             f"setup inputs={INPUTS} hidden={HIDDEN} hidden_activation=tanh optimizer=SGD learning_rate={LR}"
             f" batch_size={BATCH} epochs={EPOCHS} shuffle=False",
             f"x {shape(x)} {floats(x)}"]
    for name, loss, y_true, y_pred in VALUES:
        per_sample = keras.ops.convert_to_numpy(make_loss(loss, reduction="none")(y_true, y_pred))
        mean = float(keras.ops.convert_to_numpy(make_loss(loss, reduction="sum_over_batch_size")(y_true, y_pred)))
        lines.append(f"value {name} {spec(loss)} | ytrue {shape(y_true)} {floats(y_true)} | ypred {shape(y_pred)}"
                     f" {floats(y_pred)} | per-sample {floats(per_sample)} | mean {repr(mean)}")
    for name, loss, units, activation, kind in CASES:
        y = targets(kind, units, rng)
        keras.utils.set_random_seed(1)
        model = keras.Sequential([keras.Input((INPUTS,)), keras.layers.Dense(HIDDEN, activation="tanh"),
                                  keras.layers.Dense(units, activation=activation)])
        weights = [(rng.normal(size=w.shape) * 0.6).astype(np.float32) for w in model.get_weights()]
        model.set_weights(weights)
        model.compile(optimizer=keras.optimizers.SGD(LR), loss=make_loss(loss))
        history = model.fit(x, y, batch_size=BATCH, epochs=EPOCHS, shuffle=False, verbose=0)
        lines.append(f"train {name} {units} {activation} {spec(loss)}")
        lines.append(f"y {shape(y)} {floats(y)}")
        for i, w in enumerate(weights):
            lines.append(f"weights {i} {shape(w)} {floats(w)}")
        for e, value in enumerate(history.history["loss"]):
            lines.append(f"epoch {e + 1} {repr(float(value))}")
        for i, w in enumerate(model.get_weights()):
            lines.append(f"final {i} {floats(w)}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(VALUES)} value cases, {len(CASES)} training cases (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/losses.txt")
