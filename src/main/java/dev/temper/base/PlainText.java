package dev.temper.base;

import dev.temper.base.problem.ProblemException;

/**
 * Names and comments are shown to other people and copied into the audit trail, so they must read as what they are.
 * Control characters (NUL, escape sequences, form feeds) and the Unicode bidirectional controls (which can make
 * "model-lanif" display as "model-final", the Trojan Source trick) are refused rather than stored.
 */
public final class PlainText {

    private PlainText() {
    }

    /** A one-line name: no control character at all. */
    public static String requireName(String text, String field) {
        return require(text, field, false);
    }

    /** Free text such as a comment: line breaks and tabs are fine, other control characters are not. */
    public static String requireText(String text, String field) {
        return require(text, field, true);
    }

    private static String require(String text, String field, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isBidiControl(c)) {
                throw ProblemException.badRequest(field + ": contains the invisible direction control U+"
                        + hex(c) + " at character " + (i + 1) + "; type the text without it");
            }
            if (Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                throw ProblemException.badRequest(field + ": contains the control character U+" + hex(c)
                        + " at character " + (i + 1));
            }
            i += Character.charCount(c);
        }
        return text;
    }

    static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
