package cn.nmsdz.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RefusalRuleTest {

    @Test
    void aRefusalNamesItsRuleAndGetsItsType() {
        assertEquals(Optional.of(RefusalRule.FOUR_EYES), RefusalRule.namedIn("rule four-eyes: x submitted this"));
        assertEquals("urn:nmsdz:problem:rule:region-scope", RefusalRule.REGION_SCOPE.type());
        assertEquals(Optional.empty(), RefusalRule.namedIn("no evidence 42"));
        assertEquals(Optional.empty(), RefusalRule.namedIn("rule unheard-of: x"));
    }

    /** Every rule a service names in a refusal is one of the list, so each has its documented type. */
    @Test
    void everyRuleTheServicesNameIsListed() throws IOException {
        Pattern named = Pattern.compile("\"rule ([a-z-]+):");
        List<String> unknown;
        try (Stream<Path> files = Stream.of("indicator-service", "evidence-service", "scoring-service", "support-http", "support-messaging")
                .map(module -> Path.of("..", module, "src/main/java")).flatMap(RefusalRuleTest::walk)) {
            unknown = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            Matcher m = named.matcher(Files.readString(p));
                            return m.results().map(r -> r.group(1)).toList().stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(name -> RefusalRule.namedIn("rule " + name + ":").isEmpty()).distinct().toList();
        }
        assertEquals(List.of(), unknown);
        assertTrue(Files.isDirectory(Path.of("../evidence-service/src/main")), "run from the module directory");
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
