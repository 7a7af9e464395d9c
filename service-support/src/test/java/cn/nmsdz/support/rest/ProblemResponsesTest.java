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
}
