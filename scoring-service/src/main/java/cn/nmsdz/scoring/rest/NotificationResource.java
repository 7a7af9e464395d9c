package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.notify.Notifications;
import jakarta.ws.rs.DefaultValue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.support.rest.PersonalData;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The inbox of the calling user: the notifications of its region addressed to its department (claim department) or to
 * one of its roles (creation-office, evidence-reviewer; an expert's for the regions in assigned_regions).
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The inbox per user: reminders, rejections, evidence awaiting review, "
        + "items awaiting experts, the pass line crossed")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@Authenticated
@PersonalData
public class NotificationResource {
    static final List<String> ROLES = List.of("creation-office", "evidence-reviewer", "expert", "assessment-authority");

    public record NotificationView(long id, String eventId, String type, String region, String subject, String message,
            String recipient, OffsetDateTime createdAt, boolean read) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @GET
    @Transactional
    @Operation(summary = "My notifications, newest first",
            description = "Scoped by the token: its region's notifications to its department and to its roles (experts: their "
                    + "assigned regions). `unread=true` leaves out what was marked read.")
    public List<NotificationView> inbox(@QueryParam("unread") boolean unreadOnly, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        StringBuilder where = new StringBuilder("false");
        List<Object> params = new ArrayList<>();
        Caller caller = Caller.of(identity);
        String region = caller.region();
        String department = caller.department();
        if (region != null && department != null) {
            params.add(region);
            params.add(department);
            where.append(" or (n.region = ?").append(params.size() - 1).append(" and n.recipient_kind = 'DEPARTMENT' and n.recipient = ?")
                    .append(params.size()).append(")");
        }
        for (String role : ROLES) {
            if (!identity.hasRole(role)) {
                continue;
            }
            Set<String> regions = Caller.EXPERT.equals(role) ? caller.assignedRegions()
                    : region == null ? Set.of() : Set.of(region);
            for (String r : regions) {
                params.add(r);
                params.add(role);
                where.append(" or (n.region = ?").append(params.size() - 1).append(" and n.recipient_kind = 'ROLE' and n.recipient = ?")
                        .append(params.size()).append(")");
            }
        }
        params.add(identity.getPrincipal().getName());
        int user = params.size();
        String sql = "select n.id, e.id as event_id, e.type, n.region, e.subject, e.message, n.recipient, n.created_at, "
                + "(r.notification_id is not null) as read from notification n join campaign_event e on e.id = n.event_id "
                + "left join notification_read r on r.notification_id = n.id and r.username = ?" + user
                + " where (" + where + ")" + (unreadOnly ? " and r.notification_id is null" : "")
                + " order by n.id desc limit " + limit;
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new NotificationView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], time(r[7]), (Boolean) r[8])).toList();
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    @Operation(summary = "Mark one of my notifications read")
    @APIResponse(responseCode = "204", description = "Marked (also when it was already)")
    @APIResponse(responseCode = "404", description = "No such notification in my inbox")
    public void markRead(@PathParam("id") String idParam) {
        long id;
        try {
            id = Long.parseLong(idParam);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no notification " + idParam + " in your inbox");
        }
        boolean mine = inbox(false, 1000).stream().anyMatch(n -> n.id() == id);
        if (!mine) {
            throw ProblemException.notFound("no notification " + id + " in your inbox");
        }
        em.createNativeQuery("insert into notification_read (notification_id, username, read_at) values (?1, ?2, ?3) "
                + "on conflict do nothing").setParameter(1, id).setParameter(2, identity.getPrincipal().getName())
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    private static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
