package dev.temper.base.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a body Jackson could not read, in terms a client can act on: the field's path, the type it
 * expected, and where in the body the problem sits. Jackson's own messages name Java classes, so they are not passed on.
 */
public final class JsonProblems {

    private static final int MAX_VALUE_CHARS = 60;

    private JsonProblems() {
    }

    public static String describe(JsonProcessingException e) {
        String where = position(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field " + quoted(path(unknown)) + where;
        }
        if (e instanceof InvalidFormatException format && String.valueOf(format.getValue()).indexOf('\0') >= 0) {
            return fieldOrBody(format) + " must not contain a NUL character" + where;
        }
        if (e instanceof InvalidFormatException format) {
            return fieldOrBody(format) + " expects " + typeName(format.getTargetType()) + ", got "
                    + shortValue(format.getValue()) + where;
        }
        if (e instanceof MismatchedInputException mismatch) {
            return fieldOrBody(mismatch) + " expects " + typeName(mismatch.getTargetType()) + where;
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field " + quoted(path(mapping)) + " is invalid" + where;
        }
        return "Malformed JSON" + where + ": " + e.getOriginalMessage();
    }

    private static String fieldOrBody(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? "The body" : "Field " + quoted(path);
    }

    /** {@code strategy.adversarial.steps} or {@code rows[3]}: the JSON path, not Java's. */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of " + Arrays.stream(constants).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String shortValue(Object value) {
        String text = String.valueOf(value).replace("\0", "\\u0000");
        return text.length() > MAX_VALUE_CHARS ? quoted(text.substring(0, MAX_VALUE_CHARS) + "...") : quoted(text);
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }
}
