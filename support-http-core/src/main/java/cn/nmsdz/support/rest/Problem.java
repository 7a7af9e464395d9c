package cn.nmsdz.support.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every error response ({@code application/problem+json}).
 *
 * @param errors one entry per offending field or row, so a client can fix everything at once
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * @param field   the field, as a JSON pointer or a name ("/rows/3/value", "year")
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
