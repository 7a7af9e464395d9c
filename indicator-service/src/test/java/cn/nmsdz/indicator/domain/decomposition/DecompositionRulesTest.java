package cn.nmsdz.indicator.domain.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.RegionSeed;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Departments and decomposition entries are checked against their region before anything is stored. */
class DecompositionRulesTest {
    static final Set<String> INDICATORS = IntStream.rangeClosed(1, 41).mapToObj(String::valueOf).collect(Collectors.toSet());

    static RegionOrganisation yongchuan() {
        RegionSeed seed = RegionSeed.read("seed/regions/500118-yongchuan.json");
        return new RegionOrganisation("500118", seed.departments(), seed.planTasks(), seed.decomposition());
    }

    static List<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).toList();
    }

    @Test
    void every_seed_entry_is_valid() {
        RegionOrganisation org = yongchuan();
        org.entries().forEach(e -> assertEquals(List.of(), DecompositionRules.entry(e, INDICATORS, org), e.indicator()));
        RegionSeed pinglu = RegionSeed.read("seed/regions/140829-pinglu.json");
        RegionOrganisation pl = new RegionOrganisation("140829", pinglu.departments(), pinglu.planTasks(), pinglu.decomposition());
        pl.entries().forEach(e -> assertEquals(List.of(), DecompositionRules.entry(e, INDICATORS, pl), e.indicator()));
    }

    @Test
    void an_entry_reports_every_unknown_indicator_task_measure_and_department() {
        DecompositionEntry bad = new DecompositionEntry("42", List.of(1, 25, 1), List.of(9),
                List.of("500118-commerce", "140829-statistics"), List.of("500118-nowhere"));
        assertEquals(List.of("/indicator", "/tasks/1", "/tasks/2", "/measures/0", "/leadUnits/1", "/responsibleUnits/0"),
                pointers(DecompositionRules.entry(bad, INDICATORS, yongchuan())));
        assertEquals(List.of("/responsibleUnits"), pointers(DecompositionRules.entry(
                new DecompositionEntry("1", List.of(), List.of(), List.of(), List.of()), INDICATORS, yongchuan())));
    }

    @Test
    void a_department_needs_a_code_of_its_region_and_names_no_other_department_uses() {
        // its own fields (code format, name, kind, blank aliases) are the request's constraints: RequestPipelineTest
        Department bad = new Department("140829-x", "区商务委", List.of("区统计局"), "OTHER", List.of("500118-nowhere"));
        assertEquals(List.of("/code", "/name", "/aliases/0", "/members/0", "/members"),
                pointers(DecompositionRules.department(bad, yongchuan())));
        Department fine = new Department("500118-data-office", "重庆市永川区数据办", List.of("区数据办"), "GOVERNMENT_DEPARTMENT", List.of());
        assertEquals(List.of(), DecompositionRules.department(fine, yongchuan()));
        // changing an existing department may keep its own names
        Department market = yongchuan().department("500118-market-supervision").orElseThrow();
        assertEquals(List.of(), DecompositionRules.department(market, yongchuan()));
    }
}
