package org.plenary.dynamics;

import org.plenary.model.Assembly;

/**
 * The one-dimension, one-item assemblies of the hand-computed coalition tests: salience 1 and
 * capability 1 unless a delegation says otherwise, no influence, status quo 0.5.
 */
final class HandAssemblies {
    private HandAssemblies() {
    }

    static String header(int rounds) {
        return """
                name: hand
                rounds: %d
                replications: 1
                dimensions: [{id: a}]
                influence: {model: none, anchor: 0}
                delegation_defaults: {salience: 1, capability: 1}
                agenda:
                  - {id: m, weights: {a: 1}, status_quo: {a: 0.5}}
                """.formatted(rounds);
    }

    /** The coalition slot of a delegation on the item, or NONE. */
    static int coalitionOf(Assembly a, String delegation) {
        return a.actors().coalitionOf(0, a.delegationIndex(delegation));
    }
}
