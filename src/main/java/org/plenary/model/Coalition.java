package org.plenary.model;

/**
 * A coalition: a cluster of active delegations close together in position space, or (with
 * coalition formation on) a coalition formed on one agenda item.
 *
 * @param members         delegation indexes, ascending
 * @param capabilityShare the members' capability over all active capability (formed: over those taking part in the item)
 * @param centroid        capability-weighted mean position per dimension (formed: its common position)
 * @param id              a formed coalition's own id, {@code name@item}; null for a detected cluster
 */
public record Coalition(int[] members, double capabilityShare, double[] centroid, String id) {

    /** A detected cluster, numbered by its rank when written. */
    public Coalition(int[] members, double capabilityShare, double[] centroid) {
        this(members, capabilityShare, centroid, null);
    }
}
