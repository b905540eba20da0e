package io.github.kerasdjl.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSeedTest {

    @Test
    void setRepeatsTheSequenceOfSeeds() {
        RandomSeed.set(42);
        long[] first = {RandomSeed.next(), RandomSeed.next(), RandomSeed.next()};
        RandomSeed.set(42);
        long[] again = {RandomSeed.next(), RandomSeed.next(), RandomSeed.next()};
        assertArrayEquals(first, again);
        assertNotEquals(first[0], first[1]);
        RandomSeed.set(43);
        assertNotEquals(first[0], RandomSeed.next());
    }

    /** SplitMix64's finalizer spreads neighbouring inputs: 0, 1, 2 give far-apart values (many bits differ). */
    @Test
    void mixSpreadsNeighbouringInputs() {
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < 1000; i++) {
            seen.add(RandomSeed.mix(i));
        }
        assertEquals(1000, seen.size());
        assertEquals(0, RandomSeed.mix(0)); // the finalizer's fixed point, which next() never feeds it
        int differingBits = Long.bitCount(RandomSeed.mix(1) ^ RandomSeed.mix(2));
        assertFalse(differingBits < 16, "bits that differ between mix(1) and mix(2): " + differingBits);
    }

    @Test
    void permutationIsAPermutationFixedByTheSeed() {
        long[] p = RandomSeed.permutation(50, new Random(7));
        long[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(p, RandomSeed.permutation(50, new Random(7)));
        assertFalse(Arrays.equals(p, RandomSeed.permutation(50, new Random(8))));
        long[] identity = new long[50];
        Arrays.setAll(identity, i -> i);
        assertFalse(Arrays.equals(identity, p), "it shuffles");
        assertArrayEquals(new long[0], RandomSeed.permutation(0, new Random(1)));
        assertArrayEquals(new long[] {0}, RandomSeed.permutation(1, new Random(1)));
    }

    /** Fisher-Yates with nextInt(i + 1) is unbiased: each value lands in each place about equally often. */
    @Test
    void permutationIsUnbiased() {
        int n = 4;
        int rounds = 24_000;
        int[][] counts = new int[n][n];
        Random random = new Random(3);
        for (int r = 0; r < rounds; r++) {
            long[] p = RandomSeed.permutation(n, random);
            for (int place = 0; place < n; place++) {
                counts[(int) p[place]][place]++;
            }
        }
        for (int[] row : counts) {
            for (int c : row) {
                assertEquals(rounds / n, c, 300, "counts " + Arrays.deepToString(counts));
            }
        }
    }
}
