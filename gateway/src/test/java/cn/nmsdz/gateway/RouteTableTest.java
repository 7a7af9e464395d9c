package cn.nmsdz.gateway;

import static cn.nmsdz.gateway.RouteTable.Backend.EVIDENCE;
import static cn.nmsdz.gateway.RouteTable.Backend.INDICATOR;
import static cn.nmsdz.gateway.RouteTable.Backend.SCORING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.gateway.RouteTable.Backend;
import cn.nmsdz.gateway.RouteTable.Target;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // catalogue
            "/api/v1/systems, INDICATOR",
            "/api/v1/systems/NMSDZ-2024, INDICATOR",
            "/api/v1/systems/NMSDZ-2024/publish, INDICATOR",
            "/api/v1/regions, INDICATOR",
            "/api/v1/regions/330100, INDICATOR",
            "/api/v1/regions/330100/departments, INDICATOR",
            "/api/v1/regions/330100/decomposition, INDICATOR",
            "/api/v1/regions/330100/plans, INDICATOR",
            "/api/v1/regions/330100/plans/7/tasks, INDICATOR",
            "/api/v1/regions/330100/plan, INDICATOR",
            "/api/v1/regions/330100/leadership-group, INDICATOR",
            "/api/v1/regions/330100/decomposition.xlsx, INDICATOR",
            "/api/v1/regions/import, INDICATOR",
            // the creation campaign (issue #13)
            "/api/v1/regions/140829/stages, INDICATOR",
            "/api/v1/regions/140829/campaign, INDICATOR",
            "/api/v1/regions/140829/organisation/history, INDICATOR",
            "/api/v1/regions/140829/plan/tasks/3, INDICATOR",
            "/api/v1/regions/140829/decomposition/3/schedule, INDICATOR",
            "/api/v1/regions/140829/progress, SCORING",
            "/api/v1/regions/140829/progress/departments/140829-market-supervision, SCORING",
            "/api/v1/regions/140829/progress.xlsx, SCORING",
            "/api/v1/regions/140829/reminders, SCORING",
            "/api/v1/notifications, SCORING",
            "/api/v1/notifications/7/read, SCORING",
            "/api/v1/webhooks, SCORING",
            "/api/v1/webhooks/abc/deliveries, SCORING",
            // evidence
            "/api/v1/regions/330100/observations, EVIDENCE",
            "/api/v1/regions/330100/documents, EVIDENCE",
            "/api/v1/regions/330100/claims, EVIDENCE",
            "/api/v1/regions/330100/assessments, EVIDENCE",
            "/api/v1/regions/330100/evidence, EVIDENCE",
            "/api/v1/evidence, EVIDENCE",
            "/api/v1/evidence/42/review, EVIDENCE",
            "/api/v1/documents/42, EVIDENCE",
            "/api/v1/documents/42/content, EVIDENCE",
            // scoring
            "/api/v1/regions/330100/scores, SCORING",
            "/api/v1/regions/330100/scores/latest, SCORING",
            "/api/v1/regions/330100/scores/simulate, SCORING",
            "/api/v1/snapshots, SCORING",
            "/api/v1/snapshots/17, SCORING",
            "/api/v1/regions/330100/gaps, SCORING",
            "/api/v1/regions/140829/applications, SCORING",
            "/api/v1/regions/140829/applications/0b0e8a3c-1a2b-4c5d-8e9f-001122334455/diff-to-latest, SCORING",
            "/api/v1/regions/140000/scoreboard, SCORING",
            "/api/v1/regions/140000/scoreboard.xlsx, SCORING",
            "/api/v1/regions/330100/gaps.xlsx, SCORING",
            "/api/v1/regions/500118/self-evaluation.docx, SCORING",
            "/api/v1/regions/330100/scores/12.xlsx, SCORING",
            "/api/v1/regions/330100/scores/latest.xlsx, SCORING",
            "/api/v1/rescoring, SCORING",
    })
    void apiPathsGoToTheirOwnerUnchanged(String path, Backend owner) {
        assertEquals(Optional.of(new Target(owner, path)), RouteTable.resolve(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/nope",
            "/api/v1",
            "/api/v1/",
            "/api",
            "/api/",
            "/api/v2/systems",
            "/api/v1/regions/330100/unknown",
            "/api/v1/regions/330100/scoresheet",
            "/api/v1/regions/",
            "/api/v1/systems/",
            "/api/v1//systems",
            "/api/v1/regions//observations",
            "/api/v1/SYSTEMS",
            "/q/health",
            "/openapi/unknown-service",
            "/openapi/",
            "/openapi/indicator-service/extra",
            "/openapi/web",
            "/webjars/htmx.min.js",
            "/website",
            "",
            "relative/api/v1/systems",
    })
    void everythingElseIsNotFound(String path) {
        assertTrue(RouteTable.resolve(path).isEmpty(), path);
    }

    @ParameterizedTest
    @CsvSource({
            "/openapi/indicator-service, INDICATOR",
            "/openapi/evidence-service, EVIDENCE",
            "/openapi/scoring-service, SCORING",
    })
    void openApiIsRewrittenToTheServiceSpec(String path, Backend owner) {
        assertEquals(Optional.of(new Target(owner, "/q/openapi")), RouteTable.resolve(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INDICATOR", "EVIDENCE", "SCORING"})
    void serviceNamesMatchTheModules(Backend backend) {
        assertEquals(backend.name().toLowerCase() + "-service", backend.serviceName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/web", "/web/", "/web/overview", "/web/login", "/web/webjars/echarts/dist/echarts.min.js"})
    void theWorkspaceIsTheWebModulesUnchanged(String path) {
        assertEquals(Optional.of(new Target(Backend.WEB, path)), RouteTable.resolve(path));
    }

    @org.junit.jupiter.api.Test
    void nullIsNotFound() {
        assertTrue(RouteTable.resolve(null).isEmpty());
        assertEquals(INDICATOR, RouteTable.resolve("/api/v1/regions").orElseThrow().backend());
        assertEquals(EVIDENCE, RouteTable.resolve("/api/v1/evidence").orElseThrow().backend());
        assertEquals(SCORING, RouteTable.resolve("/api/v1/snapshots").orElseThrow().backend());
    }
}
