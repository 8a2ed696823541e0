package dev.temper.webhook;

/** PENDING (waiting for its first or next attempt) -> DELIVERED (a 2xx came back) | FAILED (attempts used up). */
public enum DeliveryState {
    PENDING, DELIVERED, FAILED
}
