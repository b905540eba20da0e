"""Real Keras 3 loads a .keras file written by keras-djl, predicts the Java numbers, and continues training as Java.

Run the Java half first (samples/.../WeightsForKeras.java writes mlp.keras, mlp_predictions.txt, mlp_data.txt and
mlp_next.txt), then:

    KERAS_BACKEND=jax python tools/keras/check_java_model.py output/keras-check

Loads the model compiled from the file, compares its predictions with Java's (bound 1e-6), trains one more epoch
(batch 10, no shuffling) and compares the weights with Java's after the same epoch (bound 1e-5). Exits 1 past either.
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

folder = sys.argv[1] if len(sys.argv) > 1 else "output/keras-check"


def rows(name):
    with open(os.path.join(folder, name)) as f:
        return [[float(v) for v in line.split()] for line in f if not line.startswith("#")]


model = keras.saving.load_model(os.path.join(folder, "mlp.keras"))
pred = np.array(rows("mlp_predictions.txt"), dtype="float32")
p_diff = float(np.max(np.abs(model.predict(pred[:, :2], verbose=0)[:, 0] - pred[:, 2])))
data = np.array(rows("mlp_data.txt"), dtype="float32")
print(f"loaded: {model.optimizer.__class__.__name__}, iterations {int(model.optimizer.iterations.numpy())},"
      f" loss {model.loss}")
model.fit(data[:, :2], data[:, 2:], epochs=1, batch_size=10, shuffle=False, verbose=0)
java_next = rows("mlp_next.txt")
w_diff = max(float(np.max(np.abs(np.asarray(w).reshape(-1) - np.asarray(j, dtype="float32"))))
             for w, j in zip(model.get_weights(), java_next))
print(f"Keras {keras.__version__} loaded {folder}/mlp.keras: max |Keras - Java| prediction {p_diff:.3g},"
      f" weights after one more epoch {w_diff:.3g}")
sys.exit(0 if p_diff <= 1e-6 and w_diff <= 1e-5 else 1)
