package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.organisation.CampaignViews.Change;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The append-only history of a region's organisation data: every write records who changed which subject when,
 * with the state before and after, in the transaction of the change.
 */
@ApplicationScoped
public class OrganisationHistory {

    @Inject
    SecurityIdentity identity;

    /** Records a change (nothing when before and after are the same). Must run inside the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String region, String subject, Object before, Object after) {
        String b = before == null ? null : JsonLists.write(before);
        String a = after == null ? null : JsonLists.write(after);
        if (Objects.equals(a, b)) {
            return;
        }
        OrganisationChangeEntity e = new OrganisationChangeEntity();
        e.regionCode = region;
        e.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.actor = actor();
        e.subject = subject;
        e.before = b;
        e.after = a;
        e.persist();
    }

    /** Newest first; {@code subject} filters by prefix ("schedule 3", "department"). */
    public List<Change> list(String region, String subject, int limit) {
        List<OrganisationChangeEntity> rows = subject == null || subject.isBlank()
                ? OrganisationChangeEntity.find("regionCode = ?1 order by id desc", region).page(0, limit).list()
                : OrganisationChangeEntity.find("regionCode = ?1 and subject like ?2 order by id desc", region,
                        subject.replace("%", "").replace("_", "\\_") + "%").page(0, limit).list();
        return rows.stream().map(e -> new Change(e.id, e.changedAt, e.actor, e.subject, e.before, e.after)).toList();
    }

    private String actor() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return "system";
        }
        return identity.getPrincipal().getName();
    }
}
