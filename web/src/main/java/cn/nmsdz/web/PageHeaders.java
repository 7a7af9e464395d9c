package cn.nmsdz.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** The workspace's pages show names of people and unpublished scores: no cache keeps them (the scripts are cached). */
public class PageHeaders {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
