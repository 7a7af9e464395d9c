package cn.nmsdz.gateway;

import java.util.Optional;
import java.util.Set;

/**
 * Which service owns a request path: a pure function, so the routing table is tested without a server.
 *
 * <p>Paths are matched segment by segment on the normalised path; an empty segment (a doubled or trailing slash)
 * matches nothing. {@code /openapi/{service}} is rewritten to that service's {@code /q/openapi}; API paths are
 * forwarded unchanged.
 */
public final class RouteTable {

    /** The services behind the gateway. {@link #serviceName()} is the name used in /openapi/{service}. */
    public enum Backend {
        INDICATOR("indicator-service"),
        EVIDENCE("evidence-service"),
        SCORING("scoring-service"),
        /** The web workspace (issue #16): its pages under /web, no API and no OpenAPI document of its own. */
        WEB("web");

        private final String serviceName;

        Backend(String serviceName) {
            this.serviceName = serviceName;
        }

        public String serviceName() {
            return serviceName;
        }
    }

    /**
     * @param backend the owning service
     * @param path    the path to request from it (without the query string)
     */
    public record Target(Backend backend, String path) {
    }

    public static final String API_PREFIX = "/api/";
    public static final String OPENAPI_PREFIX = "/openapi/";
    public static final String BACKEND_OPENAPI_PATH = "/q/openapi";
    /** The web workspace's pages, scripts and login callback; the gateway's {@code /} redirects here. */
    public static final String WEB_PREFIX = "/web/";

    /** Sub-resources of /api/v1/regions/{code}/… owned by the indicator service (catalogue side). */
    static final Set<String> INDICATOR_REGION_RESOURCES = Set.of("departments", "decomposition",
            "decomposition.xlsx", "plan", "plans", "leadership-group");
    /** Sub-resources of /api/v1/regions/{code}/… owned by the evidence service. */
    static final Set<String> EVIDENCE_REGION_RESOURCES = Set.of("observations", "documents", "claims", "assessments",
            "evidence");
    /** Sub-resources of /api/v1/regions/{code}/… that take a file, not JSON. */
    static final Set<String> FILE_REGION_RESOURCES = Set.of("documents", "decomposition.xlsx");
    /** Sub-resources of /api/v1/regions/{code}/… owned by the scoring service. */
    static final Set<String> SCORING_REGION_RESOURCES = Set.of("scores", "gaps", "gaps.xlsx", "applications",
            "scoreboard", "scoreboard.xlsx", "self-evaluation.docx");
    /** The creation campaign (issue #13): its organisation side lives in the indicator service … */
    static final Set<String> CAMPAIGN_INDICATOR_RESOURCES = Set.of("campaign", "stages", "organisation");
    /** … its progress board, 督查通报 and reminders in the scoring service. */
    static final Set<String> CAMPAIGN_SCORING_RESOURCES = Set.of("progress", "progress.xlsx", "reminders");

    private RouteTable() {
    }

    /** The owner of {@code path}, or empty when no service owns it (the gateway answers 404). */
    public static Optional<Target> resolve(String path) {
        if (path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        if (path.startsWith(OPENAPI_PREFIX)) {
            return openApi(path.substring(OPENAPI_PREFIX.length()));
        }
        if (path.equals("/web") || path.startsWith(WEB_PREFIX)) {
            return Optional.of(new Target(Backend.WEB, path));
        }
        String[] s = path.substring(1).split("/", -1);
        for (String segment : s) {
            if (segment.isEmpty()) {
                return Optional.empty();
            }
        }
        if (s.length < 3 || !"api".equals(s[0]) || !"v1".equals(s[1])) {
            return Optional.empty();
        }
        Backend owner = switch (s[2]) {
            case "systems" -> Backend.INDICATOR;
            case "regions" -> region(s);
            case "evidence", "documents" -> Backend.EVIDENCE;
            case "snapshots", "rescoring" -> Backend.SCORING;
            case "notifications", "webhooks" -> Backend.SCORING; // the campaign's inbox and webhooks (issue #13)
            default -> null;
        };
        return owner == null ? Optional.empty() : Optional.of(new Target(owner, path));
    }

    /** /api/v1/regions[/{code}[/{resource}/…]] */
    private static Backend region(String[] s) {
        if (s.length <= 4) {
            return Backend.INDICATOR; // the region list and one region
        }
        String resource = s[4];
        if (INDICATOR_REGION_RESOURCES.contains(resource)) {
            return Backend.INDICATOR;
        }
        if (EVIDENCE_REGION_RESOURCES.contains(resource)) {
            return Backend.EVIDENCE;
        }
        if (SCORING_REGION_RESOURCES.contains(resource)) {
            return Backend.SCORING;
        }
        if (CAMPAIGN_INDICATOR_RESOURCES.contains(resource)) {
            return Backend.INDICATOR;
        }
        if (CAMPAIGN_SCORING_RESOURCES.contains(resource)) {
            return Backend.SCORING;
        }
        return null;
    }

    /**
     * True for the routes whose body is a file (documents, the region import, the decomposition workbook): they keep
     * the HTTP layer's large body limit; every other body is JSON and gets the gateway's JSON limit (see BodyLimit).
     */
    public static boolean takesFiles(String path) {
        if (path == null || !path.startsWith(API_PREFIX)) {
            return false;
        }
        String[] s = path.substring(1).split("/", -1);
        if (s.length == 4) {
            return "regions".equals(s[2]) && "import".equals(s[3]);
        }
        return s.length == 5 && "regions".equals(s[2]) && FILE_REGION_RESOURCES.contains(s[4]);
    }

    private static Optional<Target> openApi(String service) {
        for (Backend b : Backend.values()) {
            if (b != Backend.WEB && b.serviceName().equals(service)) {
                return Optional.of(new Target(b, BACKEND_OPENAPI_PATH));
            }
        }
        return Optional.empty();
    }
}
