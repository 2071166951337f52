package org.plenary.model;

/**
 * A cluster of active delegations close together in position space.
 *
 * @param members         delegation indexes, ascending
 * @param capabilityShare the members' capability over all active capability
 * @param centroid        capability-weighted mean position per dimension
 */
public record Coalition(int[] members, double capabilityShare, double[] centroid) {
}
