package dev.temper.testsupport;

import dev.temper.devstack.DatabaseRoles;
import dev.temper.devstack.DatabaseRoles.Login;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC connections to the test database as each of its three roles, for tests that need a particular one. */
public final class Database {

    /** The superuser's name, also its password. */
    public static final String SUPERUSER = PostgresTestResource.SUPERUSER;

    private Database() {
    }

    /** What an attacker with the server's superuser would do: everything, triggers off included. */
    public static Connection superuser() throws SQLException {
        return connect(new Login(PostgresTestResource.SUPERUSER, PostgresTestResource.SUPERUSER));
    }

    /**
     * The superuser in PostgreSQL's maintenance database, for what cannot be done from inside the test database:
     * refusing new connections to it, as during a restart.
     */
    public static Connection superuserOutside() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres$1"),
                PostgresTestResource.SUPERUSER, PostgresTestResource.SUPERUSER);
    }

    /** The role Flyway migrates as. */
    public static Connection owner() throws SQLException {
        return connect(DatabaseRoles.DEMO_OWNER);
    }

    /** The role the app connects as. */
    public static Connection app() throws SQLException {
        return connect(DatabaseRoles.DEMO_APP);
    }

    /**
     * A new, empty database on the test server, named {@code name} (a plain identifier), for a test that runs the
     * migrations itself; its JDBC URL, for the superuser's credentials ({@link #SUPERUSER}).
     */
    public static String createScratch(String name) throws SQLException {
        try (Connection c = superuser(); Statement sql = c.createStatement()) {
            sql.execute("create database " + name);
        }
        return DatabaseRoles.withDatabase(PostgresTestResource.jdbcUrl(), name);
    }

    public static void dropScratch(String name) throws SQLException {
        try (Connection c = superuser(); Statement sql = c.createStatement()) {
            sql.execute("drop database if exists " + name);
        }
    }

    private static Connection connect(Login login) throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl(), login.user(), login.password());
    }
}
