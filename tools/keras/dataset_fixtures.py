"""Fixture for the shipped data sets and Standardizer: scikit-learn's own loaders and StandardScaler.

Writes src/test/resources/fixtures/datasets.txt:
  dataset NAME samples features classes;  counts c0 c1 ...;  row I v0 v1 ... label
  scaler NAME: mean_, var_, scale_ of StandardScaler fitted on the data set's features cast to float32 (what the Java
  side reads) and back to float64; transformed rows 0, 1 and the last.
  scaler constant: a table whose columns are constant (0.1f, 0, 1e6) or almost so, to check the constant rule.
No Keras needed: run with the venv's python (scikit-learn 1.9.1).
"""
import os
import numpy as np
import sklearn
from sklearn import datasets
from sklearn.preprocessing import StandardScaler

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "fixtures", "datasets.txt")


def fmt(values):
    return " ".join(repr(float(v)) for v in np.asarray(values).ravel())


lines = [f"# Made by tools/keras/dataset_fixtures.py with scikit-learn {sklearn.__version__}. Do not edit: run the script again.",
         "# dataset NAME samples features classes / counts / row I features... label; scaler NAME mean|var|scale|row I ..."]
loaders = {"iris": datasets.load_iris, "wine": datasets.load_wine, "breast_cancer": datasets.load_breast_cancer,
           "digits": datasets.load_digits}
for name, load in loaders.items():
    b = load()
    x, y = b.data, b.target
    lines.append(f"dataset {name} {x.shape[0]} {x.shape[1]} {len(b.target_names)}")
    lines.append("counts " + " ".join(str(c) for c in np.bincount(y)))
    for i in (0, 1, 77, x.shape[0] - 1):
        lines.append(f"row {i} {fmt(x[i])} {y[i]}")
    x32 = x.astype(np.float32).astype(np.float64)
    s = StandardScaler().fit(x32)
    t = s.transform(x32)
    lines.append(f"scaler {name} {s.n_samples_seen_}")
    lines.append("mean " + fmt(s.mean_))
    lines.append("var " + fmt(s.var_))
    lines.append("scale " + fmt(s.scale_))
    for i in (0, 1, x.shape[0] - 1):
        lines.append(f"trow {i} {fmt(t[i])}")

# Constant and nearly constant columns: 0.1 in float32 (mean not exactly representable), zeros, 1e6, and a column
# that varies by one float32 step of 1e6 (not constant by scikit-learn's rule).
c = np.array([[0.1, 0.0, 1e6, 1e6, 1.0], [0.1, 0.0, 1e6, 1e6 + 0.0625, 2.0], [0.1, 0.0, 1e6, 1e6, 4.0],
              [0.1, 0.0, 1e6, 1e6, 8.0], [0.1, 0.0, 1e6, 1e6 + 0.0625, 16.0], [0.1, 0.0, 1e6, 1e6, 32.0],
              [0.1, 0.0, 1e6, 1e6, 64.0]], dtype=np.float32).astype(np.float64)
lines.append("constant " + " ".join(fmt(r) for r in c))
s = StandardScaler().fit(c)
lines.append(f"scaler constant {s.n_samples_seen_}")
lines.append("mean " + fmt(s.mean_))
lines.append("var " + fmt(s.var_))
lines.append("scale " + fmt(s.scale_))
t = s.transform(c)
for i in (0, 1, 6):
    lines.append(f"trow {i} {fmt(t[i])}")

with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", OUT, os.path.getsize(OUT), "bytes")
