package org.plenary.scenario;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so that a user sees every mistake in a file at once, not one per run. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Problem problem) {
        list.add(problem);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws when anything was collected. */
    public void throwIfAny() throws InputException {
        if (!list.isEmpty()) {
            throw new InputException(list);
        }
    }
}
