package dev.temper.base;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Makes every JSON body the server reads say exactly what it means: a fraction where a whole number belongs
 * ({@code "epochs": 1.7}) is refused instead of truncated, and a NUL character in any string is refused before it can
 * reach PostgreSQL (which cannot store it in text) or a log line.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules for mappers the server builds itself. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .registerModule(new SimpleModule("temper-strict-strings")
                        .addDeserializer(String.class, new NoNulStrings()));
    }

    private static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value, "contains a NUL character");
            }
            return value;
        }
    }
}
