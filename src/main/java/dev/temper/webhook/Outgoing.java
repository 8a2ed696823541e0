package dev.temper.webhook;

/** A delivery taken for one attempt: what to POST where, signed with which secret. */
record Outgoing(long deliveryId, String url, String secret, String event, String payload, int attempt) {

    @Override
    public String toString() {
        // Never the secret, should this end up in a log.
        return "delivery " + deliveryId + " (" + event + ") attempt " + attempt;
    }
}
