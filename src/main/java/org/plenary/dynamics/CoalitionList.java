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
        List<Coalition> result = new ArrayList<>(clusters);
        for (int c = 1; c <= clusters; c++) {
            int size = 0;
            double capability = 0;
            double[] weighted = new double[d];
            double[] plain = new double[d];
            for (int i = 0; i < a.delegations; i++) {
                if (label[i] == c) {
                    size++;
                    capability += a.capability[i];
                    for (int k = 0; k < d; k++) {
                        weighted[k] += a.capability[i] * a.position[i * d + k];
                        plain[k] += a.position[i * d + k];
                    }
                }
            }
            if (size == 0) {
                continue;
            }
            int[] members = new int[size];
            int m = 0;
            for (int i = 0; i < a.delegations; i++) {
                if (label[i] == c) {
                    members[m++] = i;
                }
            }
            double[] centroid = new double[d];
            for (int k = 0; k < d; k++) {
                centroid[k] = capability > 0 ? weighted[k] / capability : plain[k] / size;
            }
            result.add(new Coalition(members, totalCapability > 0 ? capability / totalCapability : 0, centroid));
        }
        result.sort(Comparator.comparingDouble(Coalition::capabilityShare).reversed()
                .thenComparing(c -> -c.members().length)
                .thenComparingInt(c -> c.members()[0]));
        return result;
    }
}
