package cn.nmsdz.indicator.organisation;

import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import cn.nmsdz.indicator.domain.decomposition.Department;
import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A region seed file (src/main/resources/seed/regions): the region, its departments, its creation
 * plan, (平陆县) its leadership group, and the decomposition of its annex. Transcription details
 * (printed cell text, repair notes) stay in the file; only what the service owns is read.
 */
public record RegionSeed(RegionData region, List<RegionData> ancestors, Source source, List<Department> departments,
        Plan plan, String leadershipGroupTitle, List<LeadershipGroup.Member> leadershipGroup,
        LeadershipGroup.Office leadershipOffice, List<DecompositionEntry> decomposition) {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public record Source(String file, String documentNumber, String issuer, LocalDate date, String kind) {
    }

    public record Plan(String title, List<Task> tasks, List<Task> implementationMeasures) {
    }

    public record Task(String section, int number, String heading, String title, String text, List<String> leadUnits,
            List<String> responsibleUnits) {
    }

    /** Tasks then measures, as the service stores them. */
    public List<PlanTask> planTasks() {
        List<PlanTask> all = new ArrayList<>();
        plan.tasks().forEach(t -> all.add(new PlanTask(PlanTask.TASK, t.number(), t.section(), null, t.title(), t.text(),
                t.leadUnits(), t.responsibleUnits())));
        if (plan.implementationMeasures() != null) {
            plan.implementationMeasures().forEach(t -> all.add(new PlanTask(PlanTask.MEASURE, t.number(), t.section(),
                    t.heading(), t.title(), t.text(), t.leadUnits(), t.responsibleUnits())));
        }
        return all;
    }

    public LeadershipGroup leadership() {
        return leadershipGroup == null ? null
                : new LeadershipGroup(leadershipGroupTitle, leadershipGroup, leadershipOffice);
    }

    public static RegionSeed read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("region seed " + resource + " is missing");
            }
            return MAPPER.readValue(in, RegionSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
