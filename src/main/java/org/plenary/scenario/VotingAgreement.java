package org.plenary.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Affinity from past voting agreement (docs/ODD.md 7.7c, {@code decision.logit.affinity}): over the roll
 * calls of the sessions before a cut-off on which both i and the sponsor s voted, the mean of
 * 1 - |v_i - v_s| / 2 with no = 0, abstain = 1, yes = 2 (Lijphart's index of agreement): 1 when i always
 * voted as s, 0 when always opposite, an abstention against a yes or no counting half. Roll calls on
 * which everyone voted alike are left out (they agree for everyone). A state that never voted with s
 * gets the mean agreement of the others with s.
 */
final class VotingAgreement {
    private VotingAgreement() {
    }

    /**
     * Roll calls read, by files (path, size, time modified) and cut-off: calibration, sweeps and sensitivity
     * samples bind the scenario at every point, and reading 70,000 votes each time dominated.
     */
    private static final Map<List<Object>, RollCalls> READ = new ConcurrentHashMap<>();

    /** Reads the roll calls of sessions before {@code beforeSession}; problems name file, line and column. */
    static RollCalls read(Path votes, Path rollCalls, int beforeSession) throws InputException {
        List<Object> key;
        try {
            key = List.of(votes.toAbsolutePath(), Files.size(votes), Files.getLastModifiedTime(votes),
                    rollCalls.toAbsolutePath(), Files.size(rollCalls), Files.getLastModifiedTime(rollCalls), beforeSession);
        } catch (IOException e) {
            key = null; // unreadable: RollCalls.read reports it
        }
        RollCalls cached = key == null ? null : READ.get(key);
        if (cached != null) {
            return cached;
        }
        Set<Integer> sessions = IntStream.range(0, beforeSession).boxed().collect(Collectors.toSet());
        RollCalls calls = RollCalls.read(votes, rollCalls, sessions);
        if (key != null) {
            if (READ.size() > 16) {
                READ.clear();
            }
            READ.put(key, calls);
        }
        return calls;
    }

    /** Agreement of each of {@code delegations} with {@code sponsor}, in that order; null if the sponsor never voted. */
    static double[] withSponsor(RollCalls calls, List<String> delegations, String sponsor) {
        int s = calls.delegations().indexOf(sponsor);
        if (s < 0) {
            return null;
        }
        int[] sponsorVote = new int[calls.items().size()];
        java.util.Arrays.fill(sponsorVote, -1);
        for (int b = 0; b < calls.size(); b++) {
            if (calls.delegation(b) == s) {
                sponsorVote[calls.item(b)] = calls.vote(b);
            }
        }
        int n = calls.delegations().size();
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int b = 0; b < calls.size(); b++) {
            int theirs = sponsorVote[calls.item(b)];
            if (theirs >= 0) {
                sum[calls.delegation(b)] += 1 - Math.abs(calls.vote(b) - theirs) / 2.0;
                count[calls.delegation(b)]++;
            }
        }
        double total = 0;
        int voters = 0;
        for (int i = 0; i < n; i++) {
            if (count[i] > 0) {
                total += sum[i] / count[i];
                voters++;
            }
        }
        double[] agreement = new double[delegations.size()];
        for (int i = 0; i < delegations.size(); i++) {
            int at = calls.delegations().indexOf(delegations.get(i));
            agreement[i] = at >= 0 && count[at] > 0 ? sum[at] / count[at] : total / voters;
        }
        return agreement;
    }
}
