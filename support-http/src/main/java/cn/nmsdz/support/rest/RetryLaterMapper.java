package cn.nmsdz.support.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem of a {@link RetryLaterException}, with its Retry-After (the more specific type wins over ProblemException's). */
public class RetryLaterMapper {

    @ServerExceptionMapper
    public Response retryLater(RetryLaterException e, UriInfo uri, ContainerRequestContext request) {
        boolean chinese = ProblemText.current() == Language.ZH; // as ProblemMappers.problem: the Chinese detail when given
        return Response.fromResponse(ProblemMappers.respond(ProblemMappers.type(e), e.status(), e.title(),
                chinese && e.chineseDetail() != null ? e.chineseDetail() : e.getMessage(), uri,
                chinese && e.chineseErrors() != null ? e.chineseErrors() : e.errors()))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
