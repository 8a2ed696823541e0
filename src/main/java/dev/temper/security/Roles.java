package dev.temper.security;

/** Realm roles issued by Keycloak. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ML_ENGINEER = "ml-engineer";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
