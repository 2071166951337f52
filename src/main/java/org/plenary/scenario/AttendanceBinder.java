package org.plenary.scenario;

import java.util.List;

/**
 * The {@code attendance} section (model v2): who can attend the meetings, by capability. Constructing
 * it checks the mapping's keys and the full capability; {@link #bind()} reads the rest.
 */
final class AttendanceBinder {
    private final YamlNode attendance;
    private final double fullCapability;

    AttendanceBinder(YamlNode top) {
        attendance = top.object("attendance", List.of("model", "full_capability", "exponent"));
        fullCapability = attendance.number("full_capability", 1.0, 0, 1e9);
        if (fullCapability == 0) {
            attendance.problemAt("full_capability", "must be greater than 0");
        }
    }

    Scenario.Attendance bind() {
        return new Scenario.Attendance(
                attendance.option(Scenario.AttendanceModel.class, "model", "all", List.of("all", "capacity")),
                fullCapability, attendance.number("exponent", 0.3, 0, 10));
    }
}
