package org.plenary.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.plenary.scenario.Scenario;

/**
 * Where an item ended and what the rule of its body counted there (docs/ODD.md 7.13), for `plenary run`'s
 * summary: an ISO/IEC ballot has no quorum but two shares, a rough consensus no vote but a share of objectors.
 */
public final class ProcedureCounts {
    private ProcedureCounts() {
    }

    /** One line per body item m ended in, in the replications it did; none without bodies. */
    public static List<String> lines(RunAggregate aggregate, int m) {
        List<String> lines = new ArrayList<>();
        VenueTally venues = aggregate.venues();
        if (venues == null) {
            return lines;
        }
        Scenario.Bodies bodies = aggregate.scenario().bodies();
        for (int b = 0; b < venues.bodies(); b++) {
            int ended = venues.endsIn(m, b);
            if (ended == 0) {
                continue;
            }
            Scenario.Body body = bodies.list().get(b);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "ended in %s (%s) in %d of %d",
                    body.id(), body.procedure().label(), ended, aggregate.replications()));
            SummaryStatistics first = venues.counted(m, b, 0);
            if (first.getN() > 0) {
                line.append(": ").append(switch (body.procedure()) {
                    case ISO_IEC -> "P-members' votes cast in favour " + percent(first) + " (approved needs >= 2/3),"
                            + " negative votes of all cast " + percent(venues.counted(m, b, 1)) + " (needs <= 1/4)";
                    case THREE_GPP -> "Individual Members' votes cast in favour " + percent(first) + " (carries at >= "
                            + percent(body.majority()) + ")";
                    case IETF -> "objectors " + percent(first) + " of the participants by heads (in the rough at <= "
                            + percent(body.rough()) + ")";
                    case ITU_PLENARY -> "present " + percent(first) + " of those accredited for the vote (quorum "
                            + percent(aggregate.scenario().decision().quorum()) + ")";
                    case ITU_T_AAP -> "";
                }).append(String.format(Locale.ROOT, ", mean of the %d decided there", first.getN()));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String percent(SummaryStatistics statistics) {
        return percent(statistics.getMean());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
