package org.plenary.dynamics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.plenary.model.Assembly;
import org.plenary.model.Coalition;

/** Coalitions from cluster labels, shared by the coalition-detection methods. */
final class CoalitionList {
    private CoalitionList() {
    }

    /** Largest capability share first, then most members, then lowest first member. */
    private static final Comparator<Coalition> LARGEST_FIRST = Comparator.comparingDouble(Coalition::capabilityShare)
            .reversed().thenComparingInt(c -> -c.members().length).thenComparingInt(c -> c.members()[0]);

    /**
     * One coalition per label 1..clusters that has members (other labels: in no coalition), with its
     * capability share of all active delegations and capability-weighted centroid; largest share first.
     */
    static List<Coalition> of(Assembly a, int[] label, int clusters) {
        int d = a.dimensions;
        double totalCapability = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (a.isActive(i)) {
                totalCapability += a.capability[i];
            }
        }
        // One pass over the delegations gathers every cluster's sums (each in index order, as before).
        int[] size = new int[clusters + 1];
        double[] capability = new double[clusters + 1];
        double[] weighted = new double[(clusters + 1) * d];
        double[] plain = new double[(clusters + 1) * d];
        for (int i = 0; i < a.delegations; i++) {
            int c = label[i];
            if (c >= 1 && c <= clusters) {
                size[c]++;
                capability[c] += a.capability[i];
                for (int k = 0; k < d; k++) {
                    weighted[c * d + k] += a.capability[i] * a.position[i * d + k];
                    plain[c * d + k] += a.position[i * d + k];
                }
            }
        }
        int[][] members = new int[clusters + 1][];
        for (int c = 1; c <= clusters; c++) {
            members[c] = new int[size[c]];
        }
        int[] filled = new int[clusters + 1];
        for (int i = 0; i < a.delegations; i++) {
            int c = label[i];
            if (c >= 1 && c <= clusters) {
                members[c][filled[c]++] = i;
            }
        }
        List<Coalition> result = new ArrayList<>(clusters);
        for (int c = 1; c <= clusters; c++) {
            if (size[c] == 0) {
                continue;
            }
            double[] centroid = new double[d];
            for (int k = 0; k < d; k++) {
                centroid[k] = capability[c] > 0 ? weighted[c * d + k] / capability[c] : plain[c * d + k] / size[c];
            }
            result.add(new Coalition(members[c], totalCapability > 0 ? capability[c] / totalCapability : 0, centroid));
        }
        result.sort(LARGEST_FIRST);
        return result;
    }
}
