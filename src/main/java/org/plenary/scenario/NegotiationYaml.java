package org.plenary.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model v2 keys of a resolved scenario ({@link ScenarioYaml}), written only where they differ
 * from "off", so that a v1 scenario resolves to the same bytes as before model v2.
 */
final class NegotiationYaml {
    private NegotiationYaml() {
    }

    /** A delegation's own aspiration (where given) and concession exponent (when not linear). */
    static void putDelegation(Map<String, Object> delegation, Scenario s, int i) {
        Scenario.Aspirations aspirations = s.negotiation().aspirations();
        int d = s.dimensions().size();
        double[] own = new double[d];
        System.arraycopy(aspirations.aspiration(), i * d, own, 0, d);
        Map<String, Object> given = ScenarioYaml.perDimension(s.dimensions().stream().map(Scenario.Dimension::id)
                .toList(), own);
        if (!given.isEmpty()) {
            delegation.put("aspiration", given);
        }
        if (aspirations.concession()[i] != 1.0) {
            delegation.put("concession", aspirations.concession()[i]);
        }
    }

    @SuppressWarnings("unchecked")
    static void putDecision(Map<String, Object> root, Scenario s) {
        Scenario.Objections objections = s.negotiation().aspirations().objections();
        Map<String, Object> decision = (Map<String, Object>) root.get("decision");
        if (objections != Scenario.Objections.STATUS_QUO) {
            decision.put("objections", ScenarioYaml.label(objections));
        }
        if (s.decision().voteModel() != Scenario.VoteModel.THRESHOLD) {
            decision.put("vote_model", ScenarioYaml.label(s.decision().voteModel()));
            Scenario.Logit logit = s.decision().logit();
            Map<String, Object> valence = new LinkedHashMap<>();
            Map<String, Object> tauShift = new LinkedHashMap<>();
            Map<String, Object> sponsors = new LinkedHashMap<>();
            for (int m = 0; m < s.agenda().size(); m++) {
                valence.put(s.agenda().get(m).id(), logit.valence()[m]);
                if (logit.tauShift()[m] != 0) {
                    tauShift.put(s.agenda().get(m).id(), logit.tauShift()[m]);
                }
                if (logit.sponsor()[m] != null) {
                    sponsors.put(s.agenda().get(m).id(), logit.sponsor()[m]);
                }
            }
            Map<String, Object> written = ScenarioYaml.ordered("beta", logit.beta(), "tau", logit.tau(), "gamma",
                    logit.gamma(), "valence", valence, "sponsors", sponsors);
            if (!tauShift.isEmpty()) {
                written.put("tau_shift", tauShift);
            }
            decision.put("logit", written);
        }
    }

    static void putMechanisms(Map<String, Object> root, Scenario s) {
        Scenario.Negotiation n = s.negotiation();
        if (n.exchange().model() != Scenario.ExchangeModel.NONE) {
            root.put("exchange", ScenarioYaml.ordered("model", ScenarioYaml.label(n.exchange().model()),
                    "rate", n.exchange().rate()));
        }
        if (n.attendance().model() != Scenario.AttendanceModel.ALL) {
            root.put("attendance", ScenarioYaml.ordered("model", ScenarioYaml.label(n.attendance().model()),
                    "full_capability", n.attendance().fullCapability(), "exponent", n.attendance().exponent()));
        }
        if (n.voting().discipline() != Scenario.Discipline.NONE) {
            root.put("voting", ScenarioYaml.ordered("discipline", ScenarioYaml.label(n.voting().discipline()),
                    "cross_pressured", ScenarioYaml.label(n.voting().crossPressured())));
        }
    }
}
