package cn.nmsdz.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A page opened with {@code ?lang=en} or {@code ?lang=zh} remembers the choice for the workspace's later pages. */
public class LanguageChoice {
    private static final int A_YEAR = 365 * 24 * 3600;

    @Inject
    Lang lang;

    @ServerResponseFilter
    public void remember(ContainerResponseContext response) {
        Lang.Language chosen = lang.chosen();
        if (chosen != null) {
            // HttpOnly: no script reads it; Lax: a link from elsewhere still opens the page in the chosen language
            response.getHeaders().add("Set-Cookie", Lang.COOKIE + "=" + chosen.name().toLowerCase(java.util.Locale.ROOT)
                    + "; Path=/web; Max-Age=" + A_YEAR + "; HttpOnly; SameSite=Lax");
        }
    }

    /**
     * Where the language switch leads back to: the workspace page the Referer names (its path and query, without a
     * {@code lang} of its own), or the workspace's start for anything else.
     */
    static String back(String referer) {
        try {
            URI uri = referer == null ? null : URI.create(referer);
            String path = uri == null ? null : uri.getRawPath();
            if (path == null || !path.startsWith("/web/") || path.startsWith("/web/language") || path.contains("..")) {
                return "/web/";
            }
            String query = uri.getRawQuery() == null ? "" : String.join("&", java.util.Arrays.stream(uri.getRawQuery()
                    .split("&")).filter(p -> !p.startsWith(Lang.PARAMETER + "=") && !p.isEmpty()).toList());
            return path + (query.isEmpty() ? "" : "?" + query);
        } catch (IllegalArgumentException e) {
            return "/web/";
        }
    }
}
