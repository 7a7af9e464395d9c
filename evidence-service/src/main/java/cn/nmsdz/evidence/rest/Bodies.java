package cn.nmsdz.evidence.rest;

import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads a JSON body into its record; an unreadable field is a problem naming it, not a 500. */
final class Bodies {
    private Bodies() {
    }

    static <T> T read(ObjectMapper json, JsonNode body, Class<T> type, boolean required) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            if (required) {
                throw ProblemException.badRequest("a JSON object is required", List.of(new Problem.FieldError("/", "missing body")));
            }
            return null;
        }
        if (!body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object", List.of(new Problem.FieldError("/", "not an object")));
        }
        try {
            return json.treeToValue(body, type);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "/" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw ProblemException.badRequest("unreadable body", List.of(new Problem.FieldError(field == null ? "/" : field,
                    e.getOriginalMessage().split("\n")[0])));
        } catch (Exception e) {
            throw ProblemException.badRequest("unreadable body", List.of(new Problem.FieldError("/", e.getMessage().split("\n")[0])));
        }
    }
}
