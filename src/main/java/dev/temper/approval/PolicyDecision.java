package dev.temper.approval;

/** What a policy says about an action: allowed, or refused with a reason a person can act on. */
public record PolicyDecision(boolean allowed, String reason) {

    public static PolicyDecision allow() {
        return new PolicyDecision(true, null);
    }

    public static PolicyDecision reject(String reason) {
        return new PolicyDecision(false, reason);
    }
}
