"""Layers and N-D input from real Keras 3, as fixtures for the Java tests (LayersKerasTest, LayerSummaryTest).

For each small model (Input, Dense on N-D samples, Conv2D valid/same/strides/dilation, MaxPooling2D,
AveragePooling2D, GlobalAveragePooling2D, Flatten, Reshape, Activation, Dropout, BatchNormalization,
LayerNormalization): weights drawn here and put into the model with set_weights, a fixed input batch, Keras'
outputs in inference (predict) and in training mode (model(x, training=True), for the layers whose training
forward is deterministic), then ONE step of SGD(0.1) on mse over the whole batch (fit, batch_size = all samples,
shuffle=False): the loss and every weight after it (get_weights, Keras' layout, non-trainable ones included).
Each model's Keras summary() text is kept too. Writes src/test/resources/fixtures/layers.txt: a first line naming
this script and the Keras version, then one JSON object per case. Run from the project's root:

    KERAS_BACKEND=jax /work/keras-venv/bin/python tools/keras/layer_fixtures.py
"""
import io
import json
import os
import contextlib

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ["COLUMNS"] = "100"  # rich (Keras' summary) cuts its table to the terminal's width, 80 when unknown
import keras  # noqa: E402
import numpy as np  # noqa: E402

L = keras.layers

# Each case: name, input shape, a list of layer specs (the Java test builds the same model from them),
# whether training mode forward is compared (no dropout inside), the number of samples.
CASES = [
    ("dense_on_3d", (3, 4), [dict(cls="Dense", units=5, activation="tanh"), dict(cls="Flatten"),
                             dict(cls="Dense", units=2)]),
    ("conv_valid", (7, 6, 2), [dict(cls="Conv2D", filters=3, kernel=[3, 3], activation="relu"),
                               dict(cls="Flatten"), dict(cls="Dense", units=2)]),
    ("conv_same_stride2", (7, 6, 2), [dict(cls="Conv2D", filters=4, kernel=[3, 3], strides=[2, 2],
                                           padding="same", activation="tanh"),
                                      dict(cls="Flatten"), dict(cls="Dense", units=1)]),
    ("conv_same_even_kernel", (5, 5, 1), [dict(cls="Conv2D", filters=2, kernel=[2, 4], padding="same"),
                                          dict(cls="Flatten"), dict(cls="Dense", units=1)]),
    ("conv_dilation", (8, 8, 1), [dict(cls="Conv2D", filters=2, kernel=[3, 2], dilation=[2, 2],
                                       activation="sigmoid", use_bias=False),
                                  dict(cls="GlobalAveragePooling2D"), dict(cls="Dense", units=2)]),
    ("max_pool_valid", (6, 7, 2), [dict(cls="Conv2D", filters=3, kernel=[2, 2], activation="relu"),
                                   dict(cls="MaxPooling2D", pool=[2, 2]), dict(cls="Flatten"),
                                   dict(cls="Dense", units=2)]),
    ("pools_same", (7, 7, 2), [dict(cls="MaxPooling2D", pool=[3, 3], strides=[2, 2], padding="same"),
                               dict(cls="AveragePooling2D", pool=[3, 3], strides=[2, 2], padding="same"),
                               dict(cls="Flatten"), dict(cls="Dense", units=2)]),
    ("avg_pool_valid_strides", (6, 5, 3), [dict(cls="AveragePooling2D", pool=[2, 3], strides=[1, 2]),
                                           dict(cls="Flatten"), dict(cls="Dense", units=1)]),
    ("reshape_activation", (12,), [dict(cls="Reshape", target=[3, -1]), dict(cls="Activation", activation="tanh"),
                                   dict(cls="Dense", units=2), dict(cls="Flatten"), dict(cls="Dense", units=1)]),
    ("dropout_inference", (5,), [dict(cls="Dense", units=4, activation="relu"), dict(cls="Dropout", rate=0.5),
                                 dict(cls="Dense", units=1)]),
    ("batch_norm_dense", (4,), [dict(cls="Dense", units=3), dict(cls="BatchNormalization"),
                                dict(cls="Activation", activation="relu"), dict(cls="Dense", units=1)]),
    ("batch_norm_conv", (5, 5, 2), [dict(cls="Conv2D", filters=3, kernel=[3, 3]), dict(cls="BatchNormalization"),
                                    dict(cls="Flatten"), dict(cls="Dense", units=1)]),
    ("layer_norm", (3, 4), [dict(cls="LayerNormalization"), dict(cls="Flatten"), dict(cls="Dense", units=2)]),
    ("normalization_adapted", (3, 2), [dict(cls="Normalization"), dict(cls="Flatten"), dict(cls="Dense", units=2)]),
    ("embedding", (4,), [dict(cls="Embedding", input_dim=7, output_dim=3), dict(cls="Flatten"),
                         dict(cls="Dense", units=1)]),
    ("digits_convnet", (8, 8, 1), [dict(cls="Conv2D", filters=16, kernel=[3, 3], activation="relu"),
                                   dict(cls="MaxPooling2D", pool=[2, 2]), dict(cls="Flatten"),
                                   dict(cls="Dropout", rate=0.25), dict(cls="Dense", units=10,
                                                                        activation="softmax")]),
]
SAMPLES = 5


def layer(spec):
    c = spec["cls"]
    if c == "Dense":
        return L.Dense(spec["units"], activation=spec.get("activation"))
    if c == "Flatten":
        return L.Flatten()
    if c == "Conv2D":
        return L.Conv2D(spec["filters"], tuple(spec["kernel"]), strides=tuple(spec.get("strides", [1, 1])),
                        padding=spec.get("padding", "valid"), dilation_rate=tuple(spec.get("dilation", [1, 1])),
                        activation=spec.get("activation"), use_bias=spec.get("use_bias", True))
    if c == "MaxPooling2D":
        return L.MaxPooling2D(tuple(spec["pool"]), strides=tuple(spec["strides"]) if "strides" in spec else None,
                              padding=spec.get("padding", "valid"))
    if c == "AveragePooling2D":
        return L.AveragePooling2D(tuple(spec["pool"]), strides=tuple(spec["strides"]) if "strides" in spec
                                  else None, padding=spec.get("padding", "valid"))
    if c == "GlobalAveragePooling2D":
        return L.GlobalAveragePooling2D()
    if c == "Reshape":
        return L.Reshape(tuple(spec["target"]))
    if c == "Activation":
        return L.Activation(spec["activation"])
    if c == "Dropout":
        return L.Dropout(spec["rate"])
    if c == "BatchNormalization":
        return L.BatchNormalization()
    if c == "LayerNormalization":
        return L.LayerNormalization()
    if c == "Normalization":
        return L.Normalization()
    if c == "Embedding":
        return L.Embedding(spec["input_dim"], spec["output_dim"])
    raise ValueError(c)


def arr(a):
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "values": [float("%.9g" % v) for v in a.reshape(-1)]}


def main():
    rng = np.random.default_rng(14)
    out = ["# made by tools/keras/layer_fixtures.py with Keras " + keras.__version__ + " (" + keras.backend.backend()
           + " backend)"]
    for name, shape, specs in CASES:
        keras.backend.clear_session()
        model = keras.Sequential([keras.Input(shape)] + [layer(s) for s in specs])
        x = rng.uniform(-1, 1, size=(SAMPLES,) + shape).astype(np.float32)
        if specs[0]["cls"] == "Embedding":
            x = rng.integers(0, specs[0]["input_dim"], size=(SAMPLES,) + shape).astype(np.float32)
        if specs[0]["cls"] == "Normalization":
            model.layers[0].adapt(x * 3 + 1)  # Keras' statistics, compared with the Java adapt of the same data
            case_adapt = [np.asarray(w, dtype=np.float32) for w in model.layers[0].get_weights()]
        weights = [rng.uniform(-0.8, 0.8, size=w.shape).astype(np.float32) for w in model.get_weights()]
        if specs[0]["cls"] == "Normalization":
            weights[:3] = case_adapt
        # moving variance must be positive: Keras' order in BatchNormalization is gamma, beta, mean, variance
        i = 0
        for lay in model.layers:
            n = len(lay.get_weights())
            if isinstance(lay, L.BatchNormalization):
                weights[i + 3] = np.abs(weights[i + 3]) + 0.5
            i += n
        model.set_weights(weights)
        predict = model.predict(x, verbose=0)
        has_dropout = any(s["cls"] == "Dropout" for s in specs)
        training = None if has_dropout else np.asarray(model(x, training=True))
        model.set_weights(weights)  # a training-mode call updates BatchNormalization's moving statistics
        y = rng.uniform(-1, 1, size=predict.shape).astype(np.float32)
        if specs[-1].get("activation") == "softmax":
            y = np.eye(predict.shape[1], dtype=np.float32)[rng.integers(0, predict.shape[1], SAMPLES)]
        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            model.summary(line_length=90)
        if name == "digits_convnet":  # the model: its summary only
            out.append(json.dumps({"name": name, "input_shape": list(shape), "layers": specs,
                                   "layer_names": [lay.name for lay in model.layers], "summary": text.getvalue()}))
            continue
        case = {"name": name, "input_shape": list(shape), "layers": specs, "x": arr(x), "weights": [arr(w) for w in weights],
                "layer_names": [lay.name for lay in model.layers],
                "weight_counts": [len(lay.get_weights()) for lay in model.layers],
                "predict": arr(predict), "summary": text.getvalue()}
        if training is not None:
            case["training"] = arr(training)
        if specs[0]["cls"] == "Normalization":
            case["adapt_data"] = arr(x * 3 + 1)
        if not has_dropout:
            model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
            h = model.fit(x, y, batch_size=SAMPLES, epochs=1, shuffle=False, verbose=0)
            case["y"] = arr(y)
            case["loss"] = float(h.history["loss"][0])
            case["weights_after"] = [arr(w) for w in model.get_weights()]
        out.append(json.dumps(case, separators=(",", ":")))
    path = "src/test/resources/fixtures/layers.txt"
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", path, os.path.getsize(path), "bytes")



def saved_convnet():
    """A trained convnet saved by Keras (keras_convnet.keras) and its predictions (keras_convnet.txt)."""
    keras.utils.set_random_seed(3)
    keras.backend.clear_session()
    model = keras.Sequential([keras.Input((7, 7, 2)), L.Conv2D(4, 3, activation="relu", padding="same"),
                              L.MaxPooling2D(2), L.Conv2D(3, (2, 2), strides=(1, 1), dilation_rate=(1, 1)),
                              L.AveragePooling2D(2, strides=1, padding="same"), L.Activation("tanh"),
                              L.Dropout(0.2), L.Reshape((3, -1)), L.Flatten(),
                              L.Dense(3, activation="softmax")])
    rng = np.random.default_rng(5)
    x = rng.uniform(-1, 1, size=(12, 7, 7, 2)).astype(np.float32)
    y = rng.integers(0, 3, 12)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, batch_size=5, epochs=2, shuffle=False, verbose=0)
    model.save("src/test/resources/fixtures/keras_convnet.keras")
    with open("src/test/resources/fixtures/keras_convnet.txt", "w") as f:
        f.write("# made by tools/keras/layer_fixtures.py with Keras " + keras.__version__ + "\n")
        f.write(json.dumps({"x": arr(x), "predict": arr(model.predict(x, verbose=0))}) + "\n")


if __name__ == "__main__":
    main()
    saved_convnet()
