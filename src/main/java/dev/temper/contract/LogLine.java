package dev.temper.contract;

import java.time.Instant;

/** A line of a worker's log; seq counts from 1 within an attempt and makes resending harmless. */
public record LogLine(int seq, Instant at, String line) {

    /** Longer lines are cut: a log line is for people to read, not a channel for data. */
    public static final int MAX_LENGTH = 4000;

    /** The line as stored: cut to {@link #MAX_LENGTH} characters, with an ellipsis saying so. */
    public static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
