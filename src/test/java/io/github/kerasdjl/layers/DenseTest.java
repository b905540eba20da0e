package io.github.kerasdjl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import org.junit.jupiter.api.Test;

class DenseTest {

    /** glorot_uniform: U(-l, l) with l = sqrt(6 / (fan_in + fan_out)); bias zeros. */
    @Test
    void kernelStartsGlorotUniformAndBiasZeros() {
        try (Sequential model = new Sequential().add(new Dense(200, "relu", 300)).seed(3)) {
            model.build(300);
            Dense d = (Dense) model.layers().get(0);
            double limit = Math.sqrt(6.0 / (300 + 200));
            float[][] k = d.getKernel();
            assertEquals(300, k.length);
            assertEquals(200, k[0].length);
            double sum = 0;
            double sumSq = 0;
            double max = 0;
            int n = 0;
            for (float[] row : k) {
                for (float v : row) {
                    assertTrue(Math.abs(v) <= limit, "value " + v + " outside +-" + limit);
                    sum += v;
                    sumSq += v * v;
                    max = Math.max(max, Math.abs(v));
                    n++;
                }
            }
            // U(-l, l) has mean 0 and variance l^2 / 3; 60,000 draws pin both well.
            assertEquals(0, sum / n, 0.01 * limit);
            assertEquals(limit * limit / 3, sumSq / n, 0.02 * limit * limit / 3);
            assertTrue(max > 0.99 * limit, "the draws span the whole interval");
            for (float b : d.getBias()) {
                assertEquals(0f, b);
            }
        }
    }

    /** The kernel is (inputs, units) as Keras lays it out: output j = sum_i x_i K[i][j] + b_j. */
    @Test
    void kernelLayoutIsKeras() {
        try (Sequential model = new Sequential().add(new Dense(3, "linear", 2)).seed(1)) {
            model.build(2);
            Dense d = (Dense) model.layers().get(0);
            d.setKernel(new float[][] {{1, 2, 3}, {4, 5, 6}});
            d.setBias(new float[] {0.5f, -1, 0});
            float[] out = model.predict(new float[][] {{10, 100}})[0];
            assertEquals(10 * 1 + 100 * 4 + 0.5, out[0], 1e-4);
            assertEquals(10 * 2 + 100 * 5 - 1, out[1], 1e-4);
            assertEquals(10 * 3 + 100 * 6, out[2], 1e-4);
            assertEquals(4f, d.getKernel()[1][0]);
        }
    }

    @Test
    void setKernelChecksShapeAndValues() {
        try (Sequential model = new Sequential().add(new Dense(3, "linear", 2)).seed(1)) {
            Dense d = (Dense) model.layers().get(0);
            assertThrows(IllegalStateException.class, d::getKernel);
            model.build(2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> d.setKernel(new float[][] {{1, 2, 3}}));
            assertTrue(e.getMessage().contains("`kernel`") && e.getMessage().contains("1 rows")
                    && e.getMessage().contains("Expected 2 rows of 3"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> d.setKernel(new float[][] {{1, 2}, {3, 4}}));
            assertTrue(e.getMessage().contains("row 0 has 2 values"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> d.setBias(new float[] {1, Float.NaN, 2}));
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
    }

    @Test
    void noBiasAndOtherInitializers() {
        try (Sequential model = new Sequential()
                .add(new Dense(4, "relu", 2).useBias(false).kernelInitializer("ones")).seed(1)) {
            model.build(2);
            Dense d = (Dense) model.layers().get(0);
            assertEquals(8, model.countParams());
            assertEquals(1, d.weights().size());
            assertEquals(1f, d.getKernel()[1][3]);
            assertThrows(IllegalStateException.class, () -> d.useBias(true));
        }
    }

    @Test
    void heUniformLimit() {
        try (Sequential model = new Sequential().add(new Dense(50, "relu", 100).kernelInitializer("he_uniform"))
                .seed(1)) {
            model.build(100);
            double limit = Math.sqrt(6.0 / 100);
            for (float[] row : ((Dense) model.layers().get(0)).getKernel()) {
                for (float v : row) {
                    assertTrue(Math.abs(v) <= limit);
                }
            }
        }
    }
}
