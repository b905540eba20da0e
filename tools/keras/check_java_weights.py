"""Real Keras 3 loads a weights file written by keras-djl and predicts the Java numbers.

Run the Java half first (samples/.../WeightsForKeras.java writes mlp.weights.h5 and mlp_predictions.txt), then:

    KERAS_BACKEND=jax python tools/keras/check_java_weights.py output/keras-check

Prints the largest difference between Keras' and Java's predictions; exits 1 above 1e-6.
"""
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

folder = sys.argv[1] if len(sys.argv) > 1 else "output/keras-check"
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(8, activation="relu"),
                          keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
model.load_weights(os.path.join(folder, "mlp.weights.h5"))
with open(os.path.join(folder, "mlp_predictions.txt")) as f:
    rows = np.array([[float(v) for v in line.split()] for line in f if not line.startswith("#")], dtype="float32")
keras_p = model.predict(rows[:, :2], verbose=0)[:, 0]
diff = float(np.max(np.abs(keras_p - rows[:, 2])))
print(f"Keras {keras.__version__} loaded {folder}/mlp.weights.h5: max |Keras - Java| over {len(rows)} predictions"
      f" = {diff:.3g}")
sys.exit(0 if diff <= 1e-6 else 1)
