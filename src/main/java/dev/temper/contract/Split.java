package dev.temper.contract;

/** The three parts of a dataset version; the byte is how the canonical file stores it. */
public enum Split {
    TRAIN("train"), VALIDATION("validation"), TEST("test");

    private final String wireName;

    Split(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in the API and the UI. */
    public String wireName() {
        return wireName;
    }

    public byte code() {
        return (byte) ordinal();
    }

    public static Split ofCode(byte code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("Unknown split code " + code);
        }
        return values()[code];
    }
}
