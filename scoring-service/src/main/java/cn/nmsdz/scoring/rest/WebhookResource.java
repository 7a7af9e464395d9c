package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.notify.CampaignEventEntity;
import cn.nmsdz.scoring.notify.CampaignEventTypes;
import cn.nmsdz.scoring.notify.Notifications;
import cn.nmsdz.scoring.notify.WebhookAttemptEntity;
import cn.nmsdz.scoring.notify.WebhookDeliveryEntity;
import cn.nmsdz.scoring.notify.WebhookSubscriptionEntity;
import cn.nmsdz.scoring.notify.WebhookTargets;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhooks for other government systems (OA, 政务 messaging): the campaign's events, signed, retried until delivered. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Campaign events as signed CloudEvents over HTTP POST")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not creation-office or catalogue-admin, or an office naming another region")
@Authenticated
public class WebhookResource {
    static final int MIN_SECRET = 16;

    @Schema(description = "A new subscription; the secret is shown to nobody after this request")
    public record WebhookRequest(@Schema(example = "https://oa.pinglu.gov.cn/hooks/nmsdz") String url,
            @Schema(example = "[\"cn.nmsdz.campaign.item-overdue.v1\"]") List<String> eventTypes,
            @Schema(description = "Region filter; required for a creation office (its own region); null for the admin: all",
                    example = "140829") String region,
            @Schema(description = "At least 16 characters; signs every delivery", example = "s3cr3t-s3cr3t-s3cr3t") String secret) {
    }

    @Schema(description = "A subscription as stored (never with its secret)")
    public record WebhookView(String id, String url, List<String> eventTypes, String region, String createdBy,
            OffsetDateTime createdAt) {
    }

    public record Attempt(OffsetDateTime at, Integer status, String error, long durationMs) {
    }

    public record Delivery(long id, String eventId, String eventType, String state, int attempts, OffsetDateTime nextAttemptAt,
            OffsetDateTime deliveredAt, List<Attempt> log) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    WebhookTargets targets;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({"creation-office", "catalogue-admin"})
    @Operation(summary = "Subscribe a receiver to campaign events",
            description = "Each delivery is a CloudEvent (application/cloudevents+json) POSTed to the URL with the header "
                    + "X-NMSDZ-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>; retried with backoff until a "
                    + "2xx, at least once per event id (dedupe on the CloudEvent id). Only http(s) targets; a target on a "
                    + "loopback, link-local or private address is refused unless nmsdz.webhooks.allowed-hosts names it. "
                    + "Event types: " + "cn.nmsdz.campaign.{item-overdue, item-due-soon, task-overdue, evidence-rejected, "
                    + "evidence-awaiting-review, awaiting-expert, pass-line-crossed}.v1")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "office", value = """
            {"url": "https://oa.pinglu.gov.cn/hooks/nmsdz", "eventTypes": ["cn.nmsdz.campaign.item-overdue.v1"],
             "region": "140829", "secret": "s3cr3t-s3cr3t-s3cr3t"}""")))
    @APIResponse(responseCode = "201", description = "Created; the secret is not returned")
    @APIResponse(responseCode = "400", description = "Every problem, each naming its field; nothing stored")
    public Response create(WebhookRequest body) {
        if (body == null) {
            throw ProblemException.missingBody("a JSON body");
        }
        String own = Caller.of(identity).region();
        boolean admin = identity.hasRole("catalogue-admin");
        if (!admin && body.region() != null && !body.region().equals(own)) {
            throw ProblemException.forbidden("rule own-region: a creation office subscribes to the events of its own region "
                    + own + ", not " + body.region());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.url() == null || body.url().isBlank()) {
            errors.add(new Problem.FieldError("/url", "目标网址必填 / is required"));
        } else {
            targets.refusal(body.url().strip()).ifPresent(why -> errors.add(new Problem.FieldError("/url", why)));
        }
        if (body.eventTypes() == null || body.eventTypes().isEmpty()) {
            errors.add(new Problem.FieldError("/eventTypes", "至少订阅一种事件 / name at least one of " + CampaignEventTypes.ALL));
        } else {
            for (int i = 0; i < body.eventTypes().size(); i++) {
                if (!CampaignEventTypes.ALL.contains(body.eventTypes().get(i))) {
                    errors.add(new Problem.FieldError("/eventTypes/" + i, "未知事件类型 / must be one of " + CampaignEventTypes.ALL));
                }
            }
        }
        if (body.secret() == null || body.secret().length() < MIN_SECRET) {
            errors.add(new Problem.FieldError("/secret", "密钥至少 " + MIN_SECRET + " 个字符 / at least " + MIN_SECRET + " characters"));
        }
        if (!admin && body.region() == null) {
            errors.add(new Problem.FieldError("/region", "创建办须指定本地区 / a creation office subscribes for its own region " + own));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " 处问题，未保存 / " + errors.size() + " problem(s) found; nothing was stored",
                    errors);
        }
        WebhookSubscriptionEntity s = new WebhookSubscriptionEntity();
        s.id = UUID.randomUUID().toString();
        s.url = body.url().strip();
        try {
            s.eventTypes = EventEnvelope.JSON.writeValueAsString(body.eventTypes().stream().distinct().toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.region = body.region();
        s.secret = body.secret();
        s.createdBy = identity.getPrincipal().getName();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
        return Response.created(URI.create("/api/v1/webhooks/" + s.id)).entity(view(s)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({"creation-office", "catalogue-admin"})
    @Operation(summary = "The subscriptions I may see", description = "The admin sees all; an office those of its region. Never the secret.")
    public List<WebhookView> list() {
        return WebhookSubscriptionEntity.<WebhookSubscriptionEntity>list("order by createdAt").stream()
                .filter(this::visible).map(WebhookResource::view).toList();
    }

    @GET
    @Path("/{id}/deliveries")
    @Transactional
    @RolesAllowed({"creation-office", "catalogue-admin"})
    @Operation(summary = "The delivery log of a subscription", description = "Every delivery, newest first, with every attempt "
            + "(time, HTTP status or what went wrong, duration).")
    @APIResponse(responseCode = "404", description = "No such subscription that I may see")
    public List<Delivery> deliveries(@PathParam("id") String id) {
        WebhookSubscriptionEntity s = Optional.ofNullable(WebhookSubscriptionEntity.<WebhookSubscriptionEntity>findById(id))
                .filter(this::visible).orElseThrow(() -> ProblemException.notFound("no webhook subscription " + id));
        return WebhookDeliveryEntity.<WebhookDeliveryEntity>list("subscriptionId = ?1 order by id desc", s.id).stream()
                .limit(1000)
                .map(d -> new Delivery(d.id, d.eventId, CampaignEventEntity.<CampaignEventEntity>findByIdOptional(d.eventId)
                        .map(e -> e.type).orElse(null), d.state, d.attempts, d.nextAttemptAt, d.deliveredAt,
                        WebhookAttemptEntity.<WebhookAttemptEntity>list("deliveryId = ?1 order by id", d.id).stream()
                                .map(a -> new Attempt(a.at, a.status, a.error, a.durationMs)).toList()))
                .toList();
    }

    private boolean visible(WebhookSubscriptionEntity s) {
        if (identity.hasRole("catalogue-admin")) {
            return true;
        }
        String own = Caller.of(identity).region();
        return own != null && own.equals(s.region);
    }

    static WebhookView view(WebhookSubscriptionEntity s) {
        return new WebhookView(s.id, s.url, Notifications.types(s), s.region, s.createdBy, s.createdAt);
    }
}
