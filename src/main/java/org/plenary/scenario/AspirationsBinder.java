package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The aspirations of model v2 (docs/scenario-format.md, "Model v2"): decision.objections and the
 * aspiration and concession of delegation_defaults and of each delegation. Unknown keys are reported
 * where these mappings are first read (the decision, delegation_defaults and delegations binders).
 */
final class AspirationsBinder {
    /** The exponent e of the time-dependent concession tactic: Boulware below 1, conceder above. */
    static final double MIN_CONCESSION = 0.01;
    static final double MAX_CONCESSION = 100;

    private AspirationsBinder() {
    }

    static Scenario.Aspirations bind(YamlNode top, List<String> dims, List<Scenario.Delegation> delegations) {
        int d = dims.size();
        Scenario.Objections objections = top.at("decision").option(Scenario.Objections.class, "objections",
                "status-quo", List.of("status-quo", "aspiration"));
        YamlNode defaults = top.at("delegation_defaults");
        double[] defaultAspiration = defaults.perDimension("aspiration", dims, Double.NaN, false);
        double defaultConcession = defaults.number("concession", 1.0, MIN_CONCESSION, MAX_CONCESSION);
        double[] aspiration = new double[delegations.size() * d];
        double[] concession = new double[delegations.size()];
        for (int i = 0; i < delegations.size(); i++) {
            System.arraycopy(defaultAspiration, 0, aspiration, i * d, d);
            concession[i] = defaultConcession;
        }
        JsonNode entries = top.node.path("delegations");
        for (int j = 0; j < entries.size(); j++) {
            JsonNode entry = entries.get(j);
            String id = entry.path("id").asText("");
            int i = DelegationsBinder.indexOf(delegations, id);
            if (!entry.isObject() || i < 0) {
                continue;
            }
            YamlNode node = new YamlNode(top.binding, entry, "/delegations/" + j, "delegations[" + id + "]");
            double[] own = node.perDimension("aspiration", dims, Double.NaN, false);
            for (int k = 0; k < d; k++) {
                if (!Double.isNaN(own[k])) {
                    aspiration[i * d + k] = own[k];
                }
            }
            concession[i] = node.number("concession", defaultConcession, MIN_CONCESSION, MAX_CONCESSION);
        }
        return new Scenario.Aspirations(objections, aspiration, concession);
    }
}
