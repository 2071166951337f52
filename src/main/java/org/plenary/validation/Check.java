package org.plenary.validation;

/**
 * One re-run of a published (or hand-derived) result: what was expected, what the code gives now.
 *
 * @param name     what is checked
 * @param source   where the expected value comes from
 * @param expected the expected value, as text
 * @param got      what the code computed, as text
 * @param passed   whether {@code got} agrees with {@code expected}
 */
public record Check(String name, String source, String expected, String got, boolean passed) { }
