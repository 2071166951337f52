package org.plenary.results;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.plenary.model.Ballot;
import org.plenary.model.Coalition;
import org.plenary.observe.ActorRecord;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * The long-format tables of a run (README, "What a run writes"). The leading columns are fixed so scripts can
 * rely on them; one column per dimension id follows. Rows are written as replications arrive.
 */
public final class CsvTables implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final String[] STATUS = {"active", "disengaged", "withdrawn"};

    private final Scenario scenario;
    private final String[] delegationIds;
    private final Keep keep;
    private final List<CSVPrinter> printers = new ArrayList<>();
    private final CSVPrinter roundsFile;
    private final CSVPrinter itemsFile;
    private final CSVPrinter coalitionsFile;
    private final CSVPrinter outcomesFile;
    private final CSVPrinter replicationsFile;
    private final CSVPrinter votesFile;
    private final CSVPrinter pivotalFile;
    /** Coalitions as actors (v2): null unless coalition formation or agenda-setting is on. */
    private final CSVPrinter leadersFile;
    private final CSVPrinter proposalsFile;
    private final CSVPrinter coalitionEventsFile;
    private final CSVPrinter ballotsFile;
    private final CSVPrinter exchangesFile;
    /** venues.csv: items moved between standards bodies; null unless the scenario declares bodies. */
    private final CSVPrinter venuesFile;

    public CsvTables(Scenario scenario, Path directory, Keep keep) throws IOException {
        this.scenario = scenario;
        this.keep = keep;
        delegationIds = scenario.delegations().stream().map(Scenario.Delegation::id).toArray(String[]::new);
        roundsFile = keep.rounds() ? open(directory.resolve("rounds.csv"), true, "replication", "round", "delegation",
                "status") : null;
        itemsFile = keep.items() ? open(directory.resolve("items.csv"), true, "replication", "round", "item", "state",
                "objectors", "objecting_capability_share") : null;
        coalitionsFile = keep.items() ? open(directory.resolve("coalitions.csv"), true, "replication", "round",
                "coalition", "size", "capability_share", "members") : null;
        outcomesFile = open(directory.resolve("outcomes.csv"), true, scenario.bodies().declared() ? List.of("body")
                : List.of(), "replication", "item", "state", "round");
        replicationsFile = open(directory.resolve("replications.csv"), false, REPLICATION_COLUMNS.toArray(String[]::new));
        votesFile = open(directory.resolve("votes.csv"), false, "replication", "item", "round", "yes", "no", "abstain");
        pivotalFile = keep.items() ? open(directory.resolve("pivotal.csv"), false, "replication", "round", "item",
                "delegation", "vote", "swing_voters") : null;
        boolean actors = keep.items() && (scenario.formation().on() || scenario.agendaSetting().on());
        leadersFile = actors ? open(directory.resolve("leaders.csv"), false, LEADER_COLUMNS) : null;
        proposalsFile = actors ? open(directory.resolve("proposals.csv"), true, "replication", "round", "item",
                "sponsor") : null;
        coalitionEventsFile = actors ? open(directory.resolve("coalition-events.csv"), false,
                COALITION_EVENT_COLUMNS) : null;
        ballotsFile = open(directory.resolve("ballots.csv"), false, "replication", "item", "round", "delegation", "vote");
        exchangesFile = open(directory.resolve("exchanges.csv"), false, "replication", "round", "a", "b",
                "dimension_a", "dimension_b");
        venuesFile = scenario.bodies().declared() ? open(directory.resolve("venues.csv"), false, VENUE_COLUMNS) : null;
    }

    /** Columns of venues.csv: every move of an item between standards bodies (docs/ODD.md 7.14). */
    public static final String[] VENUE_COLUMNS = {"replication", "round", "item", "from", "to", "by"};

    /** Columns of leaders.csv: every coalition with a leader, each round. */
    public static final String[] LEADER_COLUMNS = {"replication", "round", "group", "leader"};
    /** Columns of coalition-events.csv: joins, defections, foundings, merges, dissolutions, successions, pens. */
    public static final String[] COALITION_EVENT_COLUMNS = {"replication", "round", "item", "event", "coalition",
        "delegation", "other"};

    /** Columns of replications.csv: one row per replication with its seed and final-round outcomes. */
    public static final List<String> REPLICATION_COLUMNS = List.of("replication", "seed", "coalitions",
            "largest_coalition_capability_share", "polarisation");

    private CSVPrinter open(Path file, boolean dimensionColumns, String... leading) throws IOException {
        return open(file, dimensionColumns, List.of(), leading);
    }

    /** As {@link #open(Path, boolean, String...)}, with {@code trailing} columns after the dimensions. */
    private CSVPrinter open(Path file, boolean dimensionColumns, List<String> trailing, String... leading)
            throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printers.add(printer);
        List<String> header = new ArrayList<>(List.of(leading));
        if (dimensionColumns) {
            scenario.dimensions().forEach(dimension -> header.add(dimension.id()));
        }
        header.addAll(trailing);
        printer.printRecord(header);
        return printer;
    }

    /**
     * Formats one replication's rows for every table, in memory. Pure and thread-safe, so workers
     * format while the writer appends finished replications in order.
     */
    public Rows render(ReplicationRecord record) {
        try {
            Rows rows = new Rows();
            format(record, rows);
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("formatting into memory does not fail", e);
        }
    }

    /** Appends a rendered replication to the files. */
    public void write(Rows rendered) throws IOException {
        append(roundsFile, rendered.roundsText);
        append(itemsFile, rendered.itemsText);
        append(coalitionsFile, rendered.coalitionsText);
        append(outcomesFile, rendered.outcomesText);
        append(replicationsFile, rendered.replicationsText);
        append(votesFile, rendered.votesText);
        append(pivotalFile, rendered.pivotalText);
        append(leadersFile, rendered.leadersText);
        append(proposalsFile, rendered.proposalsText);
        append(coalitionEventsFile, rendered.coalitionEventsText);
        append(ballotsFile, rendered.ballotsText);
        append(exchangesFile, rendered.exchangesText);
        append(venuesFile, rendered.venuesText);
    }

    private static void append(CSVPrinter file, StringBuilder text) throws IOException {
        if (file != null) {
            file.getOut().append(text);
        }
    }

    /** One replication's rows of every table, formatted but not yet written. */
    public static final class Rows {
        private final StringBuilder roundsText = new StringBuilder();
        private final StringBuilder itemsText = new StringBuilder();
        private final StringBuilder coalitionsText = new StringBuilder();
        private final StringBuilder outcomesText = new StringBuilder();
        private final StringBuilder replicationsText = new StringBuilder();
        private final StringBuilder votesText = new StringBuilder();
        private final StringBuilder pivotalText = new StringBuilder();
        private final StringBuilder leadersText = new StringBuilder();
        private final StringBuilder proposalsText = new StringBuilder();
        private final StringBuilder coalitionEventsText = new StringBuilder();
        private final StringBuilder ballotsText = new StringBuilder();
        private final StringBuilder exchangesText = new StringBuilder();
        private final StringBuilder venuesText = new StringBuilder();
        private final CSVPrinter rounds = printer(roundsText);
        private final CSVPrinter items = printer(itemsText);
        private final CSVPrinter coalitions = printer(coalitionsText);
        private final CSVPrinter outcomes = printer(outcomesText);
        private final CSVPrinter replications = printer(replicationsText);
        private final CSVPrinter votes = printer(votesText);
        private final CSVPrinter pivotal = printer(pivotalText);
        private final CSVPrinter leaders = printer(leadersText);
        private final CSVPrinter proposals = printer(proposalsText);
        private final CSVPrinter coalitionEvents = printer(coalitionEventsText);
        private final CSVPrinter ballots = printer(ballotsText);
        private final CSVPrinter exchanges = printer(exchangesText);
        private final CSVPrinter venues = printer(venuesText);

        private static CSVPrinter printer(StringBuilder text) {
            try {
                return new CSVPrinter(text, FORMAT);
            } catch (IOException e) {
                throw new IllegalStateException("a printer into memory does not fail", e);
            }
        }
    }

    public void write(ReplicationRecord record) throws IOException {
        write(render(record));
    }

    private void format(ReplicationRecord record, Rows rows) throws IOException {
        int d = record.dimensions();
        List<String> row = new ArrayList<>(8 + d);
        String replication = Integer.toString(record.replication());
        for (int t = 0; t <= record.rounds(); t++) {
            String round = Integer.toString(t);
            if (keep.rounds()) {
                for (int i = 0; i < record.delegations(); i++) {
                    row.clear();
                    row.add(replication);
                    row.add(round);
                    row.add(delegationIds[i]);
                    row.add(STATUS[record.status(t, i)]);
                    for (int k = 0; k < d; k++) {
                        row.add(Numbers.format(record.position(t, i, k)));
                    }
                    rows.rounds.printRecord(row);
                }
            }
            if (keep.items()) {
                writeItemsAndCoalitions(record, t, row, rows);
            }
            writeExchanges(record, replication, t, rows);
            if (venuesFile != null) {
                writeVenues(record, replication, t, rows);
            }
        }
        writeOutcomes(record, row, rows);
        if (leadersFile != null && record.actors() != null) {
            writeActors(record, row, rows);
        }
    }

    /** leaders.csv, proposals.csv and coalition-events.csv of one replication. */
    private void writeActors(ReplicationRecord record, List<String> row, Rows rows) throws IOException {
        String replication = Integer.toString(record.replication());
        for (ActorRecord.Leader leader : record.actors().leaders()) {
            rows.leaders.printRecord(replication, leader.round(), leader.coalition(), leader.leader());
        }
        for (ActorRecord.Proposal proposal : record.actors().proposals()) {
            row.clear();
            row.add(replication);
            row.add(Integer.toString(proposal.round()));
            row.add(scenario.agenda().get(proposal.item()).id());
            row.add(proposal.sponsor());
            for (double value : proposal.text()) {
                row.add(Numbers.format(value));
            }
            rows.proposals.printRecord(row);
        }
        for (ActorRecord.Event event : record.actors().events()) {
            rows.coalitionEvents.printRecord(replication, event.round(), scenario.agenda().get(event.item()).id(),
                    event.type(), event.coalition(), event.delegation(), event.other());
        }
    }

    private void writeItemsAndCoalitions(ReplicationRecord record, int t, List<String> row, Rows rows)
            throws IOException {
        int d = record.dimensions();
        String replication = Integer.toString(record.replication());
        String round = Integer.toString(t);
        for (int m = 0; m < record.items(); m++) {
            row.clear();
            row.add(replication);
            row.add(round);
            row.add(scenario.agenda().get(m).id());
            row.add(record.itemState(t, m).label());
            StringJoiner objectors = new StringJoiner(";");
            for (int i = 0; i < record.delegations(); i++) {
                if (record.objecting(t, m, i)) {
                    objectors.add(delegationIds[i]);
                }
            }
            row.add(objectors.toString());
            row.add(Numbers.format(record.objectingShare(t, m)));
            for (int k = 0; k < d; k++) {
                row.add(Numbers.format(record.draft(t, m, k)));
            }
            rows.items.printRecord(row);
            writePivotal(record, replication, t, m, rows);
        }
        List<Coalition> list = record.coalitions(t);
        for (int c = 0; c < list.size(); c++) {
            Coalition coalition = list.get(c);
            row.clear();
            row.add(replication);
            row.add(round);
            row.add(coalition.id() != null ? coalition.id() : "C" + (c + 1));
            row.add(Integer.toString(coalition.members().length));
            row.add(Numbers.format(coalition.capabilityShare()));
            StringJoiner members = new StringJoiner(";");
            for (int member : coalition.members()) {
                members.add(delegationIds[member]);
            }
            row.add(members.toString());
            for (int k = 0; k < d; k++) {
                row.add(Numbers.format(coalition.centroid()[k]));
            }
            rows.coalitions.printRecord(row);
        }
    }

    private void writeOutcomes(ReplicationRecord record, List<String> row, Rows rows) throws IOException {
        int d = record.dimensions();
        String replication = Integer.toString(record.replication());
        for (int m = 0; m < record.items(); m++) {
            row.clear();
            row.add(replication);
            row.add(scenario.agenda().get(m).id());
            row.add(record.finalState(m).label());
            row.add(record.decidedRound(m) > 0 ? Integer.toString(record.decidedRound(m)) : "");
            for (int k = 0; k < d; k++) {
                row.add(Numbers.format(record.textInForce(m, k)));
            }
            Scenario.Bodies bodies = scenario.bodies();
            if (bodies.declared()) {
                int declared = bodies.indexOf(bodies.itemBody().get(m));
                row.add(bodies.list().get(record.finalBody(m, declared)).id());
            }
            rows.outcomes.printRecord(row);
            if (record.vote(m, 0) >= 0) {
                rows.votes.printRecord(replication, scenario.agenda().get(m).id(), record.decidedRound(m), record.vote(m, 0),
                        record.vote(m, 1), record.vote(m, 2));
                writeBallots(record, replication, m, rows);
            }
        }
        rows.replications.printRecord(replication, Long.toString(record.seed()),
                Integer.toString(record.finalCoalitionCount()), Numbers.format(record.finalLargestCoalitionShare()),
                Numbers.format(record.finalPolarisation()));
    }

    /** ballots.csv: every voting delegation's ballot in an item's vote, absent ones included. */
    private void writeBallots(ReplicationRecord record, String replication, int m, Rows rows) throws IOException {
        String item = scenario.agenda().get(m).id();
        String round = Integer.toString(record.decidedRound(m));
        for (int i = 0; i < record.delegations(); i++) {
            Ballot ballot = record.ballot(m, i);
            if (ballot != null) {
                rows.ballots.printRecord(replication, item, round, delegationIds[i], ballot.label());
            }
        }
    }

    /** exchanges.csv: every exchange of support made (docs/ODD.md 7.10); empty when exchange is off. */
    private void writeExchanges(ReplicationRecord record, String replication, int round, Rows rows)
            throws IOException {
        int[] made = record.exchanges(round);
        List<String> dimensionIds = scenario.dimensions().stream().map(Scenario.Dimension::id).toList();
        for (int e = 0; e < made.length; e += 4) {
            rows.exchanges.printRecord(replication, round, delegationIds[made[e]], delegationIds[made[e + 1]],
                    dimensionIds.get(made[e + 2]), dimensionIds.get(made[e + 3]));
        }
    }

    /** venues.csv: every item moved between bodies this round, with the delegation that moved it. */
    private void writeVenues(ReplicationRecord record, String replication, int round, Rows rows) throws IOException {
        int[] moves = record.venueMoves(round);
        List<Scenario.Body> bodies = scenario.bodies().list();
        for (int v = 0; v < moves.length; v += 4) {
            rows.venues.printRecord(replication, round, scenario.agenda().get(moves[v]).id(),
                    bodies.get(moves[v + 1]).id(), bodies.get(moves[v + 2]).id(), delegationIds[moves[v + 3]]);
        }
    }

    /**
     * pivotal.csv: the swing voters on an item in a round ({@link org.plenary.observe.PivotalVoters}),
     * with the side they are on and how many swing voters that round has.
     */
    private void writePivotal(ReplicationRecord record, String replication, int round, int m, Rows rows)
            throws IOException {
        int count = record.pivotalCount(round, m);
        if (count == 0) {
            return;
        }
        String side = record.pivotalAdopts(round, m) ? "yes" : "no";
        for (int i = 0; i < record.delegations(); i++) {
            if (record.pivotal(round, m, i)) {
                rows.pivotal.printRecord(replication, round, scenario.agenda().get(m).id(), delegationIds[i], side, count);
            }
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CSVPrinter printer : printers) {
            try {
                printer.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
