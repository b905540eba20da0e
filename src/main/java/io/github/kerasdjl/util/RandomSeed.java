package io.github.kerasdjl.util;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where models get their seeds, as {@code keras.utils.set_random_seed}: after {@link #set(long)}, the models
 * created next draw the same sequence of seeds, so the same program gives the same run. Without a call to set,
 * seeds start from the clock (Keras' behaviour without a seed).
 */
public final class RandomSeed {

    private static final AtomicLong STATE = new AtomicLong(System.nanoTime() ^ 0x5DEECE66DL);

    private RandomSeed() {
    }

    /** Resets the sequence of seeds. */
    public static void set(long seed) {
        STATE.set(seed);
    }

    /** The next seed (SplitMix64 over the state: well spread even for seeds 0, 1, 2 ...). */
    public static long next() {
        long z = STATE.getAndAdd(0x9E3779B97F4A7C15L) + 0x9E3779B97F4A7C15L;
        return mix(z);
    }

    /** SplitMix64's finalizer: a well spread 64-bit value for any input. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A permutation of 0..n-1 drawn from {@code random} (Fisher-Yates): the order of every shuffle here. */
    public static long[] permutation(int n, java.util.Random random) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
