package org.plenary.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code delegation_defaults} section as the delegations and the profiles use it: what a
 * delegation that does not give a value gets (its aspiration and concession are read with the
 * other model v2 keys, by {@link AspirationsBinder}).
 */
record DelegationDefaults(double[] salience, double capability, double openness, double tolerance,
                          double objectionThreshold) {
    static final List<String> KEYS = List.of("salience", "capability", "openness", "tolerance",
            "objection_threshold", "aspiration", "concession");

    static DelegationDefaults bind(YamlNode top, List<String> dims) {
        YamlNode defaults = top.object("delegation_defaults", KEYS);
        double[] salience = new double[dims.size()];
        Arrays.fill(salience, 0.5);
        if (defaults.node.has("salience")) {
            salience = defaults.perDimension("salience", dims, 0.5, false);
        }
        return new DelegationDefaults(salience,
                defaults.number("capability", 1.0, 0, 1e9),
                defaults.number("openness", 0.5, 0, 1),
                defaults.number("tolerance", 0.3, 0, 1),
                defaults.number("objection_threshold", 0.2, 0, 1e6));
    }
}
