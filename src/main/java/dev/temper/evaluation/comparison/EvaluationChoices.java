package dev.temper.evaluation.comparison;

import dev.temper.evaluation.EvaluationResult;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Evaluations that can be compared (their per-example outcomes were kept), newest first, a page at a time and as
 * small rows: the picker on the comparison page never loads reports or curves.
 */
@ApplicationScoped
public class EvaluationChoices implements PanacheRepository<EvaluationResult> {

    private static final String MODEL = "concat(m.name, ' v', cast(m.version as String))";
    private static final String DATASET = "concat(ds.name, ' v', cast(d.version as String))";
    /** {@link EvaluationChoice#label()}, written in HQL so that the filter matches what the picker shows. */
    private static final String LABEL = "lower(concat('Evaluation ', cast(r.id as String), ': ', " + MODEL + ", ' on ', "
            + DATASET + ", ', ', r.suiteVersion))";

    /**
     * @param datasetVersionId only evaluations on this version; null for any
     * @param filter           part of the label, any case; blank for any
     */
    List<EvaluationChoice> page(Collection<String> teams, Long datasetVersionId, String filter, int offset, int limit) {
        boolean filtered = filter != null && !filter.isBlank();
        String hql = "select new dev.temper.evaluation.comparison.EvaluationChoice(r.id, " + MODEL + ", d.id, " + DATASET
                + ", r.suiteVersion) from EvaluationResult r join r.modelVersion m join r.datasetVersion d "
                + "join d.dataset ds where r.team in :teams and r.perExampleKey is not null"
                + (datasetVersionId == null ? "" : " and d.id = :dataset")
                + (filtered ? " and " + LABEL + " like :text escape '\\'" : "")
                + " order by r.id desc";
        TypedQuery<EvaluationChoice> query = getEntityManager().createQuery(hql, EvaluationChoice.class)
                .setParameter("teams", teams);
        if (datasetVersionId != null) {
            query.setParameter("dataset", datasetVersionId);
        }
        if (filtered) {
            query.setParameter("text", "%" + escape(filter.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** A user's % or _ matches itself, not any text. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
