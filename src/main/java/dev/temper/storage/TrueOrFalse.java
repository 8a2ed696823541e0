package dev.temper.storage;

import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a flag that must be spelt {@code true} or {@code false}. The usual conversion takes "yes" for true
 * and anything it does not know for false, so a misspelt flag would quietly mean the opposite.
 */
public final class TrueOrFalse implements Converter<Boolean> {

    @Override
    public Boolean convert(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is neither true nor false");
        };
    }
}
