package cn.nmsdz.deploy.kubernetes;

import static cn.nmsdz.deploy.kubernetes.Manifests.BASE;
import static cn.nmsdz.deploy.kubernetes.Manifests.KUBERNETES;
import static cn.nmsdz.deploy.kubernetes.Manifests.OVERLAYS;
import static cn.nmsdz.deploy.kubernetes.Manifests.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.nmsdz.deploy.kubernetes.Manifests.Document;
import cn.nmsdz.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest under deploy/kubernetes parses into the Kubernetes model (fabric8) without a field the model does
 * not know, the kustomizations name files that exist and patch resources that exist, and the invariants the README
 * promises an operator hold: probes on the health endpoints, requests and limits, non-root with a read-only root
 * filesystem, a disruption budget per service, autoscaling of gateway and scoring, only the gateway open from
 * outside, no committed Secret, the topics of the events module, the realm of deploy/keycloak without its demo
 * users, and alert rules on metrics the services really export.
 */
class ManifestsTest {
    /** The Quarkus services: the name of their Deployment is their module's directory. */
    static final List<String> SERVICES = List.of("gateway", "indicator-service", "evidence-service", "scoring-service",
            "web");
    /** The services without a database of their own. */
    static final Set<String> STATELESS = Set.of("gateway", "web");

    /** Core kinds and the fabric8 class each must parse into. */
    static final Map<String, Class<?>> CORE = Map.of(
            "Deployment", Deployment.class,
            "Service", Service.class,
            "ConfigMap", ConfigMap.class,
            "PersistentVolumeClaim", PersistentVolumeClaim.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "NetworkPolicy", NetworkPolicy.class,
            "Ingress", Ingress.class);

    /** Custom resources of the operators the suite runs on, by kind: the apiVersion each must have. */
    static final Map<String, String> OPERATOR_KINDS = Map.of(
            "Kafka", "kafka.strimzi.io/v1beta2",
            "KafkaNodePool", "kafka.strimzi.io/v1beta2",
            "KafkaTopic", "kafka.strimzi.io/v1beta2",
            "Cluster", "postgresql.cnpg.io/v1",
            "Keycloak", "k8s.keycloak.org/v2alpha1",
            "KeycloakRealmImport", "k8s.keycloak.org/v2alpha1",
            "PodMonitor", "monitoring.coreos.com/v1",
            "PrometheusRule", "monitoring.coreos.com/v1");

    /** Secrets the manifests may refer to: made by an operator or by whoever runs the cluster, never committed. */
    static final Set<String> EXTERNAL_SECRETS = Set.of("nmsdz-db-app", "keycloak-db-app", "keycloak-tls",
            "nmsdz-client-secrets", "nmsdz-tls");

    static List<Document> base() {
        return Manifests.resources(BASE);
    }

    static List<Document> all() {
        return Stream.concat(base().stream(), Manifests.resources(OVERLAYS).stream()).toList();
    }

    static <T> T typed(Document d, Class<T> type) {
        try {
            return Manifests.JSON.treeToValue(d.node(), type);
        } catch (IOException e) {
            throw new AssertionError(d + " does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static <T> List<T> all(String kind, Class<T> type) {
        return base().stream().filter(d -> d.kind().equals(kind)).map(d -> typed(d, type)).toList();
    }

    /**
     * The images' JVM flags (the root pom's Jib property; the manifests set none): heap from the container's memory
     * limit, the launcher's collector (G1, giving idle heap back), caps and C-heap trim (README "Memory and start-up"),
     * exit on OutOfMemoryError.
     */
    @Test
    void theImagesRunTheJvmWithTheLaunchersCollectorAndCaps() throws IOException {
        Matcher property = Pattern.compile("<quarkus\\.jib\\.jvm-additional-arguments>([^<]*)<")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(property.find(), "the root pom sets quarkus.jib.jvm-additional-arguments");
        assertEquals(List.of("-XX:MaxRAMPercentage=60", "-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=10000",
                "-XX:MinHeapFreeRatio=70", "-XX:MaxHeapFreeRatio=90",
                "-XX:-ClassUnloadingWithConcurrentMark", "-XX:MetaspaceSize=128m", "-Djdk.nio.maxCachedBufferSize=262144",
                "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=96m", "-XX:CompileThresholdScaling=4",
                "-XX:TrimNativeHeapInterval=5000",
                "-XX:+ExitOnOutOfMemoryError"),
                List.of(property.group(1).split(",")));
        assertTrue(Files.readString(ROOT.resolve("pom.xml")).contains(
                "<quarkus.jib.environment-variables.MALLOC_ARENA_MAX>2</quarkus.jib.environment-variables.MALLOC_ARENA_MAX>"),
                "the images run glibc's malloc in two arenas, as the launcher does");
    }

    /** The suite's database runs with the launcher's memory and checkpoint settings (README, "PostgreSQL server settings"). */
    @Test
    void theDatabaseRunsWithTheLaunchersSettings() throws IOException {
        Matcher line = Pattern.compile("POSTGRES_SETTINGS=\\(([^)]*)\\)")
                .matcher(Files.readString(ROOT.resolve("deploy/local/nmsdz")));
        assertTrue(line.find(), "the launcher sets POSTGRES_SETTINGS");
        Map<String, String> launcher = new TreeMap<>();
        Matcher setting = Pattern.compile("([a-z_]+)=(?:\\$\\{[A-Z_]+:-)?([0-9a-zA-Z]+)").matcher(line.group(1));
        while (setting.find()) {
            launcher.put(setting.group(1), setting.group(2));
        }
        assertEquals(Set.of("shared_buffers", "max_wal_size", "checkpoint_timeout"), launcher.keySet());
        Document db = base().stream().filter(d -> d.kind().equals("Cluster") && d.name().equals("nmsdz-db"))
                .findFirst().orElseThrow();
        for (Map.Entry<String, String> e : launcher.entrySet()) {
            assertEquals(e.getValue(), db.node().at("/spec/postgresql/parameters/" + e.getKey()).asText(), e.getKey());
        }
    }

    @Test
    void everyCoreManifestParsesIntoTheKubernetesModelWithoutUnknownFields() {
        List<String> problems = new ArrayList<>();
        for (Document d : all()) {
            Class<?> type = CORE.get(d.kind());
            if (type == null) {
                continue;
            }
            Object parsed = typed(d, type);
            unknownFields(parsed, d.kind(), problems, d);
        }
        assertEquals(List.of(), problems, "fields the Kubernetes API would not know (a typo, or the wrong level)");
    }

    @Test
    void everyDocumentIsACoreKindOrAnOperatorsKindWithItsApiVersion() {
        for (Document d : all()) {
            assertFalse(d.name().isBlank(), d + ": no metadata.name");
            if (CORE.containsKey(d.kind())) {
                continue;
            }
            String expected = OPERATOR_KINDS.get(d.kind());
            assertNotNull(expected, d + ": a kind neither core nor of Strimzi, CloudNativePG, Keycloak or Prometheus");
            assertEquals(expected, d.apiVersion(), d + ": apiVersion");
            assertTrue(d.node().path("spec").isObject(), d + ": no spec");
        }
    }

    @Test
    void noSecretIsCommittedAndEverySecretReferredToIsMadeOutsideTheRepository() {
        assertTrue(all().stream().noneMatch(d -> d.kind().equals("Secret")), "a Secret is committed");
        Set<String> referred = new TreeSet<>();
        for (Document d : all()) {
            collectSecretNames(d.node(), referred);
        }
        assertFalse(referred.isEmpty(), "no secret referred to: the database credentials must come from one");
        assertTrue(EXTERNAL_SECRETS.containsAll(referred), "secrets referred to but not documented: " + referred);
        for (String secret : referred) {
            assertTrue(Manifests.text(ROOT.resolve("README.md")).contains("`" + secret + "`"),
                    "README does not tell the operator about the Secret " + secret);
        }
    }

    @Test
    void kustomizationsNameExistingFilesAndPatchExistingResources() throws IOException {
        JsonNode base = Manifests.readYaml(BASE.resolve("kustomization.yaml"));
        Set<Path> listed = new HashSet<>();
        for (JsonNode r : base.path("resources")) {
            Path file = BASE.resolve(r.asText()).normalize();
            assertTrue(Files.isRegularFile(file), "base lists a missing file " + r.asText());
            listed.add(file);
        }
        for (Path f : Manifests.yamlFiles(BASE)) {
            if (!f.getFileName().toString().equals("kustomization.yaml")) {
                assertTrue(listed.contains(f.normalize()), "not in the base's kustomization: " + BASE.relativize(f));
            }
        }
        List<Document> baseDocs = base();
        for (String overlay : List.of("dev", "production")) {
            Path dir = OVERLAYS.resolve(overlay);
            JsonNode k = Manifests.readYaml(dir.resolve("kustomization.yaml"));
            assertFalse(k.path("namespace").asText().isBlank(), overlay + ": no namespace");
            List<Document> resources = new ArrayList<>(baseDocs);
            for (JsonNode r : k.path("resources")) {
                Path p = dir.resolve(r.asText()).normalize();
                assertTrue(Files.exists(p), overlay + " lists a missing resource " + r.asText());
                if (Files.isRegularFile(p)) {
                    resources.addAll(Manifests.read(p));
                }
            }
            for (JsonNode image : k.path("images")) {
                String name = image.path("name").asText();
                assertTrue(SERVICES.stream().anyMatch(s -> name.equals("nmsdz/" + s)), overlay + ": image of no service " + name);
            }
            for (JsonNode r : k.path("replicas")) {
                assertTrue(resources.stream().anyMatch(d -> d.kind().equals("Deployment") && d.name().equals(r.path("name").asText())),
                        overlay + ": replicas for no Deployment " + r);
            }
            for (JsonNode patch : k.path("patches")) {
                JsonNode target = patch.path("target");
                if (target.isObject()) {
                    String kind = target.path("kind").asText();
                    String name = target.path("name").asText(null);
                    assertTrue(resources.stream().anyMatch(d -> d.kind().equals(kind) && (name == null || d.name().equals(name))),
                            overlay + ": a patch targets nothing: " + target);
                    // a JSON patch: every path must exist in every target (add may create the last step)
                    for (Document d : resources) {
                        if (d.kind().equals(kind) && (name == null || d.name().equals(name))) {
                            for (JsonNode op : Manifests.YAML.readTree(patch.path("patch").asText())) {
                                String path = op.path("path").asText();
                                String parent = op.path("op").asText().equals("add") ? path.substring(0, path.lastIndexOf('/')) : path;
                                assertFalse(d.node().at(parent).isMissingNode(), overlay + ": " + op + " finds nothing in " + d);
                            }
                        }
                    }
                } else {
                    JsonNode p = Manifests.YAML.readTree(patch.path("patch").asText());
                    String kind = p.path("kind").asText();
                    String name = p.path("metadata").path("name").asText();
                    assertTrue(resources.stream().anyMatch(d -> d.kind().equals(kind) && d.name().equals(name)
                                    && d.apiVersion().equals(p.path("apiVersion").asText())),
                            overlay + ": a strategic-merge patch of a resource that is not there: " + kind + "/" + name);
                }
            }
        }
    }

    @Test
    void everyServiceRunsAsTheReadmeSays() {
        List<Deployment> deployments = all("Deployment", Deployment.class);
        List<Service> services = all("Service", Service.class);
        List<PodDisruptionBudget> budgets = all("PodDisruptionBudget", PodDisruptionBudget.class);
        Map<String, String> config = all("ConfigMap", ConfigMap.class).get(0).getData();
        assertNotNull(config.get("QUARKUS_SHUTDOWN_DELAY"), "no shutdown delay: a stopping pod would get requests it refuses");
        assertEquals(Set.copyOf(SERVICES), deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            var pod = d.getSpec().getTemplate().getSpec();
            assertEquals(d.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"), name);
            assertEquals(name, d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name"));
            assertEquals("nmsdz", d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/part-of"));
            assertEquals(1, pod.getContainers().size(), name);
            Container c = pod.getContainers().get(0);
            int port = servicePort(name);
            assertEquals(port, c.getPorts().get(0).getContainerPort(), name + ": the port of its application.properties");
            assertEquals("http", c.getPorts().get(0).getName());
            // the gateway answers health (and metrics) on its management port only, never on the public one
            String healthPort = name.equals("gateway") ? "management" : "http";
            probe(name, c.getStartupProbe(), "/q/health/started", healthPort);
            probe(name, c.getLivenessProbe(), "/q/health/live", healthPort);
            probe(name, c.getReadinessProbe(), "/q/health/ready", healthPort);
            for (String r : List.of("cpu", "memory")) {
                assertNotNull(c.getResources().getRequests().get(r), name + ": no request of " + r);
            }
            assertNotNull(c.getResources().getLimits().get("memory"), name + ": no memory limit");
            assertTrue(pod.getSecurityContext().getRunAsNonRoot(), name + ": may run as root");
            assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem(), name + ": writable root filesystem");
            assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation(), name + ": privilege escalation");
            assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), name);
            assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), name + ": no writable /tmp");
            // the JVM's flags are the image's entrypoint's (imageJvmFlags), in one place
            assertTrue(c.getEnv().stream().noneMatch(e -> e.getName().equals("JAVA_TOOL_OPTIONS")
                    || e.getName().equals("JAVA_OPTS")), name + ": JVM flags beside the image's");
            assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getConfigMapRef() != null
                    && e.getConfigMapRef().getName().equals("nmsdz-config")), name + ": not configured from nmsdz-config");
            if (!STATELESS.contains(name)) {
                Set<String> env = c.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
                assertTrue(env.containsAll(Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")), name);
            }
            assertTrue(services.stream().anyMatch(s -> s.getMetadata().getName().equals(name)
                    && s.getSpec().getPorts().get(0).getPort() == port
                    && s.getSpec().getSelector().equals(Map.of("app.kubernetes.io/name", name))), name + ": no Service");
            assertTrue(budgets.stream().anyMatch(b -> b.getSpec().getSelector().getMatchLabels()
                    .equals(Map.of("app.kubernetes.io/name", name))), name + ": no PodDisruptionBudget");
            // a stop (the delay with readiness DOWN, then the requests in flight) ends before the kubelet kills
            long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
            long stopping = seconds(config.get("QUARKUS_SHUTDOWN_DELAY")) + seconds(shutdownTimeout(name));
            assertTrue(stopping < grace, name + ": a stop may take " + stopping + " s, the kubelet kills after " + grace);
        }
        for (String service : List.of("indicator", "evidence", "scoring")) {
            assertEquals("http://" + service + "-service:" + servicePort(service + "-service"),
                    config.get("NMSDZ_ROUTES_" + service.toUpperCase()), "gateway route to " + service);
        }
        assertEquals("http://web:" + servicePort("web"), config.get("NMSDZ_ROUTES_WEB"), "gateway route to the workspace");
    }

    @Test
    void gatewayAndScoringScaleOnCpu() {
        Map<String, HorizontalPodAutoscaler> hpas = all("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertEquals(Set.of("gateway", "scoring-service"), hpas.keySet());
        hpas.values().forEach(h -> {
            assertEquals("Deployment", h.getSpec().getScaleTargetRef().getKind());
            assertTrue(h.getSpec().getMaxReplicas() > h.getSpec().getMinReplicas());
        });
    }

    @Test
    void onlyTheGatewayIsOpenFromOutside() {
        List<NetworkPolicy> policies = all("NetworkPolicy", NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(p -> empty(p.getSpec().getPodSelector().getMatchLabels())
                && empty(p.getSpec().getPodSelector().getMatchExpressions())
                && p.getSpec().getPolicyTypes().contains("Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty())), "no default deny of ingress");
        for (String service : SERVICES) {
            Map<String, String> labels = Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/part-of", "nmsdz");
            boolean open = policies.stream().filter(p -> selects(p, labels)).flatMap(p -> ingress(p).stream())
                    .anyMatch(rule -> rule.getFrom() == null || rule.getFrom().isEmpty());
            assertEquals(service.equals("gateway"), open, service + " open to every address");
        }
        // the suite's pods may reach PostgreSQL, Kafka and Keycloak, and those accept them
        NetworkPolicy egress = policies.stream().filter(p -> p.getSpec().getPolicyTypes().contains("Egress")).findFirst()
                .orElseThrow(() -> new AssertionError("no egress policy for the suite's pods"));
        Set<Integer> ports = egress.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())
                .map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
        assertTrue(ports.containsAll(Set.of(53, 5432, 9092, 8443)), "egress ports " + ports);
    }

    @Test
    void topicsAreTheEventsModulesWithUnlimitedRetention() {
        List<Document> topics = base().stream().filter(d -> d.kind().equals("KafkaTopic")).toList();
        assertEquals(Set.of(Topics.CATALOGUE, Topics.EVIDENCE, Topics.SCORE),
                topics.stream().map(Document::name).collect(Collectors.toSet()));
        for (Document t : topics) {
            assertEquals("nmsdz", t.node().at("/metadata/labels/strimzi.io~1cluster").asText(), t + ": no cluster label");
            assertEquals(-1, t.node().at("/spec/config/retention.ms").asLong(), t + ": events would expire");
            assertTrue(t.node().at("/spec/partitions").asInt() >= 1, t.toString());
        }
        Document kafka = base().stream().filter(d -> d.kind().equals("Kafka")).findFirst().orElseThrow();
        assertFalse(kafka.node().at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true),
                "topics must come from the KafkaTopic resources");
    }

    @Test
    void realmImportIsTheRealmFileWithoutDemoUsersAndWithSecretsFromASecret() {
        Document imported = base().stream().filter(d -> d.kind().equals("KeycloakRealmImport")).findFirst().orElseThrow();
        ObjectNode expected = (ObjectNode) Manifests.readJson(ROOT.resolve("deploy/keycloak/nmsdz-realm.json"));
        ObjectNode placeholders = Manifests.JSON.createObjectNode();
        ArrayNode users = Manifests.JSON.createArrayNode();
        expected.withArray("users").forEach(u -> {
            if (u.path("username").asText().startsWith("service-account-")) {
                users.add(u);
            }
        });
        expected.set("users", users);
        ArrayNode clients = Manifests.JSON.createArrayNode();
        for (JsonNode c : expected.withArray("clients")) {
            String id = c.path("clientId").asText();
            if (id.equals("nmsdz-cli")) {
                continue; // the password grant is for the demo and the tests only
            }
            ObjectNode client = (ObjectNode) c;
            if (client.has("secret")) {
                String placeholder = "CLIENT_SECRET_" + id.toUpperCase().replaceAll("[^A-Z0-9]", "_");
                client.put("secret", "${" + placeholder + "}");
                placeholders.set(placeholder, Manifests.JSON.createObjectNode().set("secret",
                        Manifests.JSON.createObjectNode().put("name", "nmsdz-client-secrets").put("key", id)));
            }
            if (id.equals("nmsdz-console")) {
                client.set("redirectUris", Manifests.JSON.createArrayNode().add("https://nmsdz.example.gov.cn/*"));
                client.set("webOrigins", Manifests.JSON.createArrayNode().add("https://nmsdz.example.gov.cn"));
            }
            if (id.equals("nmsdz-web")) {
                // the web workspace's login callback and logout return, behind the gateway's public address
                client.set("redirectUris", Manifests.JSON.createArrayNode().add("https://nmsdz.example.gov.cn/web/*"));
            }
            clients.add(client);
        }
        expected.set("clients", clients);
        if (!expected.equals(imported.node().at("/spec/realm")) || !placeholders.equals(imported.node().at("/spec/placeholders"))) {
            ObjectNode spec = Manifests.JSON.createObjectNode();
            spec.put("keycloakCRName", "keycloak").set("placeholders", placeholders);
            spec.set("realm", expected);
            String yaml;
            try {
                yaml = Manifests.YAML.writeValueAsString(spec);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            fail("base/infrastructure/keycloak-realm.yaml differs from deploy/keycloak/nmsdz-realm.json; its spec should be:\n" + yaml);
        }
        assertTrue(imported.node().at("/spec/realm/users").findValuesAsText("username").stream()
                .allMatch(u -> u.startsWith("service-account-")), "a demo user would be imported");
    }

    @Test
    void alertRulesAndTheDashboardUseMetricsTheServicesExport() throws IOException {
        Set<String> exported = exportedMetrics();
        Set<String> used = new TreeSet<>();
        Document rules = base().stream().filter(d -> d.kind().equals("PrometheusRule")).findFirst().orElseThrow();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rules.node().at("/spec/groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts.add(rule.path("alert").asText());
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), rule.path("alert") + ": no summary");
                used.addAll(metricNames(rule.path("expr").asText()));
            }
        }
        assertTrue(alerts.containsAll(Set.of("NmsdzOutboxStuck", "NmsdzConsumerStalled", "NmsdzPendingSnapshotsGrowing",
                "NmsdzHighServerErrorRate", "NmsdzServiceDown")), "alerts " + alerts);
        JsonNode dashboard = Manifests.readJson(ROOT.resolve("deploy/observability/nmsdz-dashboard.json"));
        assertTrue(dashboard.path("panels").size() >= 6, "dashboard panels");
        for (JsonNode expr : dashboard.findValues("expr")) {
            used.addAll(metricNames(expr.asText()));
        }
        Set<String> unknown = used.stream().filter(m -> !exported.contains(m)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, "metrics that no service exports (exported: " + exported + ")");
        assertTrue(used.containsAll(Set.of("nmsdz_outbox_oldest_pending_age_seconds", "nmsdz_consumer_lag",
                "nmsdz_scoring_snapshots_pending")), "used " + used);
    }

    // ---- helpers

    /** quarkus.shutdown.timeout of a runnable: its own application.properties, else every runnable's support-jvm. */
    static String shutdownTimeout(String runnable) {
        for (String file : List.of(runnable + "/src/main/resources/application.properties",
                "support-jvm/src/main/resources/META-INF/microprofile-config.properties")) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(Manifests.text(ROOT.resolve(file))));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            if (p.getProperty("quarkus.shutdown.timeout") != null) {
                return p.getProperty("quarkus.shutdown.timeout");
            }
        }
        throw new AssertionError(runnable + ": no quarkus.shutdown.timeout, a stop would cut off the requests in flight");
    }

    /** "5s", "10s" → seconds. */
    static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
        assertTrue(m.matches(), duration + " is not a number of seconds");
        return Long.parseLong(m.group(1));
    }

    static int servicePort(String service) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Manifests.text(ROOT.resolve(service + "/src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String port = p.getProperty("quarkus.http.port");
        // the file names the root pom's nmsdz.port.<name> (the suite's one place for its ports), filled in by the build
        Matcher constant = Pattern.compile("@(nmsdz\\.port\\.[a-z-]+)@").matcher(port);
        if (constant.matches()) {
            Matcher declared = Pattern.compile("<" + Pattern.quote(constant.group(1)) + ">([^<]+)</")
                    .matcher(Manifests.text(ROOT.resolve("pom.xml")));
            assertTrue(declared.find(), constant.group(1) + " is not declared in the root pom");
            port = declared.group(1);
        }
        return Integer.parseInt(port);
    }

    static void probe(String service, Probe probe, String path, String port) {
        assertNotNull(probe, service + ": no probe on " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, service + ": " + path + " not an HTTP probe");
        assertEquals(path, get.getPath(), service);
        assertEquals(port, get.getPort().getStrVal(), service);
    }

    static boolean selects(NetworkPolicy p, Map<String, String> labels) {
        var selector = p.getSpec().getPodSelector();
        boolean labelsMatch = empty(selector.getMatchLabels())
                || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        boolean expressionsMatch = empty(selector.getMatchExpressions()) || selector.getMatchExpressions().stream()
                .allMatch(e -> e.getOperator().equals("In") && e.getValues().contains(labels.get(e.getKey())));
        return labelsMatch && expressionsMatch;
    }

    static boolean empty(Object mapOrList) {
        return mapOrList == null || (mapOrList instanceof Map<?, ?> m && m.isEmpty())
                || (mapOrList instanceof Collection<?> c && c.isEmpty());
    }

    static List<NetworkPolicyIngressRule> ingress(NetworkPolicy p) {
        return p.getSpec().getIngress() == null ? List.of() : p.getSpec().getIngress();
    }

    static void collectSecretNames(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                if ((key.equals("secretKeyRef") || key.equals("secret") || key.endsWith("Secret")) && e.getValue().isObject()) {
                    into.add(e.getValue().path("name").asText());
                } else if ((key.equals("tlsSecret") || key.equals("secretName")) && e.getValue().isTextual()) {
                    into.add(e.getValue().asText());
                }
                collectSecretNames(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSecretNames(n, into));
        }
    }

    /** The metric names in a PromQL expression: the suite's own and those of Quarkus, Micrometer and Prometheus it uses. */
    private static final Pattern METRIC = Pattern.compile("\\b(nmsdz_[a-z_]+|http_server_requests_seconds_count"
            + "|process_files_[a-z_]+|vertx_http_connections_[a-z_]+|jvm_memory_[a-z_]+|up)\\b(?![a-z_]*\\s*\\()");

    static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expr.replaceAll("\\{[^}]*}", ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * What the services register with Micrometer, as Prometheus names: the meters named in their sources ("nmsdz.x.y"
     * becomes nmsdz_x_y, with _seconds for a base unit of seconds), Quarkus' HTTP server timer and Prometheus' own up.
     */
    static Set<String> exportedMetrics() throws IOException {
        // besides the suite's own meters: Quarkus' HTTP server meter, Micrometer's file-descriptor meters (every JVM on
        // Linux; the JVM's memory), Quarkus' connection meters (where quarkus.http.limits.max-connections is set: the gateway; MetricsIT
        // reads these from the gateway) and Prometheus' own
        Set<String> names = new TreeSet<>(Set.of("http_server_requests_seconds_count", "process_files_open_files",
                "process_files_max_files", "vertx_http_connections_rejected_total", "vertx_http_connections_current",
                "vertx_http_connections_max", "jvm_memory_used_bytes", "up"));
        Pattern meter = Pattern.compile("(?:Gauge|Counter|Timer)\\.builder\\(\"(nmsdz\\.[a-z.]+)\"([^;]*);", Pattern.DOTALL);
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                Matcher m = meter.matcher(Files.readString(f));
                while (m.find()) {
                    String name = m.group(1).replace('.', '_');
                    String kind = m.group(0).substring(0, m.group(0).indexOf('.'));
                    switch (kind) {
                        case "Counter" -> names.add(name + "_total");
                        case "Timer" -> names.addAll(List.of(name + "_seconds_count", name + "_seconds_sum", name + "_seconds_max"));
                        default -> names.add(m.group(2).contains(".baseUnit(\"seconds\")") ? name + "_seconds" : name);
                    }
                }
            }
        }
        return names;
    }

    /** Fields a fabric8 model object kept aside because the Kubernetes schema has no such field there. */
    static void unknownFields(Object o, String path, List<String> problems, Document d) {
        if (o == null || !o.getClass().getPackageName().startsWith("io.fabric8")) {
            if (o instanceof Collection<?> c) {
                int i = 0;
                for (Object e : c) {
                    unknownFields(e, path + "[" + i++ + "]", problems, d);
                }
            } else if (o instanceof Map<?, ?> m) {
                m.forEach((k, v) -> unknownFields(v, path + "." + k, problems, d));
            }
            return;
        }
        for (Method method : o.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(o);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(d + ": " + path + " has unknown " + new TreeSet<>(((Map<?, ?>) extra).keySet().stream()
                            .map(String::valueOf).toList()));
                }
            } else {
                unknownFields(value, path + "." + decapitalize(method.getName().substring(3)), problems, d);
            }
        }
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
