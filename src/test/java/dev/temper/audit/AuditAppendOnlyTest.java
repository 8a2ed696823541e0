package dev.temper.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.testsupport.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The database itself refuses to change or remove audit entries, whatever the application does: even the superuser,
 * who has every privilege, is stopped by the triggers while they are on (the app's role is refused earlier, for want
 * of the privilege: see AppRoleTest).
 */
@QuarkusTest
class AuditAppendOnlyTest {

    @Inject
    AuditLog auditLog;

    @Test
    void updatesDeletesAndTruncationAreRefused() throws SQLException {
        QuarkusTransaction.requiringNew().run(() ->
                auditLog.record("tester", "team-a", AuditAction.QUOTA_RESET, "team-a", "an entry to tamper with"));
        try (Connection connection = Database.superuser(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update audit_entry set actor = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from audit_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("truncate audit_entry"))
                    .hasMessageContaining("append-only");
            try (var rows = sql.executeQuery("select count(*) from audit_entry where actor = 'mallory'")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }
}
