package cn.nmsdz.support.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers of the responses of a service: {@code X-Content-Type-Options: nosniff} on every one (a browser never reads
 * a response as another type than it says; set on the HTTP layer, so refusals before the REST layer have it too), and
 * {@code Cache-Control: no-store} on the operations marked {@link PersonalData}.
 */
@ApplicationScoped
public class ApiResponseHeaders {

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set("X-Content-Type-Options", "nosniff"));
            ctx.next();
        }, 200);
    }

    @ServerResponseFilter
    public void noStore(ResourceInfo resource, ContainerResponseContext response) {
        if (carriesPersonalData(resource)) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }

    static boolean carriesPersonalData(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        return method.isAnnotationPresent(PersonalData.class)
                || (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(PersonalData.class));
    }
}
