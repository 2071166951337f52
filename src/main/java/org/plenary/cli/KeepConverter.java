package org.plenary.cli;

import java.util.Locale;
import org.plenary.results.Keep;
import picocli.CommandLine;

/** Reads --keep rounds|items|none, with a clear message for anything else. */
final class KeepConverter implements CommandLine.ITypeConverter<Keep> {
    @Override
    public Keep convert(String value) {
        try {
            return Keep.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("expected rounds, items or none, got '" + value + "'");
        }
    }
}
