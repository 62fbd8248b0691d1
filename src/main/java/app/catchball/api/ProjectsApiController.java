package app.catchball.api;

import app.catchball.base.RuleViolation;
import app.catchball.base.export.Pages;
import app.catchball.projects.LinkedItem;
import app.catchball.projects.Measure;
import app.catchball.projects.ProjectDetail;
import app.catchball.projects.ProjectRegisterService;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The projects register for a warehouse or Power BI: a unit's projects with their links to the plan and their measures. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Projects")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "403", description = "Refused, e.g. the account must first change its password",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "404", description = "No such unit or project",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
class ProjectsApiController {

    private static final String PROJECT_JSON = """
            {"id": 12, "title": "Falls safety huddle", "unitId": 31, "unitName": "Ward 7 — Respiratory",
             "stage": "Sustaining", "leadUserId": 8, "lead": "Priya Shah", "team": "Safety huddle with falls risk review",
             "startDate": "2025-06-01", "endDate": "2026-03-31", "approved": true, "alignedToTrueNorth": true,
             "needsNewLead": false, "slipping": false, "aim": "Falls with harm from 3 to 0 a month by March 2026",
             "links": [{"itemId": 140, "code": "P1", "title": "Reduce falls with harm", "kind": "Improvement priority",
                        "unitId": 31, "unitName": "Ward 7 — Respiratory", "tracesToTrueNorth": true}],
             "measures": [{"metricId": 151, "metric": "M2 Falls with harm", "unitName": "Ward 7 — Respiratory",
                           "concernAfterEnd": false}]}""";

    private final ProjectRegisterService register;
    private final ProjectService projects;
    private final ApiLookups lookups;

    ProjectsApiController(ProjectRegisterService register, ProjectService projects, ApiLookups lookups) {
        this.register = register;
        this.projects = projects;
        this.lookups = lookups;
    }

    @Schema(description = "A local improvement project with what it serves on the plan and what it is measured by")
    record Project(long id, String title, long unitId, String unitName, String stage, Long leadUserId, String lead,
                   String team, LocalDate startDate, LocalDate endDate, boolean approved,
                   @Schema(description = "A link traces to a True North goal") boolean alignedToTrueNorth,
                   boolean needsNewLead,
                   @Schema(description = "Finished, yet a measure shows special-cause concern after its end") boolean slipping,
                   String aim, List<Link> links, List<ProjectMeasure> measures) {

        static Project of(ProjectSummary p, List<LinkedItem> links, List<Measure> measures) {
            return new Project(p.id(), p.title(), p.unitId(), p.unitName(), p.stage().label(), p.leadUserId(), p.leadName(),
                    p.team(), p.startDate(), p.endDate(), p.approved(), p.aligned(), p.needsNewLead(), p.slipping(), p.aim(),
                    links.stream().map(Link::of).toList(), measures.stream().map(ProjectMeasure::of).toList());
        }
    }

    @Schema(description = "A priority or annual objective the project serves")
    record Link(long itemId, String code, String title, String kind, long unitId, String unitName, boolean tracesToTrueNorth)
            implements CsvLabel {
        static Link of(LinkedItem i) {
            return new Link(i.itemId(), i.code(), i.title(), i.kindLabel(), i.unitId(), i.unitName(), i.aligned());
        }

        @Override
        public String csvLabel() {
            return code + " " + title + " (" + unitName + ")";
        }
    }

    @Schema(description = "A metric the project is measured by")
    record ProjectMeasure(long metricId, String metric, String unitName,
                          @Schema(description = "Always false in the register, which skips this check") boolean concernAfterEnd)
            implements CsvLabel {
        static ProjectMeasure of(Measure m) {
            return new ProjectMeasure(m.metricId(), m.label(), m.unitName(), m.concernAfterEnd());
        }

        @Override
        public String csvLabel() {
            return metric + " (" + unitName + ")";
        }
    }

    @GetMapping(path = "/units/{id}/projects", produces = {MediaType.APPLICATION_JSON_VALUE, CsvMessageConverter.TEXT_CSV})
    @Operation(summary = "A unit's projects", description = "The projects register: every project of the unit (with "
            + "below=true also of every unit below it), ordered by unit and age, each with its links to the plan and its "
            + "measures. Accept: text/csv answers CSV, one row per project, links and measures joined by \"; \".")
    @ApiResponse(responseCode = "200", description = "The projects", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = Project.class)),
                    examples = @ExampleObject("[" + PROJECT_JSON + "]")),
            @Content(mediaType = CsvMessageConverter.TEXT_CSV, schema = @Schema(type = "string"), examples = @ExampleObject("""
                    id,title,unitId,unitName,stage,leadUserId,lead,team,startDate,endDate,approved,alignedToTrueNorth,needsNewLead,slipping,aim,links,measures
                    12,Falls safety huddle,31,Ward 7 — Respiratory,Sustaining,8,Priya Shah,Safety huddle with falls risk review,2025-06-01,2026-03-31,true,true,false,false,Falls with harm from 3 to 0 a month by March 2026,P1 Reduce falls with harm (Ward 7 — Respiratory),M2 Falls with harm (Ward 7 — Respiratory)
                    """))})
    List<Project> projectsOf(@PathVariable long id,
                             @Parameter(description = "Include the units below") @RequestParam(defaultValue = "false") boolean below) {
        long unitId = lookups.unit(id);
        return Pages.byOffset((offset, limit) -> register.page(unitId, below, offset, limit))
                .map(e -> Project.of(e.project(), e.links(), e.measures())).toList();
    }

    @GetMapping(path = "/projects/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A project", description = "One project with its links and measures; a measure's concernAfterEnd "
            + "says whether SPC shows concern after the project ended (the sustain check).")
    @ApiResponse(responseCode = "200", description = "The project", content = @Content(
            schema = @Schema(implementation = Project.class), examples = @ExampleObject(PROJECT_JSON)))
    Project project(@PathVariable long id) {
        ProjectDetail detail;
        try {
            detail = projects.project(id);
        } catch (RuleViolation e) {
            throw new NotFound("There is no project " + id + ".");
        }
        return Project.of(detail.project(), detail.links(), detail.measures());
    }
}
