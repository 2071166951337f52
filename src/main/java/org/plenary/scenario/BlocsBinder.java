package org.plenary.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code blocs} section: cohesion, members and leaders of each bloc. Listing members in a bloc
 * adds the bloc to each member's groups.
 */
final class BlocsBinder {
    private BlocsBinder() {
    }

    static List<Scenario.Bloc> bind(YamlNode top, Set<String> delegationIds, List<Scenario.Delegation> delegations) {
        List<Scenario.Bloc> blocs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode entry : top.list("blocs", false)) {
            String id = entry.requiredId("id");
            if (id == null) {
                continue;
            }
            if (!seen.add(id)) {
                entry.problemAt("id", "duplicate bloc id '" + id + "'");
            }
            entry.field = "blocs[" + id + "]";
            entry.allow(List.of("id", "cohesion", "members", "leaders"));
            double cohesion = entry.number("cohesion", 0.5, 0, 1);
            List<String> members = entry.idList("members");
            List<String> leaders = entry.idList("leaders");
            for (String member : members) {
                if (!delegationIds.contains(member)) {
                    entry.problemAt("members", Suggestions.unknown("delegation", member, delegationIds));
                }
            }
            // Listing members in a bloc is the same as naming the bloc in each member's groups.
            for (int i = 0; i < delegations.size(); i++) {
                Scenario.Delegation d = delegations.get(i);
                if (members.contains(d.id()) && !d.groups().contains(id)) {
                    List<String> groups = new ArrayList<>(d.groups());
                    groups.add(id);
                    delegations.set(i, d.withGroups(groups));
                }
            }
            if (delegations.stream().noneMatch(d -> d.groups().contains(id))) {
                entry.warnAt("id", "bloc '" + id + "' has no members (no delegation lists it in"
                        + " groups); it only matters if delegations join it by an event");
            }
            for (String leader : leaders) {
                if (!delegationIds.contains(leader)) {
                    entry.problemAt("leaders", Suggestions.unknown("delegation", leader, delegationIds));
                } else if (delegations.stream().noneMatch(d -> d.id().equals(leader) && d.groups().contains(id))) {
                    entry.problemAt("leaders", "'" + leader + "' is not a member of bloc '" + id
                            + "': a declared leader must belong to the bloc");
                }
            }
            blocs.add(new Scenario.Bloc(id, cohesion, leaders));
        }
        return blocs;
    }
}
