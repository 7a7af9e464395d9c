package cn.nmsdz.gateway;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the OpenID Connect security scheme of each service's OpenAPI document at the realm the browser can reach.
 *
 * <p>The services bake {@code openIdConnectUrl} in at build time (their default Keycloak, port 8180), but the console
 * runs in a browser against whatever Keycloak this installation uses (another port, a public host name). Swagger UI
 * reads the authorization and token URLs from that discovery document, so the gateway rewrites it in the documents it
 * serves under /openapi/{service}. A pure function, tested without a server.
 */
public final class ConsoleSecurity {
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    private static final Pattern YAML_URL = Pattern.compile("(?m)^(\\s*openIdConnectUrl:\\s*).*$");

    private ConsoleSecurity() {
    }

    /** The realm's discovery URL for an OIDC server URL such as {@code http://host/realms/nmsdz}. */
    public static String discoveryUrl(String authServerUrl) {
        String base = authServerUrl.endsWith("/") ? authServerUrl.substring(0, authServerUrl.length() - 1)
                : authServerUrl;
        return base.endsWith(DISCOVERY_PATH) ? base : base + DISCOVERY_PATH;
    }

    /**
     * {@code document} with every {@code openIdConnect} scheme's URL replaced by {@code discoveryUrl}; JSON when the
     * content type says so (or the text looks like JSON), otherwise YAML. A document that cannot be parsed is
     * returned unchanged: the console then shows the service's own error.
     */
    public static String rewrite(String document, String contentType, String discoveryUrl) {
        boolean json = (contentType != null && contentType.toLowerCase().contains("json"))
                || document.stripLeading().startsWith("{");
        return json ? rewriteJson(document, discoveryUrl) : rewriteYaml(document, discoveryUrl);
    }

    private static String rewriteJson(String document, String discoveryUrl) {
        JsonObject doc;
        try {
            doc = new JsonObject(document);
        } catch (DecodeException | ClassCastException e) {
            return document;
        }
        JsonObject components = doc.getJsonObject("components");
        JsonObject schemes = components == null ? null : components.getJsonObject("securitySchemes");
        if (schemes == null) {
            return document;
        }
        boolean changed = false;
        for (Map.Entry<String, Object> scheme : schemes) {
            if (scheme.getValue() instanceof JsonObject s && "openIdConnect".equals(s.getString("type"))) {
                s.put("openIdConnectUrl", discoveryUrl);
                changed = true;
            }
        }
        return changed ? doc.encodePrettily() : document;
    }

    private static String rewriteYaml(String document, String discoveryUrl) {
        // quoted: a URL is a valid plain scalar, but quoting keeps any character of it literal
        String quoted = "\"" + discoveryUrl.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return YAML_URL.matcher(document).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + quoted));
    }
}
