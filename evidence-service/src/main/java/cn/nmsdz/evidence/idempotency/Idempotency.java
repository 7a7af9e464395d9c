package cn.nmsdz.evidence.idempotency;

import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotency-Key on a POST: the first request of a (caller, key) runs and its response is stored in
 * the same transaction as what it created; a retry with the same request gets that response again
 * (status and body) and stores nothing; the same key with another request is refused (422).
 * A failed request (a problem) stores nothing, the key included, so it may be retried corrected.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional
    public Response execute(String key, String caller, String fingerprint, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        String problem = RequestFingerprint.checkKey(key);
        if (problem != null) {
            throw ProblemException.badRequest("unusable " + HEADER, List.of(new Problem.FieldError(HEADER, problem)))
                    .typed(ProblemType.INVALID_FIELD).chinese("幂等键 " + HEADER + " 不可用");
        }
        // claims the key; a concurrent request with the same key waits here until the first commits
        int claimed = em.createNativeQuery("insert into idempotency_record(caller, idem_key, fingerprint, created_at) "
                + "values (:c, :k, :f, now()) on conflict do nothing")
                .setParameter("c", caller).setParameter("k", key).setParameter("f", fingerprint).executeUpdate();
        IdempotencyRecordEntity record = IdempotencyRecordEntity.findById(new IdempotencyRecordEntity.Key(caller, key));
        if (claimed == 0) {
            if (!record.fingerprint.equals(fingerprint)) {
                throw new ProblemException(422, "Idempotency-Key reused",
                        "this " + HEADER + " was used for a different request; use a new key for a new request",
                        List.of(new Problem.FieldError(HEADER, "already used with another request body or path")))
                        .typed(ProblemType.IDEMPOTENCY_KEY_REUSE).chinese("这个幂等键 " + HEADER + " 已用于另一个请求；新的请求请使用新的键");
            }
            return Response.status(record.status).type(MediaType.APPLICATION_JSON).entity(record.body)
                    .header(REPLAYED, "true").build();
        }
        Response response = action.get();
        try {
            record.status = response.getStatus();
            record.body = json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Response.status(record.status).type(MediaType.APPLICATION_JSON).entity(record.body).build();
    }
}
