package cn.nmsdz.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the suite once per test run with the project's own launcher (deploy/local/nmsdz),
 * exactly as README command 1 does, and stops it when the run ends.
 */
public class Suite implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    static final int OFFSET = Integer.parseInt(System.getenv().getOrDefault("NMSDZ_PORT_OFFSET", "1000"));
    static final String GATEWAY = System.getProperty("nmsdz.test.gateway", "http://127.0.0.1:" + port("gateway"));
    static final String EVIDENCE = "http://127.0.0.1:" + port("evidence");
    static final String SCORING = "http://127.0.0.1:" + port("scoring");
    static final String KEYCLOAK = "http://127.0.0.1:" + port("keycloak");
    static final String KAFKA = "127.0.0.1:" + port("kafka");
    static final Path ROOT = Path.of(System.getProperty("nmsdz.root", "../..")).toAbsolutePath().normalize();
    /** Run against a suite that is already running (development): neither start nor stop it. */
    static final boolean EXTERNAL = Boolean.getBoolean("nmsdz.test.external");
    private static boolean started;

    /** A component's default port: the root pom's {@code nmsdz.port.<name>}, which the build passes on. */
    static int basePort(String name) {
        String port = System.getProperty("nmsdz.port." + name);
        if (port == null) {
            throw new IllegalStateException("system property nmsdz.port." + name + " is not set: run the tests with Maven");
        }
        return Integer.parseInt(port);
    }

    /** A component's port in the suite under test (the default shifted by the offset). */
    static int port(String name) {
        return basePort(name) + OFFSET;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        // explanations and problem details are Chinese unless a client asks for English (issue 15): the system tests
        // assert the English texts and ask for them; a test checks Chinese with ?lang=zh, which wins over the header
        io.restassured.RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                .addHeader("Accept-Language", "en").build();
        if (!started && !EXTERNAL) {
            TraceCollector.start();
            wipeTestData();
            run("start");
            started = true;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("nmsdz-suite", this);
        }
    }

    /**
     * After every test class: once scoring has settled, no region-year's latest snapshot misses evidence (the
     * rescoring API and the scoring service's own metric both say 0), so no test leaves a change unscored.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        String admin = Tokens.user("admin");
        RescoringSoakIT.awaitNothingPending(admin);
        int stale = RescoringSoakIT.staleCountedNow(admin);
        String metrics = io.restassured.RestAssured.get(SCORING + "/q/metrics").then().statusCode(200).extract().asString();
        String gauge = metrics.lines().filter(l -> l.startsWith("nmsdz_scoring_snapshots_stale"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElse("absent");
        if (stale != 0 || !gauge.equals("0.0")) {
            throw new AssertionError(context.getDisplayName() + " left stale region-years: /rescoring says " + stale
                    + ", nmsdz_scoring_snapshots_stale is " + gauge);
        }
    }

    /** JUnit closes what the root store holds when the whole run ends (an {@link AutoCloseable} since JUnit 5.13). */
    @Override
    public void close() throws Exception {
        run("stop");
    }

    /** Every run starts from a fresh installation; only a data directory under target/ is wiped. */
    static void wipeTestData() throws IOException {
        Path home = Path.of(System.getenv("NMSDZ_HOME")).toAbsolutePath().normalize();
        if (!home.getParent().getFileName().toString().equals("target") || !Files.exists(home)) {
            return;
        }
        try (var paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs the launcher; fails with its output when it fails. */
    static String run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    /** Runs the launcher with {@code environment} added to the test's own (a setting for the services it starts). */
    static String run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("nmsdz-" + command[0], ".log");
        List<String> commandLine = new java.util.ArrayList<>(List.of(ROOT.resolve("deploy/local/nmsdz").toString()));
        commandLine.addAll(List.of(command));
        ProcessBuilder launcher = new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(log.toFile());
        // the suite under test traces every request and exports the spans to the test's own collector
        launcher.environment().put("QUARKUS_OTEL_SDK_DISABLED", "false");
        launcher.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", TraceCollector.ENDPOINT);
        launcher.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        launcher.environment().putAll(environment);
        Process process = launcher.start();
        if (!process.waitFor(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("nmsdz " + String.join(" ", command) + " did not finish in 10 minutes");
        }
        String output = Files.readString(log);
        System.out.println(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("nmsdz " + String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                    + output);
        }
        return output;
    }
}
