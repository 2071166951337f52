package org.plenary.observe;

import org.plenary.model.Assembly;

/**
 * Looks at the assembly after every round (and once before the first, as round 0). An observer
 * only reads: it never changes the state and never draws from the replication's generator.
 */
@FunctionalInterface
public interface RoundObserver {
    void observe(Assembly assembly);
}
