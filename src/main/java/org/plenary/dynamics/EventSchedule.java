package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;

/**
 * Applies the events scheduled for the current round, in file order (docs/ODD.md, 7.1).
 * Withdrawal removes a delegation from influence, objections, votes, quorum, drafts and blocs;
 * disengaging from a dimension sets its salience there to zero; disengaging from a forum removes
 * it from the items in that forum. Re-engaging undoes the listed disengagements, or with no list
 * every disengagement and a withdrawal.
 */
public final class EventSchedule implements Mechanism {
    private final List<Scenario.Event> events;

    public EventSchedule(List<Scenario.Event> events) {
        this.events = List.copyOf(events);
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        for (Scenario.Event event : events) {
            if (event.round() == a.round()) {
                apply(a, event);
            }
        }
    }

    static void apply(Assembly a, Scenario.Event event) {
        if (event.type() == Scenario.EventType.SET && event.delegation() == null) {
            a.cohesion[a.groupIndex(event.bloc())] = event.value();
            return;
        }
        int i = a.delegationIndex(event.delegation());
        int d = a.dimensions;
        if (event.body() != null) {
            // Membership is per body: leaving one leaves the delegation a member of the others.
            int b = java.util.Arrays.asList(a.bodyIds).indexOf(event.body());
            a.role[i * a.bodies + b] = event.type() == Scenario.EventType.WITHDRAW ? 0 : a.declaredRole[i * a.bodies + b];
            return;
        }
        switch (event.type()) {
            case WITHDRAW -> a.withdrawn[i] = true;
            case DISENGAGE -> {
                for (String dimension : event.dimensions()) {
                    int k = a.dimensionIndex(dimension);
                    a.dimensionDisengaged[i * d + k] = true;
                    a.activeSalience[i * d + k] = 0;
                }
                for (String forum : event.forums()) {
                    a.forumDisengaged[i * a.forums + Scenario.FORUMS.indexOf(forum)] = true;
                }
            }
            case REENGAGE -> {
                boolean everything = event.dimensions().isEmpty() && event.forums().isEmpty();
                for (int k = 0; k < d; k++) {
                    if (everything || event.dimensions().contains(a.dimensionIds[k])) {
                        a.dimensionDisengaged[i * d + k] = false;
                        a.activeSalience[i * d + k] = a.salience[i * d + k];
                    }
                }
                for (int f = 0; f < a.forums; f++) {
                    if (everything || event.forums().contains(Scenario.FORUMS.get(f))) {
                        a.forumDisengaged[i * a.forums + f] = false;
                    }
                }
                if (everything) {
                    a.withdrawn[i] = false;
                    // Withdrawals from single bodies too: the declared roles come back.
                    System.arraycopy(a.declaredRole, i * a.bodies, a.role, i * a.bodies, a.bodies);
                }
            }
            case SET -> set(a, i, event.attribute(), event.value());
            case JOIN -> a.member[i * a.groups + a.groupIndex(event.bloc())] = true;
            case LEAVE -> a.member[i * a.groups + a.groupIndex(event.bloc())] = false;
            default -> throw new IllegalStateException("unhandled event type " + event.type());
        }
    }

    private static void set(Assembly a, int i, String attribute, double value) {
        int d = a.dimensions;
        if (attribute.startsWith("position.")) {
            // New instructions from the capital: the ideal point, the aspiration and the position move.
            int k = a.dimensionIndex(attribute.substring("position.".length()));
            a.ideal[i * d + k] = value;
            a.aspiration[i * d + k] = value;
            a.position[i * d + k] = value;
            return;
        }
        if (attribute.startsWith("salience.")) {
            int k = a.dimensionIndex(attribute.substring("salience.".length()));
            a.salience[i * d + k] = value;
            if (!a.dimensionDisengaged[i * d + k]) {
                a.activeSalience[i * d + k] = value;
            }
            return;
        }
        switch (attribute) {
            case "capability" -> a.capability[i] = value;
            case "openness" -> a.openness[i] = value;
            case "tolerance" -> a.tolerance[i] = value;
            case "objection_threshold" -> a.objectionThreshold[i] = value;
            default -> throw new IllegalStateException("unvalidated attribute " + attribute);
        }
    }
}
