package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks scenarios/data/itu-member-states.csv against the facts in shared/reference/itu-facts.md
 * (copied here as literals, so the build never reads outside the repository) and against the rules
 * in scenarios/data/SOURCES.md.
 */
class MemberStatesDataTest {
    static final Path FILE = Path.of("scenarios/data/itu-member-states.csv");
    static final List<String> COLUMNS = List.of("id", "name", "iso3", "itu_symbol", "region", "region_basis",
            "itu_d_region", "groups", "eu", "foc_2025", "foc_2026", "pp22_hr_statement", "capability",
            "capability_basis");
    static final List<String> GROUPS = List.of("CEPT", "APT", "ATU", "CITEL", "RCC", "ARAB", "EU", "FOC");

    static Map<String, CSVRecord> rows;

    @BeforeAll
    static void read() throws IOException {
        rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertEquals(COLUMNS, csv.getHeaderNames());
            for (CSVRecord row : csv) {
                assertTrue(row.isConsistent(), "line " + row.getRecordNumber() + " has a wrong number of fields");
                assertEquals(null, rows.put(row.get("id"), row), "duplicate id " + row.get("id"));
            }
        }
    }

    private static Set<String> ids(String text) {
        return new TreeSet<>(Arrays.asList(text.trim().split("\\s+")));
    }

    private static List<String> groupsOf(String id) {
        String groups = rows.get(id).get("groups");
        return groups.isEmpty() ? List.of() : List.of(groups.split(";"));
    }

    private static Set<String> membersOf(String group) {
        return rows.keySet().stream().filter(id -> groupsOf(id).contains(group))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> where(String column, String value) {
        return rows.values().stream().filter(r -> r.get(column).equals(value)).map(r -> r.get("id"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void the194MemberStatesWithIsoCodes() {
        assertEquals(194, rows.size(), "193 UN members plus the Vatican (Palau joined in 2024)");
        List<String> ids = new ArrayList<>(rows.keySet());
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids, "rows sorted by id");
        Set<String> symbols = new HashSet<>();
        for (CSVRecord row : rows.values()) {
            String id = row.get("id");
            assertTrue(id.matches("[A-Z]{3}"), "ISO 3166 alpha-3 id: " + id);
            assertEquals(id, row.get("iso3"));
            assertFalse(row.get("name").isBlank(), id);
            assertTrue(symbols.add(row.get("itu_symbol")), "ITU symbol used twice: " + row.get("itu_symbol"));
        }
        assertTrue(rows.keySet().containsAll(ids("PLW VAT USA CHN RUS")));
        assertFalse(rows.containsKey("PSE"), "Palestine is an ITU observer, not a Member State");
        assertFalse(rows.containsKey("TWN"), "not an ITU Member State");
    }

    @Test
    void administrativeRegionsAndTheirSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (CSVRecord row : rows.values()) {
            assertTrue(row.get("region").matches("[A-E]"), row.get("id") + " region " + row.get("region"));
            assertTrue(Set.of("sourced", "inferred").contains(row.get("region_basis")), row.get("id"));
            sizes.merge(row.get("region"), 1, Integer::sum);
        }
        // itu-facts.md: A 35, B 33, C 21, D 54, E 50 before Palau (194th, in Asia-Pacific) joined.
        assertEquals(Map.of("A", 35, "B", 33, "C", 21, "D", 54, "E", 51), sizes);
        assertEquals("E", rows.get("PLW").get("region"));
        assertEquals(where("region", "A"), membersOf("CITEL"), "CITEL = the 35 OAS states = Region A");
    }

    /** Council 2023-26 (PP-22), which also fills each region's seats: A 9, B 8, C 5, D 13, E 13. */
    static final Map<String, String> COUNCIL = Map.of(
            "A", "ARG BRA MEX BHS CAN CUB USA PRY SLV",
            "B", "ITA GBR SWE CHE ESP FRA DEU TUR",
            "C", "ROU AZE POL BGR CZE",
            "D", "KEN GHA EGY TZA DZA MAR SEN NGA TUN MUS RWA UGA ZAF",
            "E", "ARE IND IDN THA MYS JPN KWT PHL SAU AUS KOR BHR CHN");
    /** Further members itu-facts.md names with their region. */
    static final Map<String, String> NAMED = Map.of(
            "A", "TTO VEN DOM ECU",
            "B", "GRC HUN PRT NLD",
            "C", "RUS BLR UKR KAZ KGZ",
            "D", "BFA CIV MLI CMR TGO SDN MRT",
            "E", "IRN PAK VNM");

    @Test
    void statesNamedInTheFactsSitInTheirRegionAndAreMarkedSourced() {
        Map<String, Integer> seats = Map.of("A", 9, "B", 8, "C", 5, "D", 13, "E", 13);
        for (String region : COUNCIL.keySet()) {
            Set<String> council = ids(COUNCIL.get(region));
            assertEquals(seats.get(region), council.size(), "Council seats of region " + region);
            Set<String> named = new TreeSet<>(council);
            named.addAll(ids(NAMED.get(region)));
            for (String id : named) {
                assertEquals(region, rows.get(id).get("region"), id);
                assertEquals("sourced", rows.get(id).get("region_basis"), id);
            }
        }
    }

    @Test
    void ceptIsExactlyItsFortySixMembers() {
        Set<String> cept = ids("ALB AND AUT AZE BEL BIH BGR HRV CYP CZE DNK EST FIN FRA GEO DEU GRC HUN ISL IRL ITA"
                + " LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU SMR SRB SVK SVN ESP SWE CHE TUR UKR GBR VAT");
        assertEquals(46, cept.size());
        assertEquals(cept, membersOf("CEPT"));
        assertFalse(membersOf("CEPT").contains("RUS"), "Russia suspended since March 2022");
        assertFalse(membersOf("CEPT").contains("BLR"), "Belarus suspended since March 2022");
    }

    @Test
    void groupVocabularySizesAndOverlaps() {
        for (String id : rows.keySet()) {
            List<String> groups = groupsOf(id);
            assertEquals(new HashSet<>(groups).size(), groups.size(), id + " lists a group twice");
            assertTrue(GROUPS.containsAll(groups), id + " has an unknown group: " + groups);
            List<String> ordered = new ArrayList<>(groups);
            ordered.sort((a, b) -> GROUPS.indexOf(a) - GROUPS.indexOf(b));
            assertEquals(ordered, groups, id + ": groups in the fixed order " + GROUPS);
        }
        assertEquals(27, membersOf("EU").size());
        assertEquals(35, membersOf("CITEL").size(), "all 35 OAS member states");
        assertEquals(38, membersOf("APT").size(), "38 members (the 4 associates are not ITU Member States)");
        assertEquals(46, membersOf("ATU").size(), "46 member states (atu-uat.org)");
        assertEquals(21, membersOf("ARAB").size(), "22 Arab States less Palestine, not an ITU Member State");
        assertEquals(42, membersOf("FOC").size(), "42 governments in 2025");
        Set<String> both = new TreeSet<>(membersOf("ATU"));
        both.retainAll(membersOf("ARAB"));
        assertEquals(10, both.size(), "the ten African Arab states are in ATU and the Arab group: " + both);
        assertTrue(membersOf("RCC").containsAll(ids("ARM BLR KAZ KGZ RUS TJK TKM UZB")),
                "RCC members attending in Nov 2023");
        assertTrue(membersOf("RCC").size() <= 12, "RCC has 12 full members at most");
        assertTrue(membersOf("EU").stream().allMatch(id -> groupsOf(id).contains("CEPT")), "EU states are in CEPT");
    }

    @Test
    void freedomOnlineCoalitionIn2025AndAfterTheUsLeft() {
        Set<String> founders = ids("AUT CAN CZE EST FRA GHA IRL KEN MDV MEX MNG NLD SWE GBR USA");
        Set<String> joined = ids("CRI FIN LVA TUN GEO DEU JPN LTU MDA AUS NZL NOR POL ARG LUX");
        assertTrue(membersOf("FOC").containsAll(founders), "founders 2011");
        assertTrue(membersOf("FOC").containsAll(joined), "joined 2012-2016 and Luxembourg");
        for (CSVRecord row : rows.values()) {
            String id = row.get("id");
            boolean foc = groupsOf(id).contains("FOC");
            assertEquals(Boolean.toString(foc), row.get("foc_2025"), id);
            assertEquals(Boolean.toString(foc && !id.equals("USA")), row.get("foc_2026"), id);
            assertEquals(Boolean.toString(groupsOf(id).contains("EU")), row.get("eu"), id);
        }
        assertEquals("true", rows.get("USA").get("foc_2025"));
        assertEquals("false", rows.get("USA").get("foc_2026"), "the US left the FOC in January 2026");
        assertEquals(41, where("foc_2026", "true").size());
    }

    @Test
    void pp22HumanRightsStatementSignatories() {
        Set<String> signatories = where("pp22_hr_statement", "true");
        assertEquals(53, signatories.size());
        assertTrue(signatories.containsAll(membersOf("EU")), "delivered on behalf of the 27 EU member states");
        Set<String> others = new TreeSet<>(signatories);
        others.removeAll(membersOf("EU"));
        assertEquals(ids("ALB AND ARM AUS BIH CAN GHA CHL ISL ISR JPN MNE MEX MKD NOR MCO KOR MDA PER LIE RWA SRB"
                + " CHE TUN UKR GBR"), others);
        assertFalse(signatories.contains("USA"));
        assertTrue(rows.values().stream().allMatch(r -> Set.of("true", "false").contains(r.get("pp22_hr_statement"))));
    }

    @Test
    void capabilityIsAValidContributoryClass() {
        Set<Double> classes = new HashSet<>(List.of(1.5, 1.0, 0.5, 0.25, 0.125, 0.0625));
        for (int units = 2; units <= 40; units++) {
            classes.add((double) units);
        }
        for (CSVRecord row : rows.values()) {
            double capability = Double.parseDouble(row.get("capability"));
            assertTrue(classes.contains(capability), row.get("id") + " capability " + capability);
            assertTrue(Set.of("estimate", "published").contains(row.get("capability_basis")), row.get("id"));
        }
        for (String top : ids("USA JPN DEU FRA GBR")) {
            assertEquals(30.0, Double.parseDouble(rows.get(top).get("capability")), top);
        }
    }
}
