package cn.nmsdz.support.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error of every service is {@link Problem} as application/problem+json, so the OpenAPI
 * document says so once, here, instead of on each {@code @APIResponse}: every 4xx/5xx response
 * that declares no content of its own gets the problem content. Registered by each service with
 * {@code mp.openapi.filter}.
 * <p>
 * It also documents, once for every operation, the errors the shared plumbing gives whatever the operation says
 * (an operation's own description of the same status wins): 400 for an unreadable body or a parameter of the wrong
 * type, 413 and 415 for a body too large or not declared as its media type ({@link RequestReading}), 404 for an
 * unknown resource named in the path, and, on the submissions that take an {@code Idempotency-Key}, the gateway's
 * 504 with the retry contract.
 */
public class ProblemResponses implements OASFilter {
    static final String SCHEMA = "Problem";

    static final String RETRY = "The gateway did not get the service's answer within its backend timeout "
            + "(NMSDZ_GATEWAY_BACKEND_TIMEOUT, 30 s). The request may still have been committed: retry it with the same "
            + "Idempotency-Key and the same body. If it was committed, the retry answers the first response again "
            + "(with the header Idempotent-Replayed: true) and stores nothing twice; if not, it runs now. Without a key, "
            + "a retry may store the submission twice.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                documentCommonErrors(path, operation);
                if (operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                    if (isError(response.getKey()) && response.getValue().getRef() == null
                            && response.getValue().getContent() == null) {
                        response.getValue().setContent(problemContent());
                        used = true;
                    }
                }
            }
        }
        if (used) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey(SCHEMA)) {
                openAPI.getComponents().addSchema(SCHEMA, problemSchema());
            }
        }
    }

    /** The errors every operation of its kind can give, added where the operation does not describe them itself. */
    static void documentCommonErrors(PathItem path, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (path.getParameters() != null) {
            parameters.addAll(path.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean pathParameters = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean queryParameters = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean idempotent = parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (operation.getRequestBody() != null) {
            boolean json = operation.getRequestBody().getContent() == null
                    || operation.getRequestBody().getContent().getMediaTypes() == null
                    || operation.getRequestBody().getContent().getMediaTypes().keySet().stream()
                            .anyMatch(t -> t.contains("json"));
            add(operation, "400", json ? "The body is not valid JSON, a key is given twice, a field has the wrong JSON "
                    + "type or holds a NUL or invalid Unicode (the problem names the field as a JSON pointer), or a "
                    + "value is not allowed" : "The body cannot be read, or a value is not allowed");
            add(operation, "413", json ? "The JSON body is larger than nmsdz.json.max-body-size (8 MiB)"
                    : "The body is larger than the operation accepts");
            add(operation, "415", "No Content-Type, a wildcard one, or one the operation does not read");
        } else if (queryParameters || pathParameters) {
            add(operation, "400", "A parameter is missing, of the wrong type (e.g. not a whole number) or holds a NUL");
        }
        if (pathParameters) {
            add(operation, "404", "Nothing is known under the code or id in the path");
        }
        if (idempotent) {
            add(operation, "504", RETRY);
        }
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    static boolean isError(String status) {
        return status != null && (status.startsWith("4") || status.startsWith("5"));
    }

    static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    /** The shape of {@link Problem} (RFC 9457 problem details with the offending fields). */
    static Schema problemSchema() {
        Schema fieldError = object("One offending field or row")
                .addProperty("field", text("JSON pointer or name of the field, e.g. /3/value"))
                .addProperty("message", text("what is wrong with it"));
        return object("RFC 9457 problem details")
                .addProperty("type", text("problem type URI"))
                .addProperty("title", text("short summary"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("HTTP status"))
                .addProperty("detail", text("what is wrong, for a person"))
                .addProperty("instance", text("the request path"))
                .addProperty("requestId", text("the request id to quote to the operators"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("every offending field or row, so a client can fix everything at once"));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
