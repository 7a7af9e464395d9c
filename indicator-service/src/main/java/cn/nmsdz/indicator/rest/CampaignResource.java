package cn.nmsdz.indicator.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import cn.nmsdz.indicator.organisation.CampaignService;
import cn.nmsdz.indicator.organisation.CampaignViews.CampaignView;
import cn.nmsdz.indicator.organisation.CampaignViews.Change;
import cn.nmsdz.indicator.organisation.CampaignViews.Liaison;
import cn.nmsdz.indicator.organisation.CampaignViews.ScheduleRequest;
import cn.nmsdz.indicator.organisation.CampaignViews.ScheduleView;
import cn.nmsdz.indicator.organisation.CampaignViews.Stage;
import cn.nmsdz.indicator.organisation.CampaignViews.TaskRequest;
import cn.nmsdz.indicator.organisation.CampaignViews.TaskView;
import cn.nmsdz.indicator.organisation.LeadershipGroup;
import cn.nmsdz.indicator.organisation.OrganisationHistory;
import cn.nmsdz.support.rest.PersonalData;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a region's creation office (领导小组办公室) runs besides departments and the decomposition: the creation's stages,
 * due dates (时间节点), responsible persons (责任人员), plan-task targets, liaisons (联络员), the leadership group, and
 * the history of every change of organisation data.
 */
@Path("/api/v1/regions/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Creation campaign", description = "The creation office runs its own region: stages, deadlines, persons, targets, "
        + "liaisons, leadership group, history")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Writes: catalogue-admin, or the creation-office of this very region "
        + "(rule own-region); reads: rule region-scope")
@Authenticated
@PersonalData // persons, phones and liaisons by name: never cached
public class CampaignResource {
    static final String WRITERS = " Written by the region's own creation office (creation-office, claim region) and the "
            + "catalogue admin; every change is kept in …/organisation/history and announced on catalogue.events "
            + "(campaign-changed).";

    @Inject
    CampaignService campaign;

    @Inject
    OrganisationHistory history;

    @Inject
    OrganisationAccess access;

    @GET
    @Path("/campaign")
    @Operation(summary = "The creation campaign of a region", description = "Stages, the schedule (due date, stage, "
            + "responsible persons) of each decomposition entry and item, and the plan tasks with their targets."
            + OrganisationResource.READ_RULE)
    public CampaignView campaign(@PathParam("code") String code) {
        access.requireRead(code);
        return campaign.campaign(code);
    }

    @GET
    @Path("/stages")
    @Operation(summary = "The stages of the creation (启动部署 / 全面推进 / 自查自评 / 申报验收 …)", description = OrganisationResource.READ_RULE)
    public List<Stage> stages(@PathParam("code") String code) {
        access.requireRead(code);
        return campaign.stages(code);
    }

    @PUT
    @Path("/stages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Set the stages of the creation", description = "Replaces the list; codes lower-case words, each "
            + "stage with its start and end date (both included). Due dates must lie within a stage." + WRITERS)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stages", value = """
            [{"code": "launch", "name": "启动部署", "startsOn": "2026-01-01", "endsOn": "2026-02-28"},
             {"code": "push", "name": "全面推进", "startsOn": "2026-03-01", "endsOn": "2026-09-30"},
             {"code": "self-check", "name": "自查自评", "startsOn": "2026-10-01", "endsOn": "2026-11-30"},
             {"code": "apply", "name": "申报验收", "startsOn": "2026-12-01", "endsOn": "2027-03-31"}]""")))
    @APIResponse(responseCode = "200", description = "The stages now stored")
    @APIResponse(responseCode = "400", description = "Every problem, each naming its field; nothing stored")
    public List<Stage> putStages(@PathParam("code") String code, List<@NotNull @Valid Stage> stages) {
        access.requireWrite(code);
        return campaign.putStages(code, required(stages));
    }

    @PUT
    @Path("/decomposition/{indicator}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Set due date, stage and responsible persons of an indicator",
            description = "Past dates are allowed (a late entry is a fact); a due date outside the creation's stages (or "
                    + "outside the stage named) is a 400. Each person needs a name and a department of the region." + WRITERS)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "schedule", value = """
            {"dueDate": "2026-06-30", "stage": "push",
             "persons": [{"department": "140829-market-supervision", "name": "李明", "phone": "0359-3522123"}]}""")))
    @APIResponse(responseCode = "200", description = "The schedule now stored")
    @APIResponse(responseCode = "400", description = "Every problem, each naming its field; nothing stored")
    @APIResponse(responseCode = "404", description = "Unknown region, or no decomposition entry for the indicator")
    public ScheduleView putSchedule(@PathParam("code") String code, @PathParam("indicator") String indicator,
            @Valid ScheduleRequest body) {
        access.requireWrite(code);
        return campaign.putSchedule(code, indicator, null, required(body));
    }

    @PUT
    @Path("/decomposition/{indicator}/items/{item}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Set due date, stage and responsible persons of one item of an indicator (e.g. 17.1)",
            description = "As for the indicator." + WRITERS)
    @APIResponse(responseCode = "200", description = "The schedule now stored")
    @APIResponse(responseCode = "400", description = "Every problem, each naming its field; nothing stored")
    @APIResponse(responseCode = "404", description = "Unknown region, indicator without decomposition entry, or unknown item")
    public ScheduleView putItemSchedule(@PathParam("code") String code, @PathParam("indicator") String indicator,
            @Parameter(example = "17.1") @PathParam("item") String item, @Valid ScheduleRequest body) {
        access.requireWrite(code);
        return campaign.putSchedule(code, indicator, item, required(body));
    }

    @PUT
    @Path("/plan/tasks/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Change or add a task of the plan, with due date, persons and target",
            description = "Title, text and units are replaced where given; due date, stage and persons always. A task whose "
                    + "text promises a number (永川: 培育电子商务龙头企业5家) carries it as targetValue with its unit, and "
                    + "currentValue where it stands. A target that is not a JSON number is a 400." + WRITERS)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "target", value = """
            {"dueDate": "2026-09-30", "stage": "push", "targetValue": 5, "targetUnit": "家", "currentValue": 2,
             "persons": [{"department": "500118-commerce", "name": "张伟", "phone": "023-49881234"}]}""")))
    @APIResponse(responseCode = "200", description = "The task now stored")
    @APIResponse(responseCode = "400", description = "Every problem, each naming its field; nothing stored")
    @APIResponse(responseCode = "404", description = "Unknown region or a region without plan")
    public TaskView putTask(@PathParam("code") String code, @PathParam("number") int number, @Valid TaskRequest body) {
        access.requireWrite(code);
        return campaign.putTask(code, PlanTask.TASK, number, required(body));
    }

    @PUT
    @Path("/plan/measures/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Change or add an implementation measure of the plan", description = "As for a task." + WRITERS)
    @APIResponse(responseCode = "200", description = "The measure now stored")
    @APIResponse(responseCode = "400", description = "Every problem, each naming its field; nothing stored")
    public TaskView putMeasure(@PathParam("code") String code, @PathParam("number") int number, @Valid TaskRequest body) {
        access.requireWrite(code);
        return campaign.putTask(code, PlanTask.MEASURE, number, required(body));
    }

    @GET
    @Path("/departments/{department}/liaisons")
    @Operation(summary = "The liaisons (联络员) of a department", description = OrganisationResource.READ_RULE)
    public List<Liaison> liaisons(@PathParam("code") String code, @PathParam("department") String department) {
        access.requireRead(code);
        return campaign.liaisons(code, department);
    }

    @PUT
    @Path("/departments/{department}/liaisons")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Set the liaisons (联络员) of a department",
            description = "Each with a name and an office phone or another contact." + WRITERS)
    @APIResponse(responseCode = "200", description = "The liaisons now stored")
    @APIResponse(responseCode = "400", description = "Every problem, each naming its field; nothing stored")
    @APIResponse(responseCode = "404", description = "Unknown region or department")
    public List<Liaison> putLiaisons(@PathParam("code") String code, @PathParam("department") String department,
            List<@NotNull @Valid Liaison> liaisons) {
        access.requireWrite(code);
        return campaign.putLiaisons(code, department, required(liaisons));
    }

    @PUT
    @Path("/leadership-group")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"catalogue-admin", "creation-office"})
    @Operation(summary = "Set the leadership group (领导小组) and its office", description = "Replaces the group; members "
            + "need a name, departments must be the region's." + WRITERS)
    @APIResponse(responseCode = "200", description = "The group now stored")
    @APIResponse(responseCode = "400", description = "Every problem, each naming its field; nothing stored")
    @APIResponse(responseCode = "404", description = "Unknown region or a region without plan")
    public LeadershipGroup putLeadership(@PathParam("code") String code, @Valid LeadershipGroup group) {
        access.requireWrite(code);
        return campaign.putLeadership(code, required(group));
    }

    @GET
    @Path("/organisation/history")
    @Operation(summary = "Who changed which organisation data when",
            description = "Every change of departments, liaisons, leadership group, plan tasks, decomposition, schedules and "
                    + "stages, newest first, with the state before and after (JSON). Append-only. `subject` filters by its "
                    + "beginning (\"decomposition 3\", \"schedule\", \"department\")." + OrganisationResource.READ_RULE)
    public List<Change> history(@PathParam("code") String code, @QueryParam("subject") String subject,
            @Parameter(description = "at most this many (default 100)") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        access.requireRead(code);
        return history.list(code, subject, limit);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.missingBody("a JSON body").chinese("缺少请求体：需要一个 JSON 对象");
        }
        return body;
    }
}
