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
 * The domains the form shows are the ones the scenario format allows: each bound is accepted and a
 * value just outside it is refused by the same validation as plenary run --set, naming the field.
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
                    session.apply(Map.of(field.path(), choice));
                }
                assertRefused(session, field.path(), "bogus");
            } else {
                if (field.min() != null) {
                    session.apply(Map.of(field.path(), text(field, field.min())));
                    assertRefused(session, field.path(), text(field, field.min() - step(field)));
                }
                if (field.max() != null) {
                    session.apply(Map.of(field.path(), text(field, field.max())));
                    assertRefused(session, field.path(), text(field, field.max() + step(field)));
                }
                assertRefused(session, field.path(), "abc");
            }
            session.apply(Map.of(field.path(), field.kind().equals("choice") ? (String) field.value()
                    : text(field, field.value())));
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

    private static void assertRefused(ExplorerSession session, String path, String value) {
        InputException e = assertThrows(InputException.class, () -> session.apply(Map.of(path, value)),
                path + "=" + value + " should be refused");
        Problem problem = e.problems().get(0);
        assertEquals("--set " + path + "=" + value, problem.source(), problem.toString());
    }

    private static double step(ParameterForm.Field field) {
        return field.kind().equals("integer") ? 1 : 0.001;
    }

    private static String text(ParameterForm.Field field, Object value) {
        double number = ((Number) value).doubleValue();
        return field.kind().equals("integer") ? String.valueOf((long) number) : String.valueOf(number);
    }
}
