package dev.temper.training;

import dev.temper.base.SqlRepository;
import dev.temper.contract.LogLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.Session;

/** Workers' log lines, kept per attempt; a resent line (same attempt and seq) is skipped. */
@ApplicationScoped
@SqlRepository
public class JobLogRepository {

    private final EntityManager entityManager;

    JobLogRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }


    @Transactional(Transactional.TxType.MANDATORY)
    public int add(long jobId, int attempt, List<LogLine> lines) {
        if (lines.isEmpty()) {
            return 0;
        }
        Integer[] seqs = new Integer[lines.size()];
        Timestamp[] times = new Timestamp[lines.size()];
        String[] texts = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            LogLine line = lines.get(i);
            seqs[i] = line.seq();
            times[i] = Timestamp.from(line.at() == null ? Instant.now() : line.at());
            texts[i] = LogLine.cut(line.line());
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into job_log_line (job_id, attempt, seq, logged_at, line)
                    select ?, ?, s, t, l from unnest(?::int[], ?::timestamptz[], ?::text[]) as g(s, t, l)
                    on conflict do nothing""")) {
                insert.setLong(1, jobId);
                insert.setInt(2, attempt);
                insert.setArray(3, connection.createArrayOf("int4", seqs));
                insert.setArray(4, connection.createArrayOf("timestamptz", times));
                insert.setArray(5, connection.createArrayOf("text", texts));
                return insert.executeUpdate();
            }
        });
    }

    /** The last lines of the job's log over all its attempts, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobLogEntry> tail(long jobId, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select attempt, seq, logged_at, line from job_log_line where job_id = ?
                    order by attempt desc, seq desc limit ?""")) {
                select.setLong(1, jobId);
                select.setInt(2, limit);
                List<JobLogEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new JobLogEntry(rows.getInt(1), rows.getInt(2), rows.getTimestamp(3).toInstant(),
                                rows.getString(4)));
                    }
                }
                Collections.reverse(entries);
                return entries;
            }
        });
    }
}
