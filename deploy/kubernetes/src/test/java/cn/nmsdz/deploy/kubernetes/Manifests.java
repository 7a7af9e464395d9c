package cn.nmsdz.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The manifests under deploy/kubernetes as the tests read them: each YAML document with the file it came from. */
final class Manifests {
    static final Path KUBERNETES = Path.of("").toAbsolutePath();
    static final Path ROOT = KUBERNETES.getParent().getParent();
    static final Path BASE = KUBERNETES.resolve("base");
    static final Path OVERLAYS = KUBERNETES.resolve("overlays");
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    record Document(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " in " + KUBERNETES.relativize(file);
        }
    }

    private Manifests() {
    }

    /** Every document of every YAML file below {@code dir} except the kustomizations themselves. */
    static List<Document> resources(Path dir) {
        return yamlFiles(dir).stream().filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                .flatMap(f -> read(f).stream()).toList();
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Document> read(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<Document> docs = new ArrayList<>();
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    docs.add(new Document(file, node));
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
