package org.plenary.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A roll-call file ({@code rcid,iso3,vote}, as scenarios/data/unga-votes-2015-2019.csv), optionally
 * restricted to the roll calls of some sessions of a roll-call metadata file ({@code rcid,session,...}).
 * Votes are ordered no (0) &lt; abstain (1) &lt; yes (2). Every problem is reported at once, with file,
 * line and column: unknown state codes (with a "did you mean"), unknown votes, duplicate rows, rcids
 * the metadata file does not list, and a selection without variance (every vote alike). Roll calls on
 * which everyone voted alike say nothing about positions and are left out ({@link #unanimous()}).
 */
public final class RollCalls {
    public static final String[] VOTES = {"no", "abstain", "yes"};

    private final List<String> delegations;
    private final List<String> items;
    private final int[] item;
    private final int[] delegation;
    private final int[] vote;
    private final List<String> unanimous;

    private RollCalls(List<String> delegations, List<String> items, int[] item, int[] delegation, int[] vote,
                      List<String> unanimous) {
        this.delegations = delegations;
        this.items = items;
        this.item = item;
        this.delegation = delegation;
        this.vote = vote;
        this.unanimous = unanimous;
    }

    /** Delegation codes in the order of first appearance. */
    public List<String> delegations() {
        return delegations;
    }

    /** Roll-call ids kept, in the order of first appearance. */
    public List<String> items() {
        return items;
    }

    /** Roll calls left out because every vote on them was the same. */
    public List<String> unanimous() {
        return unanimous;
    }

    public int size() {
        return vote.length;
    }

    public int item(int b) {
        return item[b];
    }

    public int delegation(int b) {
        return delegation[b];
    }

    /** 0 no, 1 abstain, 2 yes. */
    public int vote(int b) {
        return vote[b];
    }

    /**
     * These roll calls without {@code rcids} (say, the votes a forecast will be scored on, so that positions
     * estimated from the rest never saw them); a delegation left without a vote keeps its place.
     */
    public RollCalls without(Set<String> rcids) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        List<int[]> ballots = new ArrayList<>();
        for (int b = 0; b < vote.length; b++) {
            String rcid = items.get(item[b]);
            if (!rcids.contains(rcid)) {
                ballots.add(new int[] {kept.computeIfAbsent(rcid, k -> kept.size()), delegation[b], vote[b]});
            }
        }
        List<String> stillUnanimous = unanimous.stream().filter(rcid -> !rcids.contains(rcid)).toList();
        return new RollCalls(delegations, List.copyOf(kept.keySet()), ballots.stream().mapToInt(b -> b[0]).toArray(),
                ballots.stream().mapToInt(b -> b[1]).toArray(), ballots.stream().mapToInt(b -> b[2]).toArray(),
                stillUnanimous);
    }

    /** The known state codes (UN members and the Holy See), from the project's member-state list. */
    public static Set<String> knownCodes() {
        Set<String> codes = new TreeSet<>();
        try (InputStream in = RollCalls.class.getResourceAsStream("member-states.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    codes.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return codes;
    }

    /**
     * Reads the votes; with {@code rollCallFile}, only the roll calls of {@code sessions} (null: all) are
     * kept, and every rcid of the votes file must be listed there.
     */
    public static RollCalls read(Path votesFile, Path rollCallFile, Set<Integer> sessions) throws InputException {
        Selection selection = rollCallFile == null ? null : Selection.read(rollCallFile, sessions);
        String where = votesFile.toString();
        List<CsvRows.Row> rows = CsvRows.parse(where, readText(votesFile));
        if (rows.isEmpty()) {
            throw new InputException(new Problem(where, 0, "", "empty: expected a header rcid,iso3,vote"));
        }
        CsvRows.Row header = rows.get(0);
        int rcidAt = header.cells().indexOf("rcid");
        int codeAt = header.cells().indexOf("iso3");
        int voteAt = header.cells().indexOf("vote");
        if (rcidAt < 0 || codeAt < 0 || voteAt < 0) {
            throw new InputException(new Problem(where, header.line(), "header",
                    "needs the columns rcid,iso3,vote; got " + String.join(",", header.cells())));
        }
        Set<String> known = knownCodes();
        Problems problems = new Problems();
        Map<String, Integer> firstLine = new HashMap<>();
        Set<String> reported = new LinkedHashSet<>();
        List<String[]> kept = new ArrayList<>();
        int width = Math.max(rcidAt, Math.max(codeAt, voteAt)) + 1;
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.size() < width) {
                problems.add(new Problem(where, row.line(), "", "expected at least " + width + " cells, got " + row.size()));
                continue;
            }
            String rcid = row.cell(rcidAt);
            String code = row.cell(codeAt);
            String vote = row.cell(voteAt);
            boolean ok = true;
            if (!known.contains(code)) {
                ok = false;
                if (reported.add("code " + code)) {
                    problems.add(new Problem(where, row.line(), "iso3", Suggestions.unknown("state code", code, known)));
                }
            }
            if (!List.of(VOTES).contains(vote)) {
                ok = false;
                problems.add(new Problem(where, row.line(), "vote", Suggestions.unknown("vote", vote, List.of(VOTES))
                        + "; leave out states that were absent"));
            }
            if (selection != null && !selection.listed().contains(rcid)) {
                ok = false;
                if (reported.add("rcid " + rcid)) {
                    problems.add(new Problem(where, row.line(), "rcid", Suggestions.unknown("roll call", rcid,
                            selection.listed()) + " (not in " + rollCallFile + ")"));
                }
            }
            Integer earlier = firstLine.putIfAbsent(rcid + "\u0000" + code, row.line());
            if (earlier != null) {
                ok = false;
                problems.add(new Problem(where, row.line(), "iso3", "duplicate vote of '" + code + "' in roll call '"
                        + rcid + "' (first on line " + earlier + ")"));
            }
            if (ok && (selection == null || selection.selected().contains(rcid))) {
                kept.add(new String[] {rcid, code, vote, Integer.toString(row.line())});
            }
        }
        problems.throwIfAny();
        return build(where, header.line(), kept);
    }

    /** Keeps roll calls with at least two different votes; refuses a selection without any variance. */
    private static RollCalls build(String where, int headerLine, List<String[]> kept) throws InputException {
        Map<String, Set<String>> votesOn = new LinkedHashMap<>();
        for (String[] row : kept) {
            votesOn.computeIfAbsent(row[0], k -> new TreeSet<>()).add(row[2]);
        }
        Set<String> allVotes = new TreeSet<>();
        votesOn.values().forEach(allVotes::addAll);
        if (allVotes.size() < 2) {
            throw new InputException(new Problem(where, headerLine, "vote", kept.isEmpty()
                    ? "no votes to estimate from (check --sessions against the roll-call file)"
                    : "no variance: every vote is '" + allVotes.iterator().next() + "', so no position can be told"
                    + " from another"));
        }
        List<String> unanimous = new ArrayList<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        Map<String, Integer> delegations = new LinkedHashMap<>();
        List<int[]> ballots = new ArrayList<>();
        for (String[] row : kept) {
            if (votesOn.get(row[0]).size() < 2) {
                if (!unanimous.contains(row[0])) {
                    unanimous.add(row[0]);
                }
                continue;
            }
            int m = items.computeIfAbsent(row[0], k -> items.size());
            int i = delegations.computeIfAbsent(row[1], k -> delegations.size());
            ballots.add(new int[] {m, i, List.of(VOTES).indexOf(row[2])});
        }
        return new RollCalls(List.copyOf(delegations.keySet()), List.copyOf(items.keySet()),
                ballots.stream().mapToInt(b -> b[0]).toArray(), ballots.stream().mapToInt(b -> b[1]).toArray(),
                ballots.stream().mapToInt(b -> b[2]).toArray(), List.copyOf(unanimous));
    }

    private static String readText(Path file) throws InputException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(new Problem(file.toString(), 0, "", "cannot read: " + e.getMessage()));
        }
    }

    /** The rcids a roll-call metadata file lists, and those of the chosen sessions. */
    private record Selection(Set<String> listed, Set<String> selected) {
        static Selection read(Path file, Set<Integer> sessions) throws InputException {
            String where = file.toString();
            List<CsvRows.Row> rows = CsvRows.parse(where, readText(file));
            if (rows.isEmpty()) {
                throw new InputException(new Problem(where, 0, "", "empty: expected a header rcid,session,..."));
            }
            int rcidAt = rows.get(0).cells().indexOf("rcid");
            int sessionAt = rows.get(0).cells().indexOf("session");
            if (rcidAt < 0 || sessionAt < 0) {
                throw new InputException(new Problem(where, rows.get(0).line(), "header",
                        "needs the columns rcid and session; got " + String.join(",", rows.get(0).cells())));
            }
            Problems problems = new Problems();
            Set<String> listed = new LinkedHashSet<>();
            Set<String> selected = new LinkedHashSet<>();
            for (CsvRows.Row row : rows.subList(1, rows.size())) {
                if (row.size() <= Math.max(rcidAt, sessionAt)) {
                    problems.add(new Problem(where, row.line(), "", "too few cells"));
                    continue;
                }
                String rcid = row.cell(rcidAt);
                if (!listed.add(rcid)) {
                    problems.add(new Problem(where, row.line(), "rcid", "duplicate roll call '" + rcid + "'"));
                }
                int session;
                try {
                    session = Integer.parseInt(row.cell(sessionAt));
                } catch (NumberFormatException e) {
                    problems.add(new Problem(where, row.line(), "session", "must be a whole number, got '"
                            + row.cell(sessionAt) + "'"));
                    continue;
                }
                if (sessions == null || sessions.contains(session)) {
                    selected.add(rcid);
                }
            }
            problems.throwIfAny();
            return new Selection(listed, selected);
        }
    }
}
