package dev.temper.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.temper.audit.AuditResource.AuditEntryDto;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Streams the filtered trail as JSON Lines or CSV, oldest first, a batch of rows at a time: nothing holds the
 * whole export in memory. The role is checked before the first byte, so a refusal is a plain 403.
 */
@ApplicationScoped
public class AuditExport {

    static final String CSV_HEADER = "id,seq,occurredAt,actor,team,action,objectType,objectId,outcome,details,"
            + "prevHash,hash";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final AuditService service;

    AuditExport(AuditService service) {
        this.service = service;
    }

    public StreamingOutput jsonLines(CurrentUser user, AuditFilter filter) {
        user.requireRole(Roles.ADMIN, "export the audit trail");
        return out -> write(user, filter, out, null, entry -> JSON.writeValueAsString(AuditEntryDto.of(entry)));
    }

    public StreamingOutput csv(CurrentUser user, AuditFilter filter) {
        user.requireRole(Roles.ADMIN, "export the audit trail");
        return out -> write(user, filter, out, CSV_HEADER, AuditExport::csvRow);
    }

    private interface Line {
        String of(AuditEntry entry) throws IOException;
    }

    private void write(CurrentUser user, AuditFilter filter, java.io.OutputStream out, String header, Line line)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (header != null) {
            writer.write(header);
            writer.write('\n');
        }
        try {
            // The body is written after the resource method returned, so it reads in a transaction of its own.
            QuarkusTransaction.requiringNew().run(() -> service.export(user, filter, entry -> {
                try {
                    writer.write(line.of(entry));
                    writer.write('\n');
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }));
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        writer.flush();
    }

    static String csvRow(AuditEntry e) {
        return Stream.of(String.valueOf(e.id), String.valueOf(e.seq), e.occurredAt.toString(), e.actor, e.team,
                        e.action, e.objectType, e.objectId, e.outcome, e.details, e.prevHash, e.hash)
                .map(AuditExport::csvField).collect(Collectors.joining(","));
    }

    /**
     * RFC 4180 quoting; a value a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe, as
     * actors and details are typed by users. JSON Lines keeps every value exactly.
     */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
