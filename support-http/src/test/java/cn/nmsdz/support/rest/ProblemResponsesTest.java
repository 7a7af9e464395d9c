package cn.nmsdz.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void errorResponsesWithoutContentGetTheProblemContentAndOthersAreLeftAlone() {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("ok"))
                .addAPIResponse("404", OASFactory.createAPIResponse().description("unknown region"))
                .addAPIResponse("422", OASFactory.createAPIResponse().description("own content")
                        .content(OASFactory.createContent().addMediaType("text/plain", OASFactory.createMediaType()))));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/regions/{code}", OASFactory.createPathItem().GET(operation)));

        new ProblemResponses().filterOpenAPI(openAPI);

        var responses = operation.getResponses().getAPIResponses();
        assertNull(responses.get("200").getContent());
        assertEquals("#/components/schemas/Problem",
                responses.get("404").getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertTrue(responses.get("422").getContent().getMediaTypes().containsKey("text/plain"));
        assertTrue(openAPI.getComponents().getSchemas().get("Problem").getProperties().containsKey("errors"));
    }

    @Test
    void theErrorsOfThePlumbingAreDocumentedOnEveryOperationThatCanGetThem() {
        Operation submit = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("code").in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType())))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("400", OASFactory.createAPIResponse().description("every problem of every row")));
        Operation list = OASFactory.createOperation().addParameter(OASFactory.createParameter().name("year")
                .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/regions/{code}/observations", OASFactory.createPathItem().POST(submit))
                .addPathItem("/api/v1/systems", OASFactory.createPathItem().GET(list)));

        new ProblemResponses().filterOpenAPI(openAPI);

        var responses = submit.getResponses().getAPIResponses();
        assertEquals("every problem of every row", responses.get("400").getDescription(), "the operation's own text wins");
        assertTrue(responses.keySet().containsAll(java.util.List.of("400", "404", "413", "415", "504")), responses.keySet().toString());
        assertTrue(responses.get("504").getDescription().contains("same Idempotency-Key"));
        assertEquals("#/components/schemas/Problem",
                responses.get("415").getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertEquals(java.util.Set.of("400"), list.getResponses().getAPIResponses().keySet());
    }
}
