package io.github.kerasdjl.samples;

import io.github.kerasdjl.check.Precision;
import java.util.List;

/**
 * The network of {@code 004_*.txt}, from scratch with matrices: two inputs, one hidden layer of sigmoid neurons,
 * one sigmoid output, trained on the whole data set at once (one gradient-descent step per iteration).
 *
 * <pre>
 * feed forward:   hidden = sigmoid(X . W1 + b1)          output = sigmoid(hidden . W2 + b2)
 * output layer:   error = output - y                     outputDelta = error * 2 / n * output * (1 - output)
 * hidden layer:   hiddenError = outputDelta . W2^T       hiddenDelta = hiddenError * hidden * (1 - hidden)
 * update:         W2 -= lr * hidden^T . outputDelta      b2 -= lr * sum of outputDelta over the samples
 *                 W1 -= lr * X^T . hiddenDelta           b1 -= lr * sum of hiddenDelta over the samples
 * </pre>
 *
 * The cost is Keras' mean squared error, so {@code 2 / n} appears in the output delta and the learning rate means
 * what it means for Keras' SGD on a batch of the whole data set.
 */
final class MatrixNetwork {

    double[][] w1;
    double[] b1;
    double[][] w2;
    double[] b2;

    /** A network with these weights in Keras' layout: kernel (inputs, units) and bias for each layer. */
    MatrixNetwork(List<float[]> keras, int inputs, int hidden) {
        w1 = matrix(keras.get(0), inputs, hidden);
        b1 = Precision.toDouble(keras.get(1));
        w2 = matrix(keras.get(2), hidden, 1);
        b2 = Precision.toDouble(keras.get(3));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The hidden layer's and the output layer's activations for the rows of x. */
    double[][][] feedForward(double[][] x) {
        double[][] hidden = map(add(dot(x, w1), b1), MatrixNetwork::sigmoid);
        double[][] output = map(add(dot(hidden, w2), b2), MatrixNetwork::sigmoid);
        return new double[][][] {hidden, output};
    }

    /** The outputs for the rows of x. */
    double[][] predict(double[][] x) {
        return feedForward(x)[1];
    }

    /** {@code iterations} steps of gradient descent on the whole data set. */
    void train(double[][] x, double[][] y, double learningRate, int iterations) {
        int n = x.length;
        for (int it = 0; it < iterations; it++) {
            double[][][] layers = feedForward(x);
            double[][] hidden = layers[0];
            double[][] output = layers[1];

            double[][] outputDelta = new double[n][1];
            for (int s = 0; s < n; s++) {
                double error = output[s][0] - y[s][0];
                outputDelta[s][0] = error * 2 / n * output[s][0] * (1 - output[s][0]);
            }
            double[][] hiddenError = dot(outputDelta, transpose(w2));
            double[][] hiddenDelta = new double[n][hidden[0].length];
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < hidden[0].length; j++) {
                    hiddenDelta[s][j] = hiddenError[s][j] * hidden[s][j] * (1 - hidden[s][j]);
                }
            }

            subtract(w2, dot(transpose(hidden), outputDelta), learningRate);
            subtract(b2, columnSums(outputDelta), learningRate);
            subtract(w1, dot(transpose(x), hiddenDelta), learningRate);
            subtract(b1, columnSums(hiddenDelta), learningRate);
        }
    }

    /** The weights in Keras' layout and order. */
    List<double[]> keras() {
        return List.of(flatten(w1), b1.clone(), flatten(w2), b2.clone());
    }

    // ---- the few matrix operations numpy gives the seed

    static double[][] dot(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double[][] add(double[][] a, double[] row) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
            for (int j = 0; j < row.length; j++) {
                c[i][j] += row[j];
            }
        }
        return c;
    }

    static double[][] map(double[][] a, java.util.function.DoubleUnaryOperator f) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = f.applyAsDouble(a[i][j]);
            }
        }
        return c;
    }

    static double[] columnSums(double[][] a) {
        double[] s = new double[a[0].length];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }

    static void subtract(double[][] w, double[][] g, double rate) {
        for (int i = 0; i < w.length; i++) {
            subtract(w[i], g[i], rate);
        }
    }

    static void subtract(double[] w, double[] g, double rate) {
        for (int j = 0; j < w.length; j++) {
            w[j] -= rate * g[j];
        }
    }

    static double[][] matrix(float[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = flat[i * cols + j];
            }
        }
        return m;
    }

    static double[] flatten(double[][] m) {
        double[] flat = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * m[0].length, m[0].length);
        }
        return flat;
    }
}
