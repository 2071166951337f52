package org.plenary.sim;

/**
 * Seeds of replications, derived by hashing (master seed, sweep point, replication) with the
 * SplitMix64 finaliser (Steele, Lea &amp; Flood 2014), so a replication's seed never depends on
 * thread count or completion order and any (point, replication) can be re-run alone.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    public static long forReplication(long masterSeed, long sweepPoint, long replication) {
        long h = mix(masterSeed + GOLDEN_GAMMA);
        h = mix(h ^ (sweepPoint + 1) * GOLDEN_GAMMA);
        return mix(h ^ (replication + 1) * 0xBF58476D1CE4E5B9L);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
