package org.plenary.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plenary.model.Ballot;
import org.plenary.scenario.CsvRows;
import org.plenary.scenario.InputException;
import org.plenary.scenario.InputFiles;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Problems;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.Suggestions;

/**
 * Observed ballots (a roll call) matched to a scenario's agenda items and delegations. The file is a
 * CSV with a header naming either {@code resolution,iso3,vote} (a UN document symbol: A/RES/73/27 is
 * the item whose id is A-RES-73-27) or {@code item,delegation,vote}; other columns are ignored. A
 * delegation without a row for an item was absent and is not scored.
 */
public final class ObservedVotes {

    /** One observed ballot: indexes into the scenario's agenda and delegations, and the file line. */
    public record Entry(int item, int delegation, Ballot vote, int line) { }

    private final Path file;
    private final List<Entry> entries;
    private final int[] items;

    /** The scenario's agenda ids, to name items in messages. */
    private final List<String> itemIds;

    private ObservedVotes(Path file, List<Entry> entries, List<String> itemIds) {
        this.file = file;
        this.itemIds = itemIds;
        this.entries = List.copyOf(entries);
        this.items = entries.stream().mapToInt(Entry::item).distinct().sorted().toArray();
    }

    public Path file() {
        return file;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The agenda indexes with at least one observed ballot, in agenda order. */
    public int[] items() {
        return items.clone();
    }

    /** The observed ballots of one item. */
    public List<Entry> of(int item) {
        return entries.stream().filter(e -> e.item() == item).toList();
    }

    /**
     * An earlier roll call (this one) must have ballots on every item {@code later} scores, for the
     * persistence baseline; otherwise exit 2 naming this file and the item.
     */
    public void checkCovers(ObservedVotes later) throws InputException {
        Problems problems = new Problems();
        for (int m : later.items()) {
            if (java.util.Arrays.stream(items).noneMatch(x -> x == m)) {
                ObservedVotes.Entry first = later.of(m).get(0);
                problems.add(new Problem(file.toString(), 0, "item", "has no ballots on '" + itemIds.get(m)
                        + "', which " + later.file() + " scores (line " + first.line() + "): the persistence"
                        + " baseline needs an earlier vote on every item"));
            }
        }
        problems.throwIfAny();
    }

    /** The same roll call with only the ballots of items {@code keep} accepts (leave-one-item-out). */
    public ObservedVotes restrictedTo(java.util.function.IntPredicate keep) {
        return new ObservedVotes(file, entries.stream().filter(e -> keep.test(e.item())).toList(), itemIds);
    }

    /** The item id a UN document symbol names: '/' becomes '-'. */
    public static String itemId(String resolution) {
        return resolution.replace('/', '-');
    }

    /** Reads and checks the file against the scenario; every problem is reported at once. */
    public static ObservedVotes read(Path file, Scenario scenario) throws InputException {
        String where = file.toString();
        String text;
        try {
            text = InputFiles.utf8(where, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InputException(new Problem(where, 0, "", "cannot read the votes file: " + e.getMessage()));
        }
        List<CsvRows.Row> rows = CsvRows.parse(where, text);
        if (rows.isEmpty()) {
            throw new InputException(new Problem(where, 0, "", "empty: expected a header resolution,iso3,vote"
                    + " or item,delegation,vote and one row per ballot"));
        }
        CsvRows.Row header = rows.get(0);
        boolean unStyle = header.cells().contains("resolution");
        String itemColumn = unStyle ? "resolution" : "item";
        String delegationColumn = unStyle ? "iso3" : "delegation";
        int itemAt = header.cells().indexOf(itemColumn);
        int delegationAt = header.cells().indexOf(delegationColumn);
        int voteAt = header.cells().indexOf("vote");
        if (itemAt < 0 || delegationAt < 0 || voteAt < 0) {
            throw new InputException(new Problem(where, header.line(), "header", "needs the columns resolution,iso3,vote"
                    + " or item,delegation,vote; got " + String.join(",", header.cells())));
        }
        Map<String, Integer> itemIndex = new LinkedHashMap<>();
        for (int m = 0; m < scenario.agenda().size(); m++) {
            itemIndex.put(scenario.agenda().get(m).id(), m);
        }
        Map<String, Integer> delegationIndex = new LinkedHashMap<>();
        for (int i = 0; i < scenario.delegations().size(); i++) {
            delegationIndex.put(scenario.delegations().get(i).id(), i);
        }
        Problems problems = new Problems();
        Set<String> unknownItems = new LinkedHashSet<>();
        Set<String> unknownDelegations = new LinkedHashSet<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        int width = Math.max(itemAt, Math.max(delegationAt, voteAt)) + 1;
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.size() < width) {
                problems.add(new Problem(where, row.line(), "", "expected at least " + width + " cells, got " + row.size()));
                continue;
            }
            String item = unStyle ? itemId(row.cell(itemAt)) : row.cell(itemAt);
            String delegation = row.cell(delegationAt);
            Integer m = itemIndex.get(item);
            Integer i = delegationIndex.get(delegation);
            if (m == null && unknownItems.add(item)) {
                problems.add(new Problem(where, row.line(), itemColumn,
                        Suggestions.unknown("agenda item", item, itemIndex.keySet())));
            }
            if (i == null && unknownDelegations.add(delegation)) {
                problems.add(new Problem(where, row.line(), delegationColumn,
                        Suggestions.unknown("delegation", delegation, delegationIndex.keySet())));
            }
            Ballot vote = switch (row.cell(voteAt)) {
                case "yes" -> Ballot.YES;
                case "no" -> Ballot.NO;
                case "abstain" -> Ballot.ABSTAIN;
                default -> null;
            };
            if (vote == null) {
                String hint = Suggestions.closest(row.cell(voteAt), List.of("yes", "no", "abstain"));
                problems.add(new Problem(where, row.line(), "vote", "must be yes, no or abstain, got '"
                        + row.cell(voteAt) + "'" + (hint != null ? " (did you mean '" + hint + "'?)"
                        : " (leave out delegations that were absent)")));
            }
            Integer earlier = firstLine.putIfAbsent(item + "\u0000" + delegation, row.line());
            if (earlier != null) {
                problems.add(new Problem(where, row.line(), delegationColumn, "duplicate ballot of '" + delegation
                        + "' on '" + item + "' (first on line " + earlier + ")"));
            }
            if (m != null && i != null && vote != null && earlier == null) {
                entries.add(new Entry(m, i, vote, row.line()));
            }
        }
        if (rows.size() == 1) {
            problems.add(new Problem(where, header.line(), "", "no ballots after the header"));
        }
        problems.throwIfAny();
        checkVoteRule(where, scenario, entries);
        return new ObservedVotes(file, entries, scenario.agenda().stream().map(Scenario.Item::id).toList());
    }

    /** Every observed item must be decided by a vote (rule vote, or consensus with fallback vote). */
    private static void checkVoteRule(String where, Scenario scenario, List<Entry> entries) throws InputException {
        Scenario.Decision decision = scenario.decision();
        if (decision.rule() == Scenario.Rule.VOTE || decision.fallback() == Scenario.Fallback.VOTE) {
            return;
        }
        Entry first = entries.get(0);
        throw new InputException(new Problem(where, first.line(), "item", "'" + scenario.agenda().get(first.item()).id()
                + "' can never be put to a vote: the scenario's decision is consensus with fallback fail;"
                + " set decision.rule: vote (or fallback: vote) to compare ballots"));
    }
}
