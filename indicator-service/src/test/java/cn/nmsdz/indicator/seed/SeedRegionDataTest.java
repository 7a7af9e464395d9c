package cn.nmsdz.indicator.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the per-region seed files (departments, creation plan, task decomposition) against the two
 * official source texts in {@code shared/seeds}. Plain JUnit: no Quarkus, no database.
 */
class SeedRegionDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds");
    private static final Set<String> KINDS = Set.of("GOVERNMENT_DEPARTMENT", "PARTY_OFFICE", "COLLECTIVE", "OTHER");
    private static final Set<String> LEVELS = Set.of("PROVINCE", "CITY", "COUNTY");
    private static final Set<String> ZONES = Set.of("EAST", "CENTRAL", "WEST", "NORTHEAST");

    /** One region seed file and the official text it was taken from. */
    record Seed(String resource, String seedFile, String code, String name, String zone, int taskCount) {
        @Override
        public String toString() {
            return code + " " + name;
        }
    }

    private static final Seed YONGCHUAN = new Seed("500118-yongchuan.json", "000_2a08821178c9f128.txt",
            "500118", "永川区", "WEST", 24);
    private static final Seed PINGLU = new Seed("140829-pinglu.json", "003_8729f1a4ca8d2a50.txt",
            "140829", "平陆县", "CENTRAL", 21);

    private static final Map<String, JsonNode> JSON = new HashMap<>();
    private static final Map<String, String> TEXT = new HashMap<>();

    static Stream<Seed> seeds() {
        return Stream.of(YONGCHUAN, PINGLU);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode json(Seed s) {
        return JSON.computeIfAbsent(s.resource(), r -> {
            try (InputStream in = SeedRegionDataTest.class.getResourceAsStream("/seed/regions/" + r)) {
                assertNotNull(in, "missing classpath resource /seed/regions/" + r);
                return MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String text(Seed s) {
        return TEXT.computeIfAbsent(s.seedFile(), f -> {
            try {
                return Files.readString(SEEDS.resolve(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Removes every kind of white space (line breaks, tabs, ideographic and en spaces). */
    static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static boolean inSeed(Seed s, String fragment) {
        return norm(text(s)).contains(norm(fragment));
    }

    private static List<JsonNode> list(JsonNode array) {
        assertTrue(array != null && array.isArray(), "expected an array but got " + array);
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    private static Map<String, JsonNode> departments(Seed s) {
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        for (JsonNode d : list(json(s).get("departments"))) {
            assertTrue(byCode.put(d.get("code").asText(), d) == null, "duplicate department code " + d.get("code"));
        }
        return byCode;
    }

    /** Every name and alias of every department, mapped to the department code. */
    private static Map<String, String> namesToCodes(Seed s) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode d : departments(s).values()) {
            String code = d.get("code").asText();
            List<String> all = new ArrayList<>();
            all.add(d.get("name").asText());
            all.addAll(strings(d.get("aliases")));
            for (String n : all) {
                String before = names.put(n, code);
                assertTrue(before == null, s + ": name " + n + " used by " + before + " and " + code);
            }
        }
        return names;
    }

    /** Units printed in a list, found by longest match of the known names and aliases. */
    private static Set<String> unitsIn(Seed s, String printed) {
        Map<String, String> names = namesToCodes(s);
        List<String> byLength = names.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String rest = printed;
        Set<String> codes = new LinkedHashSet<>();
        for (String n : byLength) {
            if (rest.contains(n)) {
                codes.add(names.get(n));
                rest = rest.replace(n, "\u0000");
            }
        }
        return codes;
    }

    private static List<JsonNode> notes(Seed s, String type) {
        JsonNode notes = json(s).get("notes");
        return notes == null ? List.of()
                : list(notes).stream().filter(n -> type.equals(n.path("type").asText())).toList();
    }

    /** The printed (damaged) form of a field: the file's value with the documented repairs undone. */
    private static String printed(Seed s, String pointer, String value) {
        List<JsonNode> repairs = notes(s, "REPAIR").stream().filter(n -> pointer.equals(n.get("path").asText())).toList();
        String v = value;
        for (int i = repairs.size() - 1; i >= 0; i--) {
            JsonNode r = repairs.get(i);
            String repaired = r.get("repaired").asText();
            assertTrue(v.contains(repaired), s + " " + pointer + ": repaired text not present: " + repaired);
            v = v.replace(repaired, r.get("original").asText());
        }
        return v;
    }

    private static void assertOccursAsPrinted(Seed s, String pointer) {
        JsonNode node = json(s).at(JsonPointer.compile(pointer));
        assertTrue(node.isTextual(), s + " " + pointer + " is not text");
        String original = printed(s, pointer, node.asText());
        assertTrue(inSeed(s, original), s + " " + pointer + " does not occur in " + s.seedFile() + ": " + original);
    }

    /** The rest of the seed line that holds the given printed paragraph (i.e. its unit clause). */
    private static String clauseAfter(Seed s, String printedParagraph) {
        String p = norm(printedParagraph);
        for (String line : text(s).split("\n")) {
            String l = norm(line);
            int at = l.indexOf(p);
            if (at >= 0) {
                return l.substring(at + p.length());
            }
        }
        fail(s + ": paragraph not found on one line: " + printedParagraph);
        return null;
    }

    /** Checks that lead and responsible units equal the units printed after the paragraph. */
    private static void assertUnitsMatchClause(Seed s, String pointer, JsonNode item) {
        String clause = clauseAfter(s, printed(s, pointer + "/text", item.get("text").asText()));
        assertTrue(clause.contains("责任单位") || clause.contains("牵头单位"), s + " " + pointer + ": no unit clause");
        int resp = clause.indexOf("责任单位");
        String leadPart = resp >= 0 ? clause.substring(0, resp) : clause;
        String respPart = resp >= 0 ? clause.substring(resp) : "";
        assertEquals(unitsIn(s, leadPart), new LinkedHashSet<>(strings(item.get("leadUnits"))),
                s + " " + pointer + " lead units vs printed " + leadPart);
        assertEquals(unitsIn(s, respPart), new LinkedHashSet<>(strings(item.get("responsibleUnits"))),
                s + " " + pointer + " responsible units vs printed " + respPart);
    }

    // ------------------------------------------------------------------ region

    @ParameterizedTest
    @MethodSource("seeds")
    void regionAndAncestorsFormAChain(Seed s) {
        JsonNode region = json(s).get("region");
        assertEquals(s.code(), region.get("code").asText());
        assertEquals(s.name(), region.get("name").asText());
        assertEquals("COUNTY", region.get("level").asText());
        assertEquals(s.zone(), region.get("zone").asText());
        assertTrue(inSeed(s, s.name()), "region name not in seed");

        List<JsonNode> chain = new ArrayList<>(list(json(s).get("ancestors")));
        chain.add(region);
        assertTrue(chain.get(0).get("parentCode").isNull(), "top ancestor has a parent");
        assertEquals("PROVINCE", chain.get(0).get("level").asText());
        for (int i = 0; i < chain.size(); i++) {
            JsonNode r = chain.get(i);
            assertTrue(r.get("code").asText().matches("\\d{6}"), "bad code " + r);
            assertTrue(LEVELS.contains(r.get("level").asText()), "bad level " + r);
            assertTrue(ZONES.contains(r.get("zone").asText()), "bad zone " + r);
            assertEquals(s.zone(), r.get("zone").asText(), "zone differs along the chain " + r);
            if (i > 0) {
                assertEquals(chain.get(i - 1).get("code").asText(), r.get("parentCode").asText(), "broken chain at " + r);
            }
        }
    }

    @Test
    void ancestorsAreTheExpectedDivisions() {
        assertEquals(List.of("500000"), list(json(YONGCHUAN).get("ancestors")).stream().map(a -> a.get("code").asText()).toList());
        assertEquals("重庆市", json(YONGCHUAN).get("ancestors").get(0).get("name").asText());
        assertEquals(List.of("140000", "140800"),
                list(json(PINGLU).get("ancestors")).stream().map(a -> a.get("code").asText()).toList());
        assertEquals(List.of("山西省", "运城市"),
                list(json(PINGLU).get("ancestors")).stream().map(a -> a.get("name").asText()).toList());
        assertEquals("CITY", json(PINGLU).get("ancestors").get(1).get("level").asText());
    }

    // ------------------------------------------------------------------ departments

    @ParameterizedTest
    @MethodSource("seeds")
    void departmentsAreWellFormedAndNamedInTheSeed(Seed s) {
        Map<String, JsonNode> depts = departments(s);
        assertFalse(depts.isEmpty());
        namesToCodes(s); // names and aliases are unique across departments
        for (JsonNode d : depts.values()) {
            String code = d.get("code").asText();
            assertTrue(code.matches(s.code() + "-[a-z0-9]+(-[a-z0-9]+)*"), "bad department code " + code);
            assertTrue(KINDS.contains(d.get("kind").asText()), code + " has kind " + d.get("kind"));
            assertTrue(inSeed(s, d.get("name").asText()), code + ": name not in seed: " + d.get("name"));
            for (String alias : strings(d.get("aliases"))) {
                assertTrue(inSeed(s, alias), code + ": alias not in seed: " + alias);
                assertFalse(alias.equals(d.get("name").asText()), code + ": alias repeats the name");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyReferencedDepartmentIsDefined(Seed s) {
        Set<String> defined = departments(s).keySet();
        List<String> referenced = new ArrayList<>();
        JsonNode plan = json(s).get("plan");
        for (String part : List.of("sections", "tasks", "implementationMeasures")) {
            for (JsonNode item : list(plan.get(part))) {
                referenced.addAll(strings(item.get("leadUnits")));
                referenced.addAll(strings(item.get("responsibleUnits")));
            }
        }
        for (JsonNode d : list(json(s).get("decomposition"))) {
            referenced.addAll(strings(d.get("leadUnits")));
            referenced.addAll(strings(d.get("responsibleUnits")));
        }
        for (JsonNode d : departments(s).values()) {
            if (d.has("members")) {
                referenced.addAll(strings(d.get("members")));
            }
        }
        JsonNode group = json(s).get("leadershipGroup");
        if (group != null) {
            list(group).forEach(p -> referenced.add(p.get("department").asText()));
            referenced.add(json(s).get("leadershipOffice").get("department").asText());
        }
        assertFalse(referenced.isEmpty());
        for (String code : referenced) {
            assertTrue(defined.contains(code), s + ": undefined department " + code);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void collectivesAreMarkedAsSuch(Seed s) {
        for (JsonNode d : departments(s).values()) {
            String name = d.get("name").asText();
            if (name.startsWith("各") || name.endsWith("成员单位") || name.endsWith("各行政执法单位")) {
                assertEquals("COLLECTIVE", d.get("kind").asText(), name);
            }
        }
    }

    // ------------------------------------------------------------------ plan

    @ParameterizedTest
    @MethodSource("seeds")
    void planTitleIsVerbatim(Seed s) {
        String title = json(s).get("plan").get("title").asText();
        assertTrue(inSeed(s, title), "plan title not in seed: " + title);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void tasksAreNumberedConsecutively(Seed s) {
        List<Integer> numbers = list(json(s).get("plan").get("tasks")).stream().map(t -> t.get("number").asInt()).toList();
        assertEquals(IntStream.rangeClosed(1, s.taskCount()).boxed().toList(), numbers);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void taskTitlesTextsAndSectionsComeFromTheSeed(Seed s) {
        JsonNode plan = json(s).get("plan");
        Set<String> headings = new HashSet<>();
        List<JsonNode> sections = list(plan.get("sections"));
        for (int i = 0; i < sections.size(); i++) {
            headings.add(sections.get(i).get("heading").asText());
            assertOccursAsPrinted(s, "/plan/sections/" + i + "/heading");
            if (!sections.get(i).get("preamble").isNull()) {
                assertOccursAsPrinted(s, "/plan/sections/" + i + "/preamble");
            }
        }
        List<JsonNode> tasks = list(plan.get("tasks"));
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode t = tasks.get(i);
            String title = t.get("title").asText();
            assertFalse(title.isBlank());
            String pointer = "/plan/tasks/" + i;
            // the title as printed in the seed (verbatim, or verbatim once its documented repair is undone)
            if (!inSeed(s, title)) {
                assertFalse(notes(s, "REPAIR").stream().noneMatch(n -> n.get("path").asText().equals(pointer + "/title")),
                        s + " task " + t.get("number") + ": title not in seed and no repair documented: " + title);
            }
            assertOccursAsPrinted(s, pointer + "/title");
            assertOccursAsPrinted(s, pointer + "/text");
            assertTrue(t.get("text").asText().startsWith(title), s + " task " + t.get("number") + ": text does not start with title");
            assertTrue(headings.contains(t.get("section").asText()), s + ": unknown section " + t.get("section"));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void taskUnitsAreThoseListedAfterEachTask(Seed s) {
        JsonNode plan = json(s).get("plan");
        List<JsonNode> tasks = list(plan.get("tasks"));
        for (int i = 0; i < tasks.size(); i++) {
            assertUnitsMatchClause(s, "/plan/tasks/" + i, tasks.get(i));
            assertFalse(tasks.get(i).get("responsibleUnits").isEmpty() && tasks.get(i).get("leadUnits").isEmpty());
        }
        List<JsonNode> measures = list(plan.get("implementationMeasures"));
        for (int i = 0; i < measures.size(); i++) {
            assertOccursAsPrinted(s, "/plan/implementationMeasures/" + i + "/text");
            assertUnitsMatchClause(s, "/plan/implementationMeasures/" + i, measures.get(i));
        }
        List<JsonNode> sections = list(plan.get("sections"));
        for (int i = 0; i < sections.size(); i++) {
            JsonNode sec = sections.get(i);
            if (!sec.get("preamble").isNull()) {
                String pointer = "/plan/sections/" + i;
                String clause = clauseAfter(s, printed(s, pointer + "/preamble", sec.get("preamble").asText()));
                int resp = clause.indexOf("责任单位");
                assertEquals(unitsIn(s, clause.substring(0, resp)), new LinkedHashSet<>(strings(sec.get("leadUnits"))));
                assertEquals(unitsIn(s, clause.substring(resp)), new LinkedHashSet<>(strings(sec.get("responsibleUnits"))));
            }
        }
    }

    // ------------------------------------------------------------------ decomposition

    @ParameterizedTest
    @MethodSource("seeds")
    void decompositionCoversEachIndicatorOnce(Seed s) {
        List<String> indicators = list(json(s).get("decomposition")).stream().map(d -> d.get("indicator").asText()).toList();
        assertEquals(IntStream.rangeClosed(1, 41).mapToObj(String::valueOf).toList(), indicators);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void decompositionLinksExistingTasksAndMeasures(Seed s) {
        JsonNode plan = json(s).get("plan");
        Set<Integer> tasks = new HashSet<>();
        list(plan.get("tasks")).forEach(t -> tasks.add(t.get("number").asInt()));
        Set<Integer> measures = new HashSet<>();
        list(plan.get("implementationMeasures")).forEach(t -> measures.add(t.get("number").asInt()));
        for (JsonNode d : list(json(s).get("decomposition"))) {
            list(d.get("tasks")).forEach(t -> assertTrue(tasks.contains(t.asInt()), s + " indicator " + d.get("indicator") + ": no task " + t));
            list(d.get("measures")).forEach(m -> assertTrue(measures.contains(m.asInt()), s + " indicator " + d.get("indicator") + ": no measure " + m));
            assertFalse(d.get("leadUnits").isEmpty() && d.get("responsibleUnits").isEmpty(),
                    s + " indicator " + d.get("indicator") + " has no unit");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void decompositionUnitsAreThosePrintedInTheAnnex(Seed s) {
        List<JsonNode> decomposition = list(json(s).get("decomposition"));
        for (int i = 0; i < decomposition.size(); i++) {
            JsonNode d = decomposition.get(i);
            for (String field : List.of("leadUnits", "responsibleUnits")) {
                JsonNode cell = d.get(field + "Text");
                if (cell == null || cell.isNull()) {
                    continue;
                }
                String pointer = "/decomposition/" + i + "/" + field;
                for (String line : cell.asText().split("\n")) {
                    assertTrue(text(s).lines().map(String::strip).anyMatch(line::equals),
                            s + " " + pointer + ": cell not printed as a line of the annex: " + line);
                }
                Set<String> expected = unitsIn(s, cell.asText());
                for (JsonNode r : notes(s, "REPAIR")) {
                    if (r.get("path").asText().equals(pointer)) {
                        assertTrue(cell.asText().contains(r.get("original").asText()));
                        expected.add(namesToCodes(s).get(r.get("repaired").asText()));
                    }
                }
                assertEquals(expected, new LinkedHashSet<>(strings(d.get(field))), s + " " + pointer);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void repairNotesAreConsistent(Seed s) {
        for (JsonNode r : notes(s, "REPAIR")) {
            JsonNode target = json(s).at(JsonPointer.compile(r.get("path").asText()));
            assertFalse(target.isMissingNode(), "repair note points nowhere: " + r);
            assertTrue(inSeed(s, r.get("original").asText()), "repaired original not in seed: " + r);
            assertFalse(r.get("reason").asText().isBlank());
            if (target.isTextual()) {
                assertTrue(target.asText().contains(r.get("repaired").asText()), "repair not applied: " + r);
            } else {
                String code = namesToCodes(s).get(r.get("repaired").asText());
                assertNotNull(code, "repaired unit is no department: " + r);
                assertTrue(strings(target).contains(code), "repaired unit not in list: " + r);
            }
        }
    }

    // ------------------------------------------------------------------ region specifics

    @Test
    void yongchuanLeadsAndLinksFollowTheAnnex() {
        Map<String, JsonNode> byIndicator = new HashMap<>();
        list(json(YONGCHUAN).get("decomposition")).forEach(d -> byIndicator.put(d.get("indicator").asText(), d));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), list(byIndicator.get("1").get("tasks")).stream().map(JsonNode::asInt).toList());
        assertEquals(List.of(17, 23, 24), list(byIndicator.get("41").get("tasks")).stream().map(JsonNode::asInt).toList());
        assertEquals(List.of("500118-new-city-construction"), strings(byIndicator.get("31").get("leadUnits")));
        assertEquals(List.of("500118-postal-branch-7"), strings(byIndicator.get("5").get("leadUnits")));
        assertTrue(byIndicator.get("40").get("tasks").isEmpty());
        assertEquals(byIndicator.get("16").get("responsibleUnits"), byIndicator.get("18").get("responsibleUnits"));
        // every indicator of the annex has at least one lead unit
        byIndicator.values().forEach(d -> assertFalse(d.get("leadUnits").isEmpty(), "no lead for " + d.get("indicator")));
    }

    @Test
    void pingluHasOnlyResponsibleUnits() {
        for (JsonNode t : list(json(PINGLU).get("plan").get("tasks"))) {
            assertTrue(t.get("leadUnits").isEmpty());
        }
        for (JsonNode d : list(json(PINGLU).get("decomposition"))) {
            assertTrue(d.get("leadUnits").isEmpty());
            assertTrue(d.get("tasks").isEmpty(), "平陆's annex links no plan tasks");
            assertFalse(d.get("responsibleUnits").isEmpty());
        }
    }

    @Test
    void pingluAbbreviationsDenoteTheSameDepartment() {
        Map<String, String> names = namesToCodes(PINGLU);
        assertEquals(names.get("县工业信息化和科技局"), names.get("县工科局"));
        assertEquals(names.get("县工业信息化和科技局"), names.get("县工信局"));
        assertEquals(names.get("县市场监督管理局"), names.get("县市场监管局"));
        assertEquals(names.get("县网络市场监督管理局际联席会议各成员单位"), names.get("县网络市场监管局际联席会议各成员单位"));
        assertEquals("COLLECTIVE", departments(PINGLU).get(names.get("县网络市场监管局际联席会议各成员单位")).get("kind").asText());
        assertEquals("COLLECTIVE", departments(PINGLU).get(names.get("各成员单位")).get("kind").asText());
    }

    private static final Pattern GROUP_LINE = Pattern.compile("^(?:(组[ \\u3000]*长|副组长|成[ \\u3000]*员)：)?([\\u4e00-\\u9fff](?:[ \\u3000]*[\\u4e00-\\u9fff]){1,2})\\u3000(.+)$");

    @Test
    void pingluLeadershipGroupListsThePeopleOfTheSeed() {
        String seed = text(PINGLU);
        int start = seed.indexOf("附件1：");
        String annex = seed.substring(start, seed.indexOf("领导小组下设办公室，办公室设在", start));
        List<List<String>> expected = new ArrayList<>();
        String role = null;
        for (String raw : annex.split("\n")) {
            Matcher m = GROUP_LINE.matcher(raw.strip());
            if (!m.matches()) {
                continue;
            }
            if (m.group(1) != null) {
                role = norm(m.group(1));
            }
            if (role != null) {
                expected.add(List.of(role, norm(m.group(2)), m.group(3).strip()));
            }
        }
        assertEquals(24, expected.size(), "people in the seed's 附件1");
        List<List<String>> actual = list(json(PINGLU).get("leadershipGroup")).stream()
                .map(p -> List.of(p.get("role").asText(), norm(p.get("person").asText()), p.get("position").asText()))
                .toList();
        assertEquals(expected, actual);
        assertEquals(List.of("组长", "翟纪亭", "县委副书记、政府县长"), actual.get(0));
        assertEquals(22, actual.stream().filter(p -> p.get(0).equals("成员")).count());

        JsonNode office = json(PINGLU).get("leadershipOffice");
        assertTrue(inSeed(PINGLU, office.get("text").asText()));
        assertTrue(office.get("text").asText().startsWith("领导小组下设办公室"));
        assertEquals(namesToCodes(PINGLU).get("县市场监督管理局"), office.get("department").asText());
        // the collective 各成员单位 is the leadership group: its members are the 成员 units
        JsonNode members = departments(PINGLU).get(namesToCodes(PINGLU).get("各成员单位")).get("members");
        List<String> memberUnits = list(json(PINGLU).get("leadershipGroup")).stream()
                .filter(p -> p.get("role").asText().equals("成员")).map(p -> p.get("department").asText()).toList();
        assertEquals(memberUnits, strings(members));
    }
}
