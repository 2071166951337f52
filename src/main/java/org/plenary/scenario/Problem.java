package org.plenary.scenario;

/**
 * One thing wrong with a user's input, located as precisely as the parser allows.
 *
 * @param source the file (or "--set") the problem comes from
 * @param line   1-based line number, or 0 when unknown
 * @param field  the field's path in the scenario, e.g. {@code delegations[USA].capability}
 * @param message what is wrong and, where possible, how to fix it
 */
public record Problem(String source, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
