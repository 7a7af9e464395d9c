package cn.nmsdz.scoring.projection;

import jakarta.persistence.EntityManager;

/**
 * The assessment year of a claim or expert assessment given before judgements carried one (an old event replayed
 * from evidence.events): the highest year of the region's own figures received before the judgement's first
 * version, 2025 when there were none. The same rule as the migrations V7__judgement_year.sql here and
 * V1_3__judgement_year.sql in evidence-service, so a rebuilt projection names the year evidence-service shows.
 */
public final class LegacyJudgementYear {
    static final int WITHOUT_FIGURES = 2025;

    private LegacyJudgementYear() {
    }

    public static int of(EntityManager em, String evidenceId, String region, long position) {
        Number first = (Number) em.createNativeQuery("select min(position) from evidence_fact_version where evidence_id = ?1")
                .setParameter(1, evidenceId).getSingleResult();
        long given = first == null ? position : Math.min(first.longValue(), position);
        Number year = (Number) em.createNativeQuery("select max(year) from evidence_fact_version"
                        + " where region = ?1 and kind = 'OBSERVATION' and position < ?2")
                .setParameter(1, region).setParameter(2, given).getSingleResult();
        return year == null ? WITHOUT_FIGURES : year.intValue();
    }
}
