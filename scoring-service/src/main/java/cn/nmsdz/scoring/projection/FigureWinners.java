package cn.nmsdz.scoring.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Objects;

/**
 * The figures a new snapshot can count (table {@code figure_winner}, migration V18), kept as the projection applies
 * evidence: per region, metric, year and subject the newest accepted figure (the confirmed basis) and the newest
 * accepted or submitted one (the projected basis), by position, as the engine picks them. Refreshing a key reads only
 * that key's current figures (an index range), so applying a figure costs the same however many a region holds.
 */
@ApplicationScoped
public class FigureWinners {
    private static final String PICK = "(select region, metric, year, subject, '%s', evidence_id, position, state, value"
            + " from evidence_fact where kind = 'OBSERVATION' and region = ?1 and metric = ?2 and year = ?3 and %s"
            + " and value is not null and state in (%s) order by position desc limit 1)";

    @Inject
    EntityManager em;

    /**
     * After a figure's new state was applied: the winners of its key, and of the key its previous version had if that
     * differs ({@code before} is null for a new figure). Evidence of other kinds changes no figure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(EvidenceFactFields before, EvidenceFactFields after) {
        if (before != null && isFigure(before) && !(isFigure(after) && sameKey(before, after))) {
            refresh(before.region, before.metric, before.year, before.subject);
        }
        if (isFigure(after)) {
            refresh(after.region, after.metric, after.year, after.subject);
        }
    }

    private void refresh(String region, String metric, int year, String subject) {
        em.flush(); // the figure's new state must be visible to the statements below
        String subjectIs = subject == null ? "subject is null" : "subject = ?4";
        Query delete = em.createNativeQuery("delete from figure_winner where region = ?1 and metric = ?2 and year = ?3 and "
                + subjectIs);
        Query insert = em.createNativeQuery("insert into figure_winner (region, metric, year, subject, basis, evidence_id,"
                + " position, state, value) " + PICK.formatted("CONFIRMED", subjectIs, "'ACCEPTED'")
                + " union all " + PICK.formatted("PROJECTED", subjectIs, "'ACCEPTED', 'SUBMITTED'"));
        for (Query statement : new Query[] {delete, insert}) {
            statement.setParameter(1, region).setParameter(2, metric).setParameter(3, year);
            if (subject != null) {
                statement.setParameter(4, subject);
            }
            statement.executeUpdate();
        }
    }

    private static boolean isFigure(EvidenceFactFields f) {
        return "OBSERVATION".equals(f.kind) && f.region != null && f.metric != null && f.year != null;
    }

    private static boolean sameKey(EvidenceFactFields a, EvidenceFactFields b) {
        return a.region.equals(b.region) && a.metric.equals(b.metric) && a.year.equals(b.year)
                && Objects.equals(a.subject, b.subject);
    }
}
