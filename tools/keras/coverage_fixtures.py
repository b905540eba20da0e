"""Keras 3 .keras files with every activation, initializer, regularizer, loss and metric keras-djl has, and
Keras' predictions with them, as fixtures for the Java tests (KerasCoverageTest). Run from the project's root:

    KERAS_BACKEND=jax python tools/keras/coverage_fixtures.py
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers, regularizers  # noqa: E402


def dense(units, activation, **kw):
    return layers.Dense(units, activation=activation, **kw)


MODELS = {
    # every activation, each initializer, the three regularizers; mse and its metrics
    "activations": (lambda: [dense(4, "relu", kernel_initializer="he_normal"),
                             dense(4, "tanh", kernel_initializer="he_uniform", bias_initializer="ones"),
                             dense(4, "leaky_relu", kernel_initializer="lecun_normal",
                                   kernel_regularizer=regularizers.L2(0.01)),
                             dense(4, "elu", kernel_initializer="lecun_uniform",
                                   kernel_regularizer=regularizers.L1(0.001)),
                             dense(4, "softplus", kernel_initializer="glorot_normal",
                                   kernel_regularizer=regularizers.L1L2(l1=0.001, l2=0.002)),
                             dense(4, "silu", kernel_initializer="random_normal", bias_initializer="zeros"),
                             dense(4, "gelu", kernel_initializer="random_uniform", use_bias=False),
                             dense(4, "sigmoid"), dense(2, "linear")],
                    dict(optimizer=keras.optimizers.SGD(0.01), loss="mse", metrics=["mae", "mse"]), 2),
    "softmax_cce": (lambda: [dense(5, "relu"), dense(3, "softmax")],
                    dict(optimizer=keras.optimizers.Adam(0.001), loss="categorical_crossentropy",
                         metrics=["accuracy", "categorical_accuracy"]), 3),
    "mae_binary": (lambda: [dense(5, "swish"), dense(1, "sigmoid")],
                   dict(optimizer=keras.optimizers.SGD(0.05, momentum=0.5, nesterov=True), loss="mae",
                        metrics=["binary_accuracy"]), 1),
}


def floats(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float32).reshape(-1))


def main(folder):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(6, 3)).astype("float32")
    for name, (make, compile_args, outputs) in MODELS.items():
        keras.utils.set_random_seed(1)
        m = keras.Sequential([keras.Input(shape=(3,))] + make())
        m.compile(**compile_args)
        y = rng.uniform(size=(6, outputs)).astype("float32")
        if outputs > 1 and compile_args["loss"] == "categorical_crossentropy":
            y = np.eye(outputs, dtype="float32")[rng.integers(0, outputs, size=6)]
        m.fit(x, y, epochs=2, batch_size=3, shuffle=False, verbose=0)
        m.save(os.path.join(folder, f"coverage_{name}.keras"))
        with open(os.path.join(folder, f"coverage_{name}.txt"), "w") as f:
            f.write(f"# Made by tools/keras/coverage_fixtures.py with Keras {keras.__version__}: the inputs, then"
                    f" Keras' predictions and its evaluate() loss for the model in coverage_{name}.keras\n")
            f.write("x " + floats(x) + "\n")
            f.write("y " + floats(y) + "\n")
            f.write("predictions " + floats(m.predict(x, verbose=0)) + "\n")
            f.write("loss " + repr(float(m.evaluate(x, y, verbose=0, return_dict=True)["loss"])) + "\n")
    print(f"wrote {len(MODELS)} coverage models (Keras {keras.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures")
