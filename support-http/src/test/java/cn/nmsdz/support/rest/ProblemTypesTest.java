package cn.nmsdz.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem type of the services is its own and the README's table says what it refuses. */
class ProblemTypesTest {

    static List<String> allTypes() {
        List<String> types = new ArrayList<>();
        Stream.of(RefusalRule.values()).map(RefusalRule::type).forEach(types::add);
        Stream.of(ProblemType.values()).map(ProblemType::type).forEach(types::add);
        return types;
    }

    @Test
    void everyTypeIsUnique() {
        List<String> types = allTypes();
        assertEquals(types.size(), new HashSet<>(types).size(), "a type names one kind of refusal: " + types);
    }

    @Test
    void everyTypeIsARowOfTheReadmeTable() throws IOException {
        Path readme = Path.of("..", "README.md");
        assertTrue(Files.isRegularFile(readme), "run from the module directory");
        Set<String> rows = new HashSet<>();
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("| `urn:nmsdz:problem:")) {
                rows.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        List<String> missing = allTypes().stream().filter(t -> !rows.contains(t)).toList();
        assertEquals(List.of(), missing, "types without a README row");
        List<String> unknown = rows.stream().filter(r -> !allTypes().contains(r)).sorted().toList();
        assertEquals(List.of(), unknown, "README rows of no type");
    }

    @Test
    void theFactoriesAndTheStatusPickTheType() {
        assertEquals("urn:nmsdz:problem:not-found", ProblemMappers.type(ProblemException.notFound("no region 1")));
        assertEquals("urn:nmsdz:problem:conflict", ProblemMappers.type(ProblemException.conflict("exists")));
        assertEquals("urn:nmsdz:problem:missing-body", ProblemMappers.type(ProblemException.missingBody("a body")));
        assertEquals("urn:nmsdz:problem:invalid-request", ProblemMappers.type(ProblemException.badRequest("x", List.of())));
        assertEquals("urn:nmsdz:problem:rule:four-eyes", ProblemMappers.type(ProblemException.forbidden("rule four-eyes: x")));
        assertEquals("urn:nmsdz:problem:rule:campaign",
                ProblemMappers.type(ProblemException.conflict("x").typed(RefusalRule.CAMPAIGN)));
        assertEquals("urn:nmsdz:problem:not-arrived-yet", ProblemMappers.type(RetryLaterException.notYet("x", 1)));
        assertEquals("urn:nmsdz:problem:payload-too-large", ProblemMappers.type(new ProblemException(413, "t", "d")));
        assertEquals("urn:nmsdz:problem:rule:role", ProblemMappers.type(new ProblemException(403, "t", "d")));
        assertEquals("urn:nmsdz:problem:internal-error", ProblemMappers.typeOf(500));
        assertEquals(ProblemType.INVALID_FIELD.type(), ConstraintProblems.TYPE);
    }
}
