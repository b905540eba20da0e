package io.github.kerasdjl.reference;

import java.util.List;

/**
 * The beans network of seeds 000 and 002 ported line by line: one input, two sigmoid hidden neurons, one sigmoid
 * output, squared error, every partial derivative written out with the seeds' names ({@code w11_1} is the weight
 * from input 1 to neuron 1 of layer 1).
 *
 * <p>{@link #LESSON_002} is the seeds' correct derivation. {@link #LESSON_000} keeps 000's chain-rule slip:
 * {@code dedw12_1} and {@code dedb2_1} multiply by {@code dz1_2da1_1 = w11_2} where {@code dz1_2da2_1 = w21_2}
 * belongs. Kept on purpose, so that the gradient check can be seen to catch it.
 */
public final class BeansNetwork {

    /** 002's derivation (correct). */
    public static final BeansNetwork LESSON_002 = new BeansNetwork(false);
    /** 000's derivation, with its slip in dedw12_1 and dedb2_1. */
    public static final BeansNetwork LESSON_000 = new BeansNetwork(true);

    private final boolean slipOf000;

    private BeansNetwork(boolean slipOf000) {
        this.slipOf000 = slipOf000;
    }

    /** The seven weights, named as in the seeds. */
    public static final class Weights {
        public double w11_1, b1_1, w12_1, b2_1, w11_2, w21_2, b1_2;

        /** In Keras' layout: hidden kernel [[w11_1, w12_1]], hidden bias, output kernel [[w11_2], [w21_2]], bias. */
        public List<double[]> keras() {
            return List.of(new double[] {w11_1, w12_1}, new double[] {b1_1, b2_1}, new double[] {w11_2, w21_2},
                    new double[] {b1_2});
        }

        /** From Keras' layout. */
        public static Weights fromKeras(List<double[]> k) {
            Weights w = new Weights();
            w.w11_1 = k.get(0)[0];
            w.w12_1 = k.get(0)[1];
            w.b1_1 = k.get(1)[0];
            w.b2_1 = k.get(1)[1];
            w.w11_2 = k.get(2)[0];
            w.w21_2 = k.get(2)[1];
            w.b1_2 = k.get(3)[0];
            return w;
        }
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The seed's forward_propgation for one bean: a1_2, the prediction. */
    public static double predict(Weights p, double x) {
        double a1_1 = sigmoid(p.w11_1 * x + p.b1_1);
        double a2_1 = sigmoid(p.w12_1 * x + p.b2_1);
        return sigmoid(p.w11_2 * a1_1 + p.w21_2 * a2_1 + p.b1_2);
    }

    /**
     * The seed's derivatives of e = (y - a1_2)^2 for one bean, in Keras' layout. The order of the lines is the
     * seed's.
     */
    public List<double[]> sampleGradients(Weights p, double x, double y) {
        double z1_1 = p.w11_1 * x + p.b1_1;
        double a1_1 = sigmoid(z1_1);
        double z2_1 = p.w12_1 * x + p.b2_1;
        double a2_1 = sigmoid(z2_1);
        double z1_2 = p.w11_2 * a1_1 + p.w21_2 * a2_1 + p.b1_2;
        double a1_2 = sigmoid(z1_2);

        double deda1_2 = -2 * (y - a1_2);
        double da1_2dz1_2 = a1_2 * (1 - a1_2);
        double dz1_2dw11_2 = a1_1;
        double dz1_2dw21_2 = a2_1;
        double dedw11_2 = deda1_2 * da1_2dz1_2 * dz1_2dw11_2;
        double dedw21_2 = deda1_2 * da1_2dz1_2 * dz1_2dw21_2;
        double dz1_2db1_2 = 1;
        double dedb1_2 = deda1_2 * da1_2dz1_2 * dz1_2db1_2;

        double dz1_2da1_1 = p.w11_2;
        double da1_1dz1_1 = a1_1 * (1 - a1_1);
        double dz1_1dw11_1 = x;
        double dedw11_1 = deda1_2 * da1_2dz1_2 * dz1_2da1_1 * da1_1dz1_1 * dz1_1dw11_1;
        double dz1_1db1_1 = 1;
        double dedb1_1 = deda1_2 * da1_2dz1_2 * dz1_2da1_1 * da1_1dz1_1 * dz1_1db1_1;

        double dz1_2da2_1 = p.w21_2;
        double da2_1dz2_1 = a2_1 * (1 - a2_1);
        double dz2_1dw12_1 = x;
        double dz2_1db2_1 = 1;
        double dedw12_1;
        double dedb2_1;
        if (slipOf000) {
            // 000's code: dz1_2da1_1 where dz1_2da2_1 belongs.
            dedw12_1 = deda1_2 * da1_2dz1_2 * dz1_2da1_1 * da2_1dz2_1 * dz2_1dw12_1;
            dedb2_1 = deda1_2 * da1_2dz1_2 * dz1_2da1_1 * da2_1dz2_1 * dz2_1db2_1;
        } else {
            dedw12_1 = deda1_2 * da1_2dz1_2 * dz1_2da2_1 * da2_1dz2_1 * dz2_1dw12_1;
            dedb2_1 = deda1_2 * da1_2dz1_2 * dz1_2da2_1 * da2_1dz2_1 * dz2_1db2_1;
        }
        return List.of(new double[] {dedw11_1, dedw12_1}, new double[] {dedb1_1, dedb2_1},
                new double[] {dedw11_2, dedw21_2}, new double[] {dedb1_2});
    }

    /** The batch-mean gradient (Keras' mse over a batch is the mean of the seed's per-bean e), Keras' layout. */
    public GradientSource gradients(Weights p) {
        return (x, y) -> {
            double[][] sum = {new double[2], new double[2], new double[2], new double[1]};
            for (int s = 0; s < x.length; s++) {
                List<double[]> g = sampleGradients(p, x[s][0], y[s][0]);
                for (int a = 0; a < 4; a++) {
                    for (int k = 0; k < sum[a].length; k++) {
                        sum[a][k] += g.get(a)[k] / x.length;
                    }
                }
            }
            return List.of(sum);
        };
    }

    /** The seed's training: per-bean SGD, {@code w -= alpha * de/dw}, for {@code epochs} passes in order. */
    public void train(Weights p, double[] xs, double[] ys, double alpha, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = 0; i < xs.length; i++) {
                List<double[]> g = sampleGradients(p, xs[i], ys[i]);
                p.w11_1 -= alpha * g.get(0)[0];
                p.w12_1 -= alpha * g.get(0)[1];
                p.b1_1 -= alpha * g.get(1)[0];
                p.b2_1 -= alpha * g.get(1)[1];
                p.w11_2 -= alpha * g.get(2)[0];
                p.w21_2 -= alpha * g.get(2)[1];
                p.b1_2 -= alpha * g.get(3)[0];
            }
        }
    }
}
