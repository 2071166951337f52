package org.plenary.scenario;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code decision} section: the rule, its thresholds and the spatial-logit vote's parameters. */
final class DecisionBinder {
    /** The largest magnitude of a spatial-logit parameter: far beyond where probabilities saturate. */
    static final double LOGIT_LIMIT = 1000;

    private DecisionBinder() {
    }

    static Scenario.Decision bind(YamlNode top, List<Scenario.Item> agenda, List<Scenario.Delegation> delegations,
                                  List<Scenario.Bloc> blocs) {
        YamlNode node = top.object("decision", List.of("rule", "fallback", "majority", "quorum",
                "max_objecting_share", "standing_exponent", "abstention_band", "objections", "vote_model", "logit"));
        Scenario.VoteModel voteModel = node.option(Scenario.VoteModel.class, "vote_model", "threshold",
                List.of("threshold", "spatial-logit"));
        if (voteModel == Scenario.VoteModel.SPATIAL_LOGIT
                && "bloc".equals(top.node.path("voting").path("discipline").asText())) {
            node.problemAt("vote_model", "spatial-logit ballots do not combine with voting: {discipline: bloc};"
                    + " use one of them (a shared group's pull enters the logit through gamma)");
        }
        return new Scenario.Decision(
                node.option(Scenario.Rule.class, "rule", "consensus", List.of("consensus", "vote")),
                node.option(Scenario.Fallback.class, "fallback", "vote", List.of("vote", "fail")),
                node.number("majority", 0.5, 0.5, 1),
                node.number("quorum", 0.5, 0, 1),
                node.number("max_objecting_share", 0.0, 0, 0.99),
                node.number("standing_exponent", 0.5, 0, 2),
                node.number("abstention_band", 0.02, 0, 1),
                voteModel,
                bindLogit(node.object("logit", List.of("beta", "tau", "gamma", "valence", "tau_shift", "sponsors", "affinity",
                        "history")), agenda,
                        delegations, blocs));
    }

    /**
     * The spatial-logit vote's parameters (docs/scenario-format.md): beta, tau, gamma, and per item
     * id a valence, a shift of the cut-point and a sponsor (a delegation or a group); read, with their defaults, whatever the vote model.
     */
    private static Scenario.Logit bindLogit(YamlNode logit, List<Scenario.Item> agenda,
                                            List<Scenario.Delegation> delegations, List<Scenario.Bloc> blocs) {
        List<String> itemIds = agenda.stream().map(Scenario.Item::id).toList();
        YamlNode valences = logit.object("valence", itemIds);
        YamlNode shifts = logit.object("tau_shift", itemIds);
        YamlNode sponsors = logit.object("sponsors", itemIds);
        Set<String> known = new LinkedHashSet<>();
        delegations.forEach(d -> known.add(d.id()));
        delegations.forEach(d -> known.addAll(d.groups()));
        blocs.forEach(b -> known.add(b.id()));
        known.remove(null); // invalid ids are reported where they are read
        double[] valence = new double[agenda.size()];
        double[] tauShift = new double[agenda.size()];
        String[] sponsor = new String[agenda.size()];
        for (int m = 0; m < agenda.size(); m++) {
            String id = itemIds.get(m);
            valence[m] = valences.number(id, 0.0, -LOGIT_LIMIT, LOGIT_LIMIT);
            tauShift[m] = shifts.number(id, 0.0, -LOGIT_LIMIT, LOGIT_LIMIT);
            sponsor[m] = sponsors.text(id, null);
            if (sponsor[m] != null && !known.contains(sponsor[m])) {
                sponsors.problemAt(id, Suggestions.unknown("delegation or group", sponsor[m], known));
                sponsor[m] = null;
            }
        }
        return new Scenario.Logit(logit.number("beta", 10.0, 0, LOGIT_LIMIT), logit.number("tau", 1.0, 0, LOGIT_LIMIT),
                logit.number("gamma", 0.0, -LOGIT_LIMIT, LOGIT_LIMIT), valence, tauShift, sponsor,
                logit.node.has("affinity") ? affinityFromVotes(logit.object("affinity", List.of("votes", "roll_calls",
                        "before_session")), sponsor, sponsors, itemIds, delegations) : null,
                logit.node.has("history") ? historyWeights(logit.object("history", List.of("alpha", "repeat"))) : null);
    }

    /** {@code logit.affinity}: each delegation's agreement with each item's sponsor in earlier roll calls. */
    private static double[] affinityFromVotes(YamlNode affinity, String[] sponsor, YamlNode sponsors,
                                              List<String> itemIds, List<Scenario.Delegation> delegations) {
        String votes = affinity.requiredText("votes");
        String rollCalls = affinity.requiredText("roll_calls");
        int beforeSession = affinity.requiredInteger("before_session", 1, 1000);
        if (votes == null || rollCalls == null || beforeSession < 1) {
            return null;
        }
        Path here = affinity.binding.tree().file().toAbsolutePath().getParent();
        RollCalls calls;
        try {
            calls = VotingAgreement.read(here.resolve(votes), here.resolve(rollCalls), beforeSession);
        } catch (InputException e) {
            e.problems().forEach(affinity.binding.problems()::add);
            return null;
        }
        List<String> ids = delegations.stream().map(Scenario.Delegation::id).toList();
        double[] values = new double[sponsor.length * ids.size()];
        for (int m = 0; m < sponsor.length; m++) {
            double[] agreement = sponsor[m] == null ? new double[ids.size()]
                    : VotingAgreement.withSponsor(calls, ids, sponsor[m]);
            if (agreement == null) {
                sponsors.problemAt(itemIds.get(m), "affinity from votes needs a sponsoring delegation that voted in "
                        + votes + " before session " + beforeSession + "; '" + sponsor[m] + "' did not");
                return null;
            }
            System.arraycopy(agreement, 0, values, m * ids.size(), ids.size());
        }
        return values;
    }

    /** {@code logit.history}: alpha and the repeat weights of an earlier yes, no and abstention. */
    private static double[] historyWeights(YamlNode history) {
        YamlNode repeat = history.object("repeat", List.of("yes", "no", "abstain"));
        return new double[] {history.number("alpha", 1.0, 0, LOGIT_LIMIT), repeat.number("yes", 0.0, -LOGIT_LIMIT,
                LOGIT_LIMIT), repeat.number("no", 0.0, -LOGIT_LIMIT, LOGIT_LIMIT),
            repeat.number("abstain", 0.0, -LOGIT_LIMIT, LOGIT_LIMIT)};
    }
}
