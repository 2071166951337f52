package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table "Who leads, before and after each event" read back from a run's leaders-at-events.csv. */
class LeadersTableTest {
    @TempDir
    Path dir;

    @Test
    void oneRowPerItemEventAndCoalitionWithItsLeadersBeforeAndAfterAndHowManyReplicationsHadTheItemOpen()
            throws Exception {
        // 20 replications; the item closes in round 9 in 11 of them, so 9 are open in round 10.
        Files.writeString(dir.resolve("leaders-at-events.csv"), """
                item,round,event,coalition,when,leader,replications,share,item_open
                hr,10,USA withdraws,APT,before,USA,18,0.9,20
                hr,10,USA withdraws,APT,before,none,2,0.1,20
                hr,10,USA withdraws,APT,after,CHN,8,0.4,9
                hr,10,USA withdraws,APT,after,none,12,0.6,9
                hr,10,USA withdraws,CEPT,before,DEU,20,1,20
                hr,10,USA withdraws,CEPT,after,DEU,9,0.45,9
                hr,10,USA withdraws,CEPT,after,none,11,0.55,9
                """);
        List<List<String>> rows = LeadersTable.rows(dir);
        String event = "round 10: USA withdraws (item open in 20 \u2192 9 of 20 replications)";
        assertEquals(List.of(
                List.of("hr", event, "APT", "USA 90%, none 10%", "CHN 40%, none 60%"),
                List.of("hr", event, "CEPT", "DEU 100%", "DEU 45%, none 55%")), rows);
        StringWriter printed = new StringWriter();
        LeadersTable.print(new PrintWriter(printed, true), dir);
        assertTrue(printed.toString().contains("    hr, " + event + "\n"), printed.toString());
        assertTrue(printed.toString().contains("      APT   USA 90%, none 10%  ->  CHN 40%, none 60%\n"),
                printed.toString());
    }

    @Test
    void aRunWithoutCoalitionsActingHasNoTable() throws Exception {
        assertEquals(List.of(), LeadersTable.rows(dir));
        StringWriter printed = new StringWriter();
        LeadersTable.print(new PrintWriter(printed, true), dir);
        assertEquals("", printed.toString());
    }
}
