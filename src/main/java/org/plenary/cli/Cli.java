package org.plenary.cli;

/** Small helpers shared by the commands. */
final class Cli {
    private Cli() {
    }

    /** The --threads value, or all available cores. */
    static int threads(Integer requested) {
        if (requested == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        return Math.max(1, requested);
    }
}
