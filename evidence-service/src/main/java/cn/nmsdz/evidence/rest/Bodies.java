package cn.nmsdz.evidence.rest;

import cn.nmsdz.support.rest.ConstraintProblems;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import cn.nmsdz.support.rest.ProblemMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON body into its record; an unreadable field is the same problem as on every other endpoint (support-http's
 * strict reading: the field as a JSON pointer, what it must be), never Jackson's message.
 */
final class Bodies {
    private Bodies() {
    }

    /**
     * The record of a body, checked against its constraints (the same problem as a body the framework validated).
     * The body stays a tree so that every value is read, also one the record does not name (a number out of range).
     */
    static <T> T read(ObjectMapper json, Validator validator, JsonNode body, Class<T> type, boolean required) {
        T value = read(json, body, type, required);
        Set<ConstraintViolation<T>> violations = value == null ? Set.of() : validator.validate(value);
        if (!violations.isEmpty()) {
            throw ConstraintProblems.problem(violations, "");
        }
        return value;
    }

    static <T> T read(ObjectMapper json, JsonNode body, Class<T> type, boolean required) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            if (required) {
                throw ProblemException.missingBody("a JSON object").chinese("缺少请求体：需要一个 JSON 对象");
            }
            return null;
        }
        if (!body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object", List.of(new Problem.FieldError("/", "not an object")))
                    .typed(ProblemType.MALFORMED_BODY).chinese("请求体必须是一个 JSON 对象");
        }
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.unreadable(e);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("the body does not have the expected shape; see the operation's request "
                    + "body schema", List.of(new Problem.FieldError("/", "unreadable")))
                    .typed(ProblemType.MALFORMED_BODY).chinese("请求体的结构不符合要求；请参阅该接口的请求体模式（schema）");
        }
    }
}
