package org.plenary.dynamics;

import org.plenary.model.Assembly;

/** Group memberships as 64-bit masks, so "do i and j share a group" is one AND in pair loops. */
final class GroupMasks {
    private GroupMasks() {
    }

    /** Fills one mask per delegation; false when there are more than 64 groups (use Assembly.shareGroup). */
    static boolean fill(Assembly a, long[] masks) {
        if (a.groups > Long.SIZE) {
            return false;
        }
        for (int i = 0; i < a.delegations; i++) {
            long mask = 0;
            for (int g = 0; g < a.groups; g++) {
                if (a.isMember(i, g)) {
                    mask |= 1L << g;
                }
            }
            masks[i] = mask;
        }
        return true;
    }
}
