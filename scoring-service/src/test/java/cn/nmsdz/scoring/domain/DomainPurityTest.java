package cn.nmsdz.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule engine is plain Java: no framework import and no floating point in the domain sources. */
class DomainPurityTest {

    private static final Path DOMAIN = Path.of("src/main/java/cn/nmsdz/scoring/domain");

    @Test
    void domainHasNoFrameworkImportsAndNoDoubles() throws IOException {
        assertTrue(Files.isDirectory(DOMAIN), "run from the module directory");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(DOMAIN)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.matches("\\s*import\\s+(static\\s+)?(io\\.quarkus|jakarta|javax|org\\.hibernate"
                                    + "|com\\.fasterxml|io\\.smallrye|org\\.eclipse)\\..*")
                                    || l.matches(".*\\b(double|float|Double|Float)\\b.*"))
                            .map(l -> p.getFileName() + ": " + l.trim());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
