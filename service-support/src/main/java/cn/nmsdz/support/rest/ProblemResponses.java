package cn.nmsdz.support.rest;

import java.util.Map;
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
 */
public class ProblemResponses implements OASFilter {
    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
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
