package org.plenary.scenario;

import java.util.List;

/**
 * The {@code exchange} section (model v2): the exchange of support between delegations and its rate.
 * Constructing it checks the mapping's keys; {@link #bind()} reads the values.
 */
final class ExchangeBinder {
    private final YamlNode exchange;

    ExchangeBinder(YamlNode top) {
        exchange = top.object("exchange", List.of("model", "rate"));
    }

    Scenario.Exchange bind() {
        return new Scenario.Exchange(
                exchange.option(Scenario.ExchangeModel.class, "model", "none", List.of("none", "stokman")),
                exchange.number("rate", 1.0, 0, 1));
    }
}
