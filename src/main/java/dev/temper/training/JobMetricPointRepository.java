package dev.temper.training;

import dev.temper.base.SqlRepository;
import dev.temper.contract.MetricPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Step-level metric points. A batch is one INSERT of unnested arrays, skipping points already stored: one
 * round trip whatever the batch size, and a resent batch is harmless.
 */
@ApplicationScoped
@SqlRepository
public class JobMetricPointRepository {

    private static final String INSERT = """
            insert into job_metric_point (job_id, name, step, epoch, value, attempt, recorded_at)
            select ?, n, s, e, v, ?, now()
            from unnest(?::varchar[], ?::int[], ?::int[], ?::float8[]) as p(n, s, e, v)
            on conflict do nothing""";

    private final EntityManager entityManager;

    JobMetricPointRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores the points not stored yet; returns how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int add(long jobId, int attempt, List<MetricPoint> points) {
        if (points.isEmpty()) {
            return 0;
        }
        String[] names = new String[points.size()];
        Integer[] steps = new Integer[points.size()];
        Integer[] epochs = new Integer[points.size()];
        Double[] values = new Double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            MetricPoint point = points.get(i);
            names[i] = point.name();
            steps[i] = point.step();
            epochs[i] = point.epoch();
            values[i] = point.value();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, jobId);
                insert.setInt(2, attempt);
                insert.setArray(3, connection.createArrayOf("varchar", names));
                insert.setArray(4, connection.createArrayOf("int4", steps));
                insert.setArray(5, connection.createArrayOf("int4", epochs));
                insert.setArray(6, connection.createArrayOf("float8", values));
                return insert.executeUpdate();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deleteAfterEpoch(long jobId, int epoch) {
        entityManager.createNativeQuery("delete from job_metric_point where job_id = ?1 and epoch > ?2")
                .setParameter(1, jobId).setParameter(2, epoch).executeUpdate();
    }

    /** The series of one name in step order, at most maxPoints of them, evenly thinned when there are more. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MetricPoint> series(long jobId, String name, int maxPoints) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from job_metric_point where job_id = ? and name = ?")) {
                count.setLong(1, jobId);
                count.setString(2, name);
                long total;
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
                long every = Math.max(1, (total + maxPoints - 1) / maxPoints);
                try (PreparedStatement select = connection.prepareStatement("""
                        select step, epoch, value from (
                            select step, epoch, value, row_number() over (order by step) - 1 as i
                            from job_metric_point where job_id = ? and name = ?) numbered
                        where i % ? = 0 order by step""")) {
                    select.setLong(1, jobId);
                    select.setString(2, name);
                    select.setLong(3, every);
                    List<MetricPoint> points = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            points.add(new MetricPoint(name, rows.getInt(1), rows.getInt(2), rows.getDouble(3)));
                        }
                    }
                    return points;
                }
            }
        });
    }
}
