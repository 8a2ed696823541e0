package dev.temper.base;

import java.util.function.Function;

/** What a policy says about an action: allowed, or refused with a reason a person can act on. */
public record PolicyDecision(boolean allowed, String reason) {

    public static PolicyDecision allow() {
        return new PolicyDecision(true, null);
    }

    public static PolicyDecision reject(String reason) {
        return new PolicyDecision(false, reason);
    }

    /** Goes on if allowed; otherwise throws the problem made from the reason. */
    public void orElseThrow(Function<String, ? extends RuntimeException> problem) {
        if (!allowed) {
            throw problem.apply(reason);
        }
    }
}
