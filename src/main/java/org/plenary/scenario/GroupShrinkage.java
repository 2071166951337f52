package org.plenary.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ideal points shrunk toward their groups (docs/ODD.md 6, {@code positions_from.shrink: groups}): a
 * hierarchical prior e_i ~ N(m_i, sigma^2) around the mean m_i of i's groups, and the estimate as a noisy
 * measurement of it, ê_i ~ N(e_i, se_i^2). The posterior mean is
 * <pre>
 *   e_i' = w_i ê_i + (1 - w_i) m_i,   w_i = sigma^2 / (sigma^2 + se_i^2)
 * </pre>
 * so a state whose estimate rests on few votes (a wide interval) moves toward its groups, a precise one
 * barely. m_i is the mean over i's groups of each group's mean estimate (a state in no group: the mean of
 * all); sigma is stated, or estimated by moments: sigma^2 = max(0, mean_i [(ê_i - m_i)^2 - se_i^2]).
 */
final class GroupShrinkage {
    private GroupShrinkage() {
    }

    /**
     * Posterior means of the delegations that have an estimate; {@code groupsOf} lists the scenario's
     * delegations (with estimates or not) and their groups; {@code priorSd} NaN for the moment estimate.
     */
    static Map<String, Double> posteriorMeans(Map<String, IdealPointsFile.Estimate> estimates,
                                              Map<String, List<String>> groupsOf, double priorSd) {
        Map<String, double[]> groupSums = new LinkedHashMap<>();
        double allSum = 0;
        int allCount = 0;
        for (Map.Entry<String, List<String>> member : groupsOf.entrySet()) {
            IdealPointsFile.Estimate estimate = estimates.get(member.getKey());
            if (estimate == null) {
                continue;
            }
            allSum += estimate.value();
            allCount++;
            for (String group : member.getValue()) {
                double[] sum = groupSums.computeIfAbsent(group, g -> new double[2]);
                sum[0] += estimate.value();
                sum[1]++;
            }
        }
        Map<String, Double> priorMean = new LinkedHashMap<>();
        double squares = 0;
        for (Map.Entry<String, List<String>> member : groupsOf.entrySet()) {
            IdealPointsFile.Estimate estimate = estimates.get(member.getKey());
            if (estimate == null) {
                continue;
            }
            double sum = 0;
            for (String group : member.getValue()) {
                double[] groupSum = groupSums.get(group);
                sum += groupSum[0] / groupSum[1];
            }
            double mean = member.getValue().isEmpty() ? allSum / allCount : sum / member.getValue().size();
            priorMean.put(member.getKey(), mean);
            double residual = estimate.value() - mean;
            squares += residual * residual - estimate.standardError() * estimate.standardError();
        }
        double variance = Double.isNaN(priorSd) ? Math.max(0, squares / priorMean.size()) : priorSd * priorSd;
        Map<String, Double> shrunk = new LinkedHashMap<>();
        priorMean.forEach((id, mean) -> {
            IdealPointsFile.Estimate estimate = estimates.get(id);
            double noise = estimate.standardError() * estimate.standardError();
            double weight = variance + noise == 0 ? 1 : variance / (variance + noise);
            shrunk.put(id, weight * estimate.value() + (1 - weight) * mean);
        });
        return shrunk;
    }
}
