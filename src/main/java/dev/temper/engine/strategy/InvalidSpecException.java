package dev.temper.engine.strategy;

/**
 * A strategy value the engine refuses. The message begins with the field's name, as API answers show it;
 * {@link #field()} names it apart from the text, so a form can mark the matching input without reading
 * the message.
 */
public class InvalidSpecException extends IllegalArgumentException {

    private final String field;

    public InvalidSpecException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The record component (or legacy constructor parameter) whose value was refused, e.g. "learningRate". */
    public String field() {
        return field;
    }
}
