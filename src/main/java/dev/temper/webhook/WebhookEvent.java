package dev.temper.webhook;

import dev.temper.approval.ApprovalState;
import dev.temper.base.problem.ProblemException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a webhook can be told of. {@link #wireName()} is what registrations name, what the X-Temper-Event header
 * and the payload's {@code event} carry, and what is stored: it must never change.
 */
public enum WebhookEvent {
    APPROVAL_APPROVED("approval.approved"),
    APPROVAL_REJECTED("approval.rejected"),
    APPROVAL_WITHDRAWN("approval.withdrawn"),
    APPROVAL_EXPIRED("approval.expired"),
    /** A team alias (production) now points at another version. */
    ALIAS_MOVED("alias.moved");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The event of a request's final state; none for OPEN. */
    static Optional<WebhookEvent> ofDecision(ApprovalState state) {
        return switch (state) {
            case APPROVED -> Optional.of(APPROVAL_APPROVED);
            case REJECTED -> Optional.of(APPROVAL_REJECTED);
            case WITHDRAWN -> Optional.of(APPROVAL_WITHDRAWN);
            case EXPIRED -> Optional.of(APPROVAL_EXPIRED);
            case OPEN -> Optional.empty();
        };
    }

    /** The event of this name, or a 400 that lists the names there are. */
    static WebhookEvent named(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("events: unknown event '" + name + "'; known: "
                        + Arrays.stream(values()).map(WebhookEvent::wireName).collect(Collectors.joining(", "))));
    }
}
