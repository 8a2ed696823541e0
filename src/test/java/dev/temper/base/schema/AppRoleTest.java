package dev.temper.base.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.devstack.DatabaseRoles;
import dev.temper.testsupport.Database;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The app connects as a role that owns nothing: it reads and writes rows, only appends to the audit trail, and can
 * neither change the schema nor switch the audit trail's triggers off. Flyway migrates as the owner.
 */
@QuarkusTest
class AppRoleTest {

    private static final String APP = DatabaseRoles.DEMO_APP.user();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theAppConnectsAsTheAppRoleAndTheSchemaBelongsToTheOwner() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(single(sql, "select current_user")).isEqualTo(APP);
            assertThat(single(sql, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo(
                    "false");
            assertThat(single(sql, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user")).isEqualTo("0");
            assertThat(single(sql, "select tableowner from pg_tables where tablename = 'audit_entry'"))
                    .isEqualTo(DatabaseRoles.DEMO_OWNER.user());
        }
        try (Connection owner = Database.owner(); Statement sql = owner.createStatement()) {
            assertThat(single(sql, "select count(distinct installed_by) from flyway_schema_history")).isEqualTo("1");
            assertThat(single(sql, "select min(installed_by) from flyway_schema_history"))
                    .isEqualTo(DatabaseRoles.DEMO_OWNER.user());
        }
    }

    @Test
    void theAuditTrailCannotBeChangedRemovedOrUnprotectedByTheAppRole() throws SQLException {
        try (Connection app = Database.app(); Statement sql = app.createStatement()) {
            assertRefused(sql, "alter table audit_entry disable trigger audit_entry_no_update");
            assertRefused(sql, "alter table audit_entry disable trigger all");
            assertRefused(sql, "update audit_entry set actor = 'mallory'");
            assertRefused(sql, "delete from audit_entry");
            assertRefused(sql, "truncate audit_entry");
            assertRefused(sql, "drop table audit_entry");
            assertRefused(sql, "set session_replication_role = replica");
            assertRefused(sql, "update audit_anchor set last_hash = 'x'");
            assertRefused(sql, "delete from audit_anchor");
            assertRefused(sql, "truncate audit_anchor");
            assertRefused(sql, "alter table audit_entry drop constraint audit_entry_seq_unique");
            assertRefused(sql, "drop trigger audit_entry_no_update on audit_entry");
            assertRefused(sql, "create table mallory (id int)");
            assertRefused(sql, "select * from flyway_schema_history");
            assertThat(single(sql, "select count(*) from audit_entry")).isNotNull();
        }
    }

    @Test
    void everyTableButTheAuditTrailAndFlywaysHistoryIsReadAndWrittenByTheAppRole() throws SQLException {
        try (Connection owner = Database.owner(); Statement sql = owner.createStatement()) {
            List<String> lacking = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select tablename, has_table_privilege('" + APP
                    + "', 'public.' || tablename, 'select, insert') as appends, has_table_privilege('" + APP
                    + "', 'public.' || tablename, 'update') or has_table_privilege('" + APP
                    + "', 'public.' || tablename, 'delete') or has_table_privilege('" + APP
                    + "', 'public.' || tablename, 'truncate') as rewrites, has_table_privilege('" + APP
                    + "', 'public.' || tablename, 'update, delete') as changes from pg_tables"
                    + " where schemaname = 'public'")) {
                while (rows.next()) {
                    String table = rows.getString("tablename");
                    boolean expectedAppend = !table.equals("flyway_schema_history");
                    boolean expectedChange = expectedAppend && !table.startsWith("audit_");
                    if (rows.getBoolean("appends") != expectedAppend || rows.getBoolean("changes") != expectedChange
                            || (!expectedChange && rows.getBoolean("rewrites"))) {
                        lacking.add(table);
                    }
                }
            }
            assertThat(lacking).as("tables whose grants to the app role are not as intended").isEmpty();
        }
    }

    /** What a later migration creates (as the owner) is usable by the app role at once: default privileges. */
    @Test
    void aTableALaterMigrationCreatesIsReadAndWrittenByTheAppRole() throws SQLException {
        try (Connection owner = Database.owner(); Statement sql = owner.createStatement()) {
            sql.execute("create table later_migration_probe (id bigserial primary key, note text)");
        }
        try (Connection app = Database.app(); Statement sql = app.createStatement()) {
            sql.executeUpdate("insert into later_migration_probe (note) values ('a')");
            sql.executeUpdate("update later_migration_probe set note = 'b'");
            assertThat(single(sql, "select note from later_migration_probe")).isEqualTo("b");
            sql.executeUpdate("delete from later_migration_probe");
            assertRefused(sql, "drop table later_migration_probe");
        } finally {
            try (Connection owner = Database.owner(); Statement sql = owner.createStatement()) {
                sql.execute("drop table later_migration_probe");
            }
        }
    }

    private static void assertRefused(Statement sql, String statement) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                        .as(statement + ": " + e.getMessage())
                        .isEqualTo("42501")); // insufficient privilege
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
