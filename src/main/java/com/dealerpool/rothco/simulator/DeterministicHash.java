package com.dealerpool.rothco.simulator;

/**
 * Stateless 64-bit mixing (the SplitMix64 finalizer) that turns a seed and a few coordinates
 * into well-spread pseudo-random values. Every generated catalog value comes from here, so
 * the same seed and coordinates give the same value on every machine and run.
 */
final class DeterministicHash {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private DeterministicHash() {
    }

    static long mix(long seed, long... coordinates) {
        long state = finalizeMix(seed + GOLDEN_GAMMA);
        for (long coordinate : coordinates) {
            state = finalizeMix(state ^ (coordinate + GOLDEN_GAMMA));
        }
        return state;
    }

    /** Returns a value in {@code [0, bound)} for a positive bound. */
    static int below(int bound, long seed, long... coordinates) {
        return (int) Long.remainderUnsigned(mix(seed, coordinates), bound);
    }

    /** Returns a value in {@code [0, 1)}. */
    static double unit(long seed, long... coordinates) {
        return (mix(seed, coordinates) >>> 11) * 0x1.0p-53;
    }

    private static long finalizeMix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
