package cn.nmsdz.evidence.rest;

import cn.nmsdz.evidence.core.EvidenceEntity;
import cn.nmsdz.evidence.core.EvidenceView;
import cn.nmsdz.evidence.idempotency.Idempotency;
import cn.nmsdz.evidence.idempotency.RequestFingerprint;
import cn.nmsdz.evidence.observation.ObservationInput;
import cn.nmsdz.evidence.observation.ObservationService;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.RegionScope;
import cn.nmsdz.support.rest.ConstraintProblems;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemMappers;
import cn.nmsdz.support.rest.RequestReading;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Figures, documents, claims and expert verdicts submitted by departments and systems")
@Authenticated
public class ObservationResource {

    @Inject
    ObservationService observations;

    @Inject
    Idempotency idempotency;

    @Inject
    RegionScope regions;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    RequestReading reading;

    @Inject
    Validator validator;

    @POST
    @Path("/regions/{code}/observations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"evidence-submitter", "data-provider"})
    @Operation(summary = "Submit metric observations (one or a batch)",
            description = "A JSON object for one observation, or an array of up to 10,000. All-or-nothing: every bad row "
                    + "is reported by index and reason, and nothing is stored. Observations of a data-provider are "
                    + "ACCEPTED on arrival; others are SUBMITTED for review. A submitter writes only figures of "
                    + "indicators its department owns in the region's task decomposition.")
    @APIResponse(responseCode = "201", description = "Stored; the new evidence records")
    @APIResponse(responseCode = "400", description = "Every problem of every row")
    @APIResponse(responseCode = "403", description = "Not your region, or not your department's indicator")
    @APIResponse(responseCode = "413", description = "More than 10,000 rows, or a body over the JSON limit "
            + "(nmsdz.json.max-body-size, 8 MiB): nothing is stored; send the rest in another request")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for another request")
    public Response submit(@PathParam("code") String region,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObservationInput.class))) InputStream body,
            @Parameter(description = "makes a retried POST harmless: same key and body → the first response again")
            @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        regions.requireWrite(caller, region);
        Batch batch = read(reading.limited(body), uri.getPath());
        try {
            return idempotency.execute(key, caller.user(), batch.fingerprint(), () -> {
                List<EvidenceEntity> stored = observations.submit(region, batch.rows(), caller);
                return Response.status(201).entity(stored.stream().map(EvidenceView::of).toList()).build();
            });
        } catch (ProblemException e) {
            throw batch.array() ? e : withinTheObject(e);
        }
    }

    /** The rows are checked by index (/0/year); a body of one object names its fields from the object (/year). */
    static ProblemException withinTheObject(ProblemException e) {
        return new ProblemException(e.status(), e.title(), e.getMessage(), e.errors().stream()
                .map(f -> new Problem.FieldError(withinTheObject(f.field()), f.message().replace(f.field(), withinTheObject(f.field()))))
                .toList()).chinese(e.chineseDetail(), e.chineseErrors() == null ? null : e.chineseErrors().stream()
                .map(f -> new Problem.FieldError(withinTheObject(f.field()), f.message().replace(f.field(), withinTheObject(f.field()))))
                .toList()).typed(e.type());
    }

    static String withinTheObject(String field) {
        return field != null && field.startsWith("/0/") ? field.substring(2) : field;
    }

    /** The rows of a submission and the fingerprint of what it asks for. */
    record Batch(List<ObservationInput> rows, String fingerprint, boolean array) {
    }

    /**
     * One object or an array, read as it streams, one row at a time: a batch is never held as one tree (400,000 rows
     * once took the service's heap), and reading stops at row 10,001. A row that cannot be read is reported with its
     * index, every such row at once; a body that is not JSON is reported where it breaks.
     */
    Batch read(InputStream body, String path) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ProblemException.missingBody("a JSON observation or an array of observations")
                        .chinese("缺少请求体：需要一条 JSON 数据或数据数组");
            }
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("the body must be a JSON object or array", List.of())
                        .chinese("请求体必须是 JSON 对象或数组");
            }
            boolean array = first == JsonToken.START_ARRAY;
            RequestFingerprint.Rows fingerprint = new RequestFingerprint.Rows("POST", path, array ? "array" : "object");
            List<ObservationInput> rows = new ArrayList<>();
            List<Problem.FieldError> errors = new ArrayList<>();
            if (array) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (rows.size() == ObservationService.MAX_BATCH) {
                        throw new ProblemException(413, "Content Too Large", "a batch holds at most "
                                + ObservationService.MAX_BATCH + " observations; this one has more: nothing was stored, "
                                + "send the rest in another request",
                                List.of(new Problem.FieldError("/" + rows.size(), "beyond the limit of "
                                        + ObservationService.MAX_BATCH + " rows")))
                                .chinese("一批最多 " + ObservationService.MAX_BATCH + " 条数据；这一批更多：未保存任何内容，"
                                        + "请用另一个请求发送其余的数据");
                    }
                    row(parser, rows.size(), rows, errors, fingerprint);
                }
            } else {
                row(parser, 0, rows, errors, fingerprint);
            }
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("the body is not valid JSON: something follows the JSON value", List.of())
                        .chinese("请求体不是有效的 JSON：JSON 值之后还有内容");
            }
            if (!errors.isEmpty()) {
                ProblemException unreadable = ProblemException.badRequest(errors.size() + " unreadable row(s); nothing "
                        + "was stored", errors).chinese(errors.size() + " 行无法读取；未保存任何内容");
                throw array ? unreadable : withinTheObject(unreadable);
            }
            // each row against the record's constraints, every broken one at once, under its index (/3/value)
            List<Problem.FieldError> invalid = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) != null) {
                    invalid.addAll(ConstraintProblems.problem(validator.validate(rows.get(i)), array ? "/" + i : "").errors());
                }
            }
            if (!invalid.isEmpty()) {
                throw ConstraintProblems.problem(invalid);
            }
            return new Batch(rows, fingerprint.digest(), array);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.unreadable(e);
        } catch (IOException e) {
            if (e instanceof RequestReading.BodyTooLarge tooLarge) {
                throw new ProblemException(413, "Content Too Large", tooLarge.getMessage());
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the row the parser stands at (its first token); a row that is not an observation is an error at its index. */
    private void row(JsonParser parser, int index, List<ObservationInput> rows, List<Problem.FieldError> errors,
            RequestFingerprint.Rows fingerprint) throws IOException {
        // one row of the stream: what follows it is the next row, not trailing garbage
        JsonNode node = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(parser);
        fingerprint.add(node);
        try {
            rows.add(node == null || node.isNull() ? null : json.treeToValue(node, ObservationInput.class));
        } catch (JsonProcessingException e) {
            rows.add(null);
            String field = ProblemMappers.field(e);
            String at = "/" + index + (field == null ? "" : field);
            errors.add(new Problem.FieldError(at, ProblemMappers.jsonDetail(e, at)));
        } catch (IllegalArgumentException e) {
            rows.add(null);
            errors.add(new Problem.FieldError("/" + index, "is not an observation"));
        }
    }
}
