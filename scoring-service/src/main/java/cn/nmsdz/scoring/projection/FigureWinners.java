package cn.nmsdz.scoring.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * The figures a new snapshot can count (table {@code figure_winner}, migration V18), kept as the projection applies
 * evidence: per region, metric, year and subject the newest accepted figure (the confirmed basis) and the newest
 * accepted or submitted one (the projected basis), by position, as the engine picks them. Refreshing a key reads only
 * that key's current figures (an index range), so applying a figure costs the same however many a region holds; the
 * consumer refreshes the keys a poll changed once, at its end (a burst of one metric and year is one refresh).
 */
@ApplicationScoped
public class FigureWinners {
    private static final String PICK = "(select region, metric, year, subject, '%s', evidence_id, position, state, value"
            + " from evidence_fact where kind = 'OBSERVATION' and region = ?1 and metric = ?2 and year = ?3 and %s"
            + " and value is not null and state in (%s) order by position desc limit 1)";

    @Inject
    EntityManager em;

    /** A figure key: region, metric, year and subject (null: region-wide). */
    public record Key(String region, String metric, int year, String subject) {
        static Key of(EvidenceFactFields f) {
            return new Key(f.region, f.metric, f.year, f.subject);
        }
    }

    /**
     * Adds the keys whose winners a figure's new state changes: its key, and the key its previous version had if that
     * differs ({@code before} is null for a new figure). Evidence of other kinds changes no figure.
     */
    public static void changed(EvidenceFactFields before, EvidenceFactFields after, Set<Key> keys) {
        if (before != null && isFigure(before)) {
            keys.add(Key.of(before));
        }
        if (isFigure(after)) {
            keys.add(Key.of(after));
        }
    }

    /** Refreshes the winners of the keys, in the transaction that applied their figures' new states. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Set<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        em.flush(); // the figures' new states must be visible to the statements below
        for (Key key : keys) {
            refresh(key.region(), key.metric(), key.year(), key.subject());
        }
    }

    private void refresh(String region, String metric, int year, String subject) {
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
}
