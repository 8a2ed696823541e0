package dev.temper.devstack;

import dev.temper.base.SqlRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates, as the PostgreSQL superuser, the database and the two roles Temper uses: the owner, which owns the
 * schema and runs Flyway, and the app role, which the server connects as and which owns nothing (migration V19
 * grants it row access only; it cannot alter, drop or disable triggers). Used where Temper starts PostgreSQL itself
 * (the demo and the tests); an operator of an external PostgreSQL does the same by hand (docs/audit.md).
 * Idempotent: existing roles and databases are left as they are.
 */
@SqlRepository
public final class DatabaseRoles {

    /** A role's login. */
    public record Login(String user, String password) {
    }

    /** The database the demo and the tests use, and the demo's logins (loopback-only throw-away credentials). */
    public static final String DATABASE = "temper";
    public static final Login DEMO_OWNER = new Login("temper_owner", "temper_owner");
    public static final Login DEMO_APP = new Login("temper_app", "temper_app");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseRoles() {
    }

    /**
     * @param superuserUrl a JDBC URL of the server's maintenance database ({@code postgres}) with the superuser's
     *                     credentials in it
     * @return the JDBC URL of {@code database} (without credentials)
     */
    public static String create(String superuserUrl, String superuser, String superuserPassword, String database,
            Login owner, Login app) {
        requireIdentifier(database);
        requireIdentifier(owner.user());
        requireIdentifier(app.user());
        try (Connection maintenance = DriverManager.getConnection(superuserUrl, superuser, superuserPassword);
             Statement sql = maintenance.createStatement()) {
            createRole(maintenance, owner);
            createRole(maintenance, app);
            if (!exists(maintenance, "select 1 from pg_database where datname = ?", database)) {
                sql.execute("create database " + database + " owner " + owner.user());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database roles: " + e.getMessage(), e);
        }
        String url = withDatabase(superuserUrl, database);
        try (Connection db = DriverManager.getConnection(url, superuser, superuserPassword);
             Statement sql = db.createStatement()) {
            // The public schema belongs to the superuser and lets everyone create in it (PostgreSQL < 15): the owner
            // takes it over, and the app role may use it but create nothing.
            sql.execute("alter schema public owner to " + owner.user());
            sql.execute("revoke create on schema public from public");
            sql.execute("revoke all on database " + database + " from public");
            sql.execute("grant connect on database " + database + " to " + app.user());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + database + ": " + e.getMessage(), e);
        }
        return url;
    }

    /** The same server's URL with another database: {@code jdbc:postgresql://host:port/db?params}. */
    public static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    private static void createRole(Connection connection, Login login) throws SQLException {
        if (exists(connection, "select 1 from pg_roles where rolname = ?", login.user())) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("create role " + login.user() + " login nosuperuser nocreatedb nocreaterole password '"
                    + login.password().replace("'", "''") + "'");
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case PostgreSQL name: " + name);
        }
    }
}
