package org.plenary.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;

/**
 * The domains the form shows are the ones the scenario format allows: no bound is refused as out of
 * range, and a value just outside it is refused by the same validation as plenary run --set, naming
 * the field.
 */
class ExplorerFormTest {

    @Test
    void everyBoundOfTheFormIsTheValidatorsBound() throws Exception {
        ExplorerSession session = new ExplorerSession(new ScenarioCatalog(List.of(ExplorerServerTest.SMALL)), 1);
        Scenario scenario = session.scenario();
        List<ParameterForm.Field> fields = new ArrayList<>(ParameterForm.fields(scenario));
        fields.addAll(ParameterForm.delegationFields(scenario, scenario.delegations().get(0)));
        assertTrue(fields.stream().anyMatch(f -> f.path().equals("blocs.CEPT.cohesion")));
        assertTrue(fields.stream().anyMatch(f -> f.path().equals("delegations.USA.salience.human_rights")));
        for (ParameterForm.Field field : fields) {
            if (field.kind().equals("choice")) {
                for (String choice : field.choices()) {
                    assertInDomain(session, field.path(), choice);
                }
                assertRefused(session, field.path(), "bogus");
            } else {
                if (field.min() != null) {
                    assertInDomain(session, field.path(), text(field, field.min()));
                    assertRefused(session, field.path(), text(field, field.min() - step(field)));
                }
                if (field.max() != null) {
                    assertInDomain(session, field.path(), text(field, field.max()));
                    assertRefused(session, field.path(), text(field, field.max() + step(field)));
                }
                assertRefused(session, field.path(), "abc");
            }
        }
    }

    @Test
    void formValuesAreTheScenariosOwn() throws Exception {
        ExplorerSession session = new ExplorerSession(new ScenarioCatalog(List.of(ExplorerServerTest.SMALL)), 1);
        Scenario scenario = session.scenario();
        Scenario.Delegation usa = scenario.delegations().get(0);
        List<ParameterForm.Field> own = ParameterForm.delegationFields(scenario, usa);
        assertEquals("delegations.USA.position.mandate_scope", own.get(0).path());
        assertEquals(0.10, (double) own.get(0).value());
        assertEquals(30.0, (double) own.get(own.size() - 1).value(), "capability");
        session.apply(Map.of("delegations.USA.capability", "12"));
        assertEquals(12.0, session.scenario().delegations().get(0).capability());
    }

    /**
     * A value at the edge of a field's domain is not refused for its own range (other fields' values
     * may still rule it out, e.g. influence.rate x openness + anchor at most 1). Accepted values are
     * taken back so that each field is tried on the scenario as it is.
     */
    private static void assertInDomain(ExplorerSession session, String path, String value) throws Exception {
        try {
            session.apply(Map.of(path, value));
            session.open(0);
        } catch (InputException e) {
            for (Problem problem : e.problems()) {
                assertTrue(!problem.source().equals("--set " + path + "=" + value)
                        || !problem.message().startsWith("out of range"), problem.toString());
            }
        }
    }

    private static void assertRefused(ExplorerSession session, String path, String value) {
        InputException e = assertThrows(InputException.class, () -> session.apply(Map.of(path, value)),
                path + "=" + value + " should be refused");
        assertTrue(e.problems().stream().anyMatch(p -> p.source().equals("--set " + path + "=" + value)),
                e.getMessage());
    }

    private static double step(ParameterForm.Field field) {
        return field.kind().equals("integer") ? 1 : 0.001;
    }

    private static String text(ParameterForm.Field field, Object value) {
        double number = ((Number) value).doubleValue();
        return field.kind().equals("integer") ? String.valueOf((long) number) : String.valueOf(number);
    }
}
