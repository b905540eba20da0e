"""Keras 3's stateful metrics, as fixtures for the Java tests.

(a) metrics.txt: each metric's update_state on three fixed batches (5, 5 and 3 rows), without and with sample
    weights, and Keras' result() after each batch (accumulated since the reset, as Keras' stateful metrics are).
    MetricsKerasTest builds the same metric from the same config (Keras' get_config, as a .keras file holds it),
    feeds the same batches and compares.
(b) metrics_fit.txt: small Dense models (fixed starting weights, SGD, shuffle=False, 3 epochs, 23 rows in batches of
    5: an uneven last batch) compiled with these metrics; per-epoch values from History, evaluate() after the fit
    and the final weights. MetricsFitTest trains the same models.

Run from the project's root (see tools/keras/README.md for the Keras environment):

    KERAS_BACKEND=jax python tools/keras/metric_fixtures.py
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

BATCHES = [5, 5, 3]
ROWS = sum(BATCHES)


def floats(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float32).reshape(-1))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def datasets(rng):
    """name -> (y_true, y_pred), float32, ROWS rows."""
    d = {}
    # Binary: one column, some predictions exactly on 0, 0.5 and 1 (Keras' thresholds are strict: p > t).
    yb = (rng.random((ROWS, 1)) < 0.5).astype(np.float32)
    pb = rng.random((ROWS, 1)).astype(np.float32)
    pb[0, 0], pb[3, 0], pb[7, 0], pb[11, 0] = 0.5, 0.0, 1.0, 0.5
    d["bin"] = (yb, pb)
    # Multi-label: three independent binary columns.
    ym = (rng.random((ROWS, 3)) < 0.4).astype(np.float32)
    pm = rng.random((ROWS, 3)).astype(np.float32)
    pm[2] = [0.5, 0.2, 0.5]
    d["multi"] = (ym, pm)
    # Categorical: six classes, one-hot targets, softmax predictions.
    classes = rng.integers(0, 6, ROWS)
    yc = np.eye(6, dtype=np.float32)[classes]
    pc = softmax(rng.normal(size=(ROWS, 6)) * 1.5)
    d["cat"] = (yc, pc)
    # Sparse: the same classes as one column of integer indices.
    d["sparse"] = (classes.reshape(-1, 1).astype(np.float32), pc)
    # Regression: two outputs.
    yr = rng.normal(size=(ROWS, 2)).astype(np.float32) * np.array([1.0, 3.0], np.float32)
    pr = (yr + rng.normal(size=(ROWS, 2)).astype(np.float32) * 0.8).astype(np.float32)
    d["reg"] = (yr, pr)
    return d


# (case id, Keras class, constructor arguments, data set)
CASES = [
    ("binary_accuracy", "BinaryAccuracy", {}, "bin"),
    ("categorical_accuracy", "CategoricalAccuracy", {}, "cat"),
    ("mse", "MeanSquaredError", {}, "reg"),
    ("mae", "MeanAbsoluteError", {}, "reg"),
    ("sparse_categorical_accuracy", "SparseCategoricalAccuracy", {}, "sparse"),
    ("top_k_5", "TopKCategoricalAccuracy", {}, "cat"),
    ("top_k_2", "TopKCategoricalAccuracy", {"k": 2}, "cat"),
    ("precision_bin", "Precision", {}, "bin"),
    ("precision_multi", "Precision", {}, "multi"),
    ("precision_thresholds", "Precision", {"thresholds": [0.3, 0.5, 0.7]}, "multi"),
    ("precision_top_k", "Precision", {"top_k": 2}, "multi"),
    ("precision_class_id", "Precision", {"class_id": 1}, "multi"),
    ("precision_top_k_class_id", "Precision", {"top_k": 1, "class_id": 2}, "cat"),
    ("recall_bin", "Recall", {}, "bin"),
    ("recall_multi", "Recall", {}, "multi"),
    ("recall_thresholds", "Recall", {"thresholds": [0.3, 0.5, 0.7]}, "multi"),
    ("recall_top_k", "Recall", {"top_k": 2}, "multi"),
    ("recall_class_id", "Recall", {"class_id": 0, "thresholds": 0.4}, "multi"),
    ("auc_roc_bin", "AUC", {}, "bin"),
    ("auc_roc_multi", "AUC", {}, "multi"),
    ("auc_pr_bin", "AUC", {"curve": "PR"}, "bin"),
    ("auc_pr_multi", "AUC", {"curve": "PR"}, "multi"),
    ("auc_roc_10", "AUC", {"num_thresholds": 10}, "bin"),
    ("auc_given_thresholds", "AUC", {"thresholds": [0.1, 0.4, 0.8]}, "multi"),
    ("auc_pr_given_thresholds", "AUC", {"curve": "PR", "thresholds": [0.1, 0.4, 0.8]}, "bin"),
    ("auc_evenly_given", "AUC", {"thresholds": [0.25, 0.5, 0.75]}, "bin"),
    ("auc_from_logits", "AUC", {"from_logits": True}, "multi"),
    ("precision_evenly", "Precision", {"thresholds": [0.0, 0.5, 1.0]}, "bin"),
    ("recall_evenly", "Recall", {"thresholds": [0.0, 0.25, 0.5, 0.75, 1.0]}, "multi"),
    ("auc_multi_label", "AUC", {"multi_label": True}, "multi"),
    ("auc_multi_label_pr_weighted", "AUC", {"multi_label": True, "num_labels": 3, "curve": "PR",
                                            "label_weights": [0.2, 0.5, 0.3]}, "multi"),
    ("auc_label_weights", "AUC", {"label_weights": [0.2, 0.5, 0.3]}, "multi"),
    ("auc_prgain_bin", "AUC", {"curve": "PRGAIN"}, "bin"),
    ("auc_prgain_multi_minoring", "AUC", {"curve": "PRGAIN", "summation_method": "minoring"}, "multi"),
    ("auc_minoring", "AUC", {"summation_method": "minoring"}, "multi"),
    ("auc_majoring_pr", "AUC", {"curve": "PR", "summation_method": "majoring"}, "multi"),
    ("f1_none_multi", "F1Score", {}, "multi"),
    ("f1_micro_multi", "F1Score", {"average": "micro", "threshold": 0.5}, "multi"),
    ("f1_macro_multi", "F1Score", {"average": "macro", "threshold": 0.4}, "multi"),
    ("f1_weighted_multi", "F1Score", {"average": "weighted", "threshold": 0.5}, "multi"),
    ("f1_none_cat", "F1Score", {}, "cat"),
    ("f1_macro_cat", "F1Score", {"average": "macro"}, "cat"),
    ("f1_micro_cat", "F1Score", {"average": "micro"}, "cat"),
    ("f1_weighted_cat", "F1Score", {"average": "weighted"}, "cat"),
    ("rmse", "RootMeanSquaredError", {}, "reg"),
    ("r2", "R2Score", {}, "reg"),
    ("r2_variance_weighted", "R2Score", {"class_aggregation": "variance_weighted_average"}, "reg"),
    ("r2_none", "R2Score", {"class_aggregation": None}, "reg"),
    ("r2_adjusted", "R2Score", {"num_regressors": 2}, "reg"),
]


def config_json(metric):
    return json.dumps(keras.saving.serialize_keras_object(metric), separators=(",", ":"))


def update_fixture(path, rng):
    data = datasets(rng)
    weights = rng.random(ROWS).astype(np.float32) * 2
    weights[4] = 0.0
    lines = [f"# Made by tools/keras/metric_fixtures.py with Keras {keras.__version__}"
             f" ({keras.backend.backend()} backend), float32. Do not edit: run the script again.",
             "# batches SIZES; data SET ytrue|ypred COLS values (all rows); weights values;"
             " case ID WEIGHTED SET CONFIG_JSON; expect BATCH values (result after that batch)",
             "batches " + " ".join(str(b) for b in BATCHES)]
    for name, (yt, yp) in data.items():
        lines.append(f"data {name} ytrue {yt.shape[1]} {floats(yt)}")
        lines.append(f"data {name} ypred {yp.shape[1]} {floats(yp)}")
    lines.append("weights " + floats(weights))
    for case_id, cls, args, set_name in CASES:
        yt, yp = data[set_name]
        for weighted in (0, 1):
            metric = getattr(keras.metrics, cls)(name=case_id, **args)
            lines.append(f"case {case_id} {weighted} {set_name} {config_json(metric)}")
            start = 0
            for b, size in enumerate(BATCHES):
                end = start + size
                sw = weights[start:end] if weighted else None
                metric.update_state(yt[start:end], yp[start:end], sample_weight=sw)
                lines.append(f"expect {b + 1} {floats(keras.ops.convert_to_numpy(metric.result()))}")
                start = end
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(CASES)} metrics, each unweighted and weighted")


# (model id, hidden units, output units, output activation, loss, learning rate, metrics, target kind)
FITS = [
    ("binary", 4, 1, "sigmoid", "binary_crossentropy", 0.5,
     ["accuracy", "precision", "recall", "auc",
      lambda: keras.metrics.AUC(curve="PR", name="pr_auc"),
      lambda: keras.metrics.Precision(thresholds=[0.3, 0.6], name="precision_at"),
      lambda: keras.metrics.F1Score(average="micro", threshold=0.5, name="f1")], "bin"),
    ("categorical", 5, 6, "softmax", "categorical_crossentropy", 0.3,
     ["accuracy", "top_k_categorical_accuracy", "f1_score",
      lambda: keras.metrics.TopKCategoricalAccuracy(k=2, name="top2"),
      lambda: keras.metrics.F1Score(average="macro", name="f1_macro"),
      lambda: keras.metrics.F1Score(average="weighted", threshold=0.3, name="f1_weighted"),
      lambda: keras.metrics.Precision(top_k=1, class_id=2, name="precision_c2"),
      lambda: keras.metrics.Recall(class_id=1, name="recall_c1"),
      lambda: keras.metrics.AUC(name="auc_flat")], "cat"),
    ("regression", 4, 2, "linear", "mse", 0.1,
     ["root_mean_squared_error", "r2_score", "mae",
      lambda: keras.metrics.R2Score(class_aggregation="variance_weighted_average", name="r2_vw")], "reg"),
    ("sparse", 5, 4, "softmax", "sparse_categorical_crossentropy", 0.3,
     ["accuracy", "sparse_categorical_accuracy",
      lambda: keras.metrics.SparseCategoricalAccuracy(name="sca")], "sparse"),
]
FIT_ROWS = 23
FIT_BATCH = 5
EPOCHS = 3


def fit_fixture(path, rng):
    lines = [f"# Made by tools/keras/metric_fixtures.py with Keras {keras.__version__}"
             f" ({keras.backend.backend()} backend), float32. Do not edit: run the script again.",
             "# model ID HIDDEN UNITS ACTIVATION LOSS LR BATCH EPOCHS; metrics JSON (compile_config);"
             " x/y ROWS COLS values; weight I values (initial); epoch E key=value...; evaluate key=value...;"
             " final I values. Vector results (per threshold, per class) as key_I."]
    for model_id, hidden, units, activation, loss, lr, metrics, kind in FITS:
        x = rng.normal(size=(FIT_ROWS, 3)).astype(np.float32)
        if kind == "sparse":
            score = x @ rng.normal(size=(3, units)) + rng.normal(size=(FIT_ROWS, units)) * 0.7
            y = score.argmax(axis=1).reshape(-1, 1).astype(np.float32)
        elif kind == "bin":
            y = (x[:, :1] + 0.5 * x[:, 1:2] + rng.normal(size=(FIT_ROWS, 1)) * 0.5 > 0).astype(np.float32)
        elif kind == "cat":
            score = x @ rng.normal(size=(3, units)) + rng.normal(size=(FIT_ROWS, units)) * 0.7
            y = np.eye(units, dtype=np.float32)[score.argmax(axis=1)]
        else:
            y = (x @ rng.normal(size=(3, units)) + rng.normal(size=(FIT_ROWS, units)) * 0.3).astype(np.float32)
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(hidden, activation="tanh"),
                                  keras.layers.Dense(units, activation=activation)])
        initial = [rng.normal(size=w.shape).astype(np.float32) * 0.7 for w in model.get_weights()]
        model.set_weights(initial)
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss=loss,
                      metrics=[m() if callable(m) else m for m in metrics])
        history = model.fit(x, y, batch_size=FIT_BATCH, epochs=EPOCHS, shuffle=False, verbose=0)
        evaluated = model.evaluate(x, y, batch_size=FIT_BATCH, verbose=0, return_dict=True)
        lines.append(f"model {model_id} {hidden} {units} {activation} {loss} {lr} {FIT_BATCH} {EPOCHS}")
        lines.append("metrics " + json.dumps(model.get_compile_config()["metrics"], separators=(",", ":")))
        lines.append(f"x {FIT_ROWS} 3 {floats(x)}")
        lines.append(f"y {FIT_ROWS} {y.shape[1]} {floats(y)}")
        for i, w in enumerate(initial):
            lines.append(f"weight {i} {floats(w)}")

        def entries(logs):
            out = []
            for k, v in logs.items():
                v = np.asarray(v, dtype=np.float32)
                if v.ndim == 0:
                    out.append(f"{k}={float(v)!r}")
                else:
                    out.extend(f"{k}_{i}={float(e)!r}" for i, e in enumerate(v.reshape(-1)))
            return " ".join(out)

        for e in range(EPOCHS):
            lines.append(f"epoch {e + 1} " + entries({k: v[e] for k, v in history.history.items()}))
        lines.append("evaluate " + entries(evaluated))
        for i, w in enumerate(model.get_weights()):
            lines.append(f"final {i} {floats(w)}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(FITS)} models, {EPOCHS} epochs each")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures"
    rng = np.random.default_rng(20261201)
    update_fixture(os.path.join(out, "metrics.txt"), rng)
    fit_fixture(os.path.join(out, "metrics_fit.txt"), rng)
