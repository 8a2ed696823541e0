package dev.temper.webhook;

/** Deliveries were written in the current transaction; once it commits they can be sent. */
record DeliveriesQueued() {
}
