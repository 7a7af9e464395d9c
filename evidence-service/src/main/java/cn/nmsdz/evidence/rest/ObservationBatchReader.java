package cn.nmsdz.evidence.rest;

import cn.nmsdz.evidence.idempotency.Idempotency;
import cn.nmsdz.evidence.idempotency.RequestFingerprint;
import cn.nmsdz.evidence.observation.ObservationInput;
import cn.nmsdz.evidence.observation.ObservationService;
import cn.nmsdz.support.rest.ConstraintProblems;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import cn.nmsdz.support.rest.ProblemMappers;
import cn.nmsdz.support.rest.RequestReading;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/**
 * Reads a submission of observations into an {@link ObservationBatch}, so the resource takes a typed body like every
 * other endpoint: each row bound to its record by the shared strict JSON reading and checked against the record's
 * constraints (the same problem as any other body, the field under the row's index: {@code /3/value}).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class ObservationBatchReader implements MessageBodyReader<ObservationBatch> {

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    RequestReading reading;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ObservationBatch.class;
    }

    @Override
    public ObservationBatch readFrom(Class<ObservationBatch> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        // the fingerprint names the operation: the path of the request being read
        var request = CurrentRequestManager.get();
        // HttpHeaders looks the name up case-insensitively (the resource's @HeaderParam finds the key the same way)
        return read(reading.limited(body), request.getUriInfo().getPath(),
                request.getHttpHeaders().getHeaderString(Idempotency.HEADER) != null);
    }

    /**
     * One object or an array, read as it streams, one row at a time: a batch is never held as one tree (400,000 rows
     * once took the service's heap), and reading stops at row 10,001. A row that cannot be read is reported with its
     * index, every such row at once; a body that is not JSON is reported where it breaks.
     *
     * @param keyed whether the request names an Idempotency-Key: only then is the body fingerprinted (a canonical copy
     *              and a SHA-256 of every row, issue 12), since only a key is ever compared with it
     */
    ObservationBatch read(InputStream body, String path, boolean keyed) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ProblemException.missingBody("a JSON observation or an array of observations")
                        .chinese("缺少请求体：需要一条 JSON 数据或数据数组");
            }
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("the body must be a JSON object or array", List.of())
                        .typed(ProblemType.MALFORMED_BODY).chinese("请求体必须是 JSON 对象或数组");
            }
            boolean array = first == JsonToken.START_ARRAY;
            RequestFingerprint.Rows fingerprint = keyed ? new RequestFingerprint.Rows("POST", path, array ? "array" : "object")
                    : null;
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
                        .typed(ProblemType.MALFORMED_BODY).chinese("请求体不是有效的 JSON：JSON 值之后还有内容");
            }
            if (!errors.isEmpty()) {
                ProblemException unreadable = ProblemException.badRequest(errors.size() + " unreadable row(s); nothing "
                        + "was stored", errors).typed(ProblemType.MALFORMED_BODY).chinese(errors.size() + " 行无法读取；未保存任何内容");
                throw array ? unreadable : ObservationResource.withinTheObject(unreadable);
            }
            // each row against the record's constraints, every broken one at once, under its index (/3/value)
            List<Problem.FieldError> invalid = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) != null) {
                    invalid.addAll(ConstraintProblems.errors(validator.validate(rows.get(i)), array ? "/" + i : ""));
                }
            }
            if (!invalid.isEmpty()) {
                throw ConstraintProblems.problem(invalid);
            }
            return new ObservationBatch(rows, fingerprint == null ? null : fingerprint.digest(), array);
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
        if (fingerprint != null) {
            fingerprint.add(node);
        }
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
