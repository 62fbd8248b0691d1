package app.catchball.api;

import app.catchball.base.RuleViolation;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.InboxRow;
import app.catchball.catchball.StepView;
import app.catchball.catchball.ThreadView;
import app.catchball.planning.CascadeLinkView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Catchball threads and their steps, for a warehouse or Power BI: who proposed what to whom, and how it moved. */
@RestController
@RequestMapping("/api/v1/catchball")
@Tag(name = "Catchball")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "403", description = "Refused, e.g. the account must first change its password",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "404", description = "No such thread, unit or cycle",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
class CatchballApiController {

    private final CatchballService catchball;
    private final ApiLookups lookups;

    CatchballApiController(CatchballService catchball, ApiLookups lookups) {
        this.catchball = catchball;
        this.lookups = lookups;
    }

    @Schema(description = "A catchball thread between a parent and a child unit")
    record Thread(long id, String title, String target, long parentUnitId, String parentUnit, long childUnitId,
                  String childUnit, long cycleId,
                  @Schema(allowableValues = {"PARENT", "CHILD"}, description = "Who opened it") String initiator,
                  String status, int rounds, Instant updatedAt,
                  @Schema(description = "The unit whose turn it is; empty when agreed or closed") String waitingOn,
                  @Schema(description = "Where it sits in the caller's inbox") String inbox) {
        static Thread of(InboxRow r) {
            return new Thread(r.linkId(), r.title(), r.target(), r.parentUnitId(), r.parentUnitName(), r.childUnitId(),
                    r.childUnitName(), r.cycleId(), r.initiator().name(), r.status().name(), r.rounds(), r.updatedAt(),
                    r.waitingOn(), r.bucket().label());
        }
    }

    @Schema(description = "A thread with every step in order")
    record ThreadWithSteps(long id, String title, String target, LocalDate dueDate, String rationale, String resources,
                           long parentUnitId, String parentUnit, long childUnitId, String childUnit, long cycleId,
                           String cycleName, String initiator, String status, int rounds, Instant createdAt,
                           Instant updatedAt, Instant agreedAt, Long sourceItemId, Long inputItemId, String waiting,
                           List<Step> steps) {
    }

    @Schema(description = "A step: who moved, when, the message and the proposal at that step")
    record Step(int seq, String move, String party, String unit, String actor, Instant at, String message, String title,
                String target, LocalDate dueDate, String resources, String statusAfter,
                @Schema(description = "What changed from the step before, e.g. \"target 95 % → 92 %\"") List<String> changes) {
        static Step of(StepView s) {
            return new Step(s.seq(), s.move().name(), s.party().name(), s.unitName(), s.actorName(), s.at(), s.message(),
                    s.proposal().title(), s.proposal().target(), s.proposal().dueDate(), s.proposal().resources(),
                    s.stateAfter().name(), s.changes());
        }
    }

    @GetMapping(path = "/threads", produces = {MediaType.APPLICATION_JSON_VALUE, CsvMessageConverter.TEXT_CSV})
    @Operation(summary = "Catchball threads", description = "Without unit: the threads of the units where you are a Lead "
            + "(your inbox); with unit: every thread of that unit. Newest first. Accept: text/csv answers CSV.")
    @ApiResponse(responseCode = "200", description = "The threads", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = Thread.class)),
                    examples = @ExampleObject("""
                            [{"id": 4, "title": "Reduce falls with harm by 25%", "target": "25 % fewer falls with harm",
                              "parentUnitId": 1, "parentUnit": "Northshore Teaching Hospitals NHS Foundation Trust",
                              "childUnitId": 2, "childUnit": "Division of Medicine", "cycleId": 1, "initiator": "PARENT",
                              "status": "COUNTERED", "rounds": 2, "updatedAt": "2026-11-30T09:12:00Z",
                              "waitingOn": "Northshore Teaching Hospitals NHS Foundation Trust", "inbox": "Waiting on them"}]""")),
            @Content(mediaType = CsvMessageConverter.TEXT_CSV, schema = @Schema(type = "string"), examples = @ExampleObject("""
                    id,title,target,parentUnitId,parentUnit,childUnitId,childUnit,cycleId,initiator,status,rounds,updatedAt,waitingOn,inbox
                    4,Reduce falls with harm by 25%,25 % fewer falls with harm,1,Northshore Teaching Hospitals NHS Foundation Trust,2,Division of Medicine,1,PARENT,COUNTERED,2,2026-11-30 09:12:00,Northshore Teaching Hospitals NHS Foundation Trust,Waiting on them
                    """))})
    List<Thread> threads(@Parameter(description = "Cycle id; every cycle when left out") @RequestParam(required = false) Long cycle,
                         @Parameter(description = "Unit id; your own units when left out") @RequestParam(required = false) Long unit) {
        Long cycleId = cycle == null ? null : lookups.cycle(cycle).id();
        Long unitId = unit == null ? null : lookups.unit(unit);
        return catchball.inbox(cycleId, unitId).stream().map(Thread::of).toList();
    }

    @GetMapping(path = "/threads/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A catchball thread with its steps", description = "The thread and every step in order: move, "
            + "side, who and when, the message, the proposal at that step and what changed from the step before.")
    @ApiResponse(responseCode = "200", description = "The thread", content = @Content(
            schema = @Schema(implementation = ThreadWithSteps.class), examples = @ExampleObject("""
                    {"id": 4, "title": "Reduce falls with harm by 25%", "target": "25 % fewer falls with harm",
                     "dueDate": "2027-03-31", "rationale": null, "resources": "One falls practitioner (1 WTE)",
                     "parentUnitId": 1, "parentUnit": "Northshore Teaching Hospitals NHS Foundation Trust", "childUnitId": 2,
                     "childUnit": "Division of Medicine", "cycleId": 1, "cycleName": "2026/27", "initiator": "PARENT",
                     "status": "COUNTERED", "rounds": 2, "createdAt": "2026-11-29T10:00:00Z", "updatedAt": "2026-11-30T09:12:00Z",
                     "agreedAt": null, "sourceItemId": 20, "inputItemId": null,
                     "waiting": "Waiting on Northshore Teaching Hospitals NHS Foundation Trust",
                     "steps": [{"seq": 1, "move": "PROPOSE", "party": "PARENT", "unit": "Northshore Teaching Hospitals NHS Foundation Trust",
                                "actor": "Sarah Okafor", "at": "2026-11-29T10:00:00Z", "message": "Falls are our biggest harm theme.",
                                "title": "Reduce falls with harm by 30%", "target": "30 % fewer falls with harm", "dueDate": "2027-03-31",
                                "resources": null, "statusAfter": "PROPOSED", "changes": []},
                               {"seq": 2, "move": "COUNTER", "party": "CHILD", "unit": "Division of Medicine",
                                "actor": "James Reid", "at": "2026-11-30T09:12:00Z", "message": "We can do 25 % with a falls practitioner.",
                                "title": "Reduce falls with harm by 25%", "target": "25 % fewer falls with harm", "dueDate": "2027-03-31",
                                "resources": "One falls practitioner (1 WTE)", "statusAfter": "COUNTERED",
                                "changes": ["target 30 % fewer falls with harm → 25 % fewer falls with harm"]}]}""")))
    ThreadWithSteps thread(@PathVariable long id) {
        ThreadView thread;
        try {
            thread = catchball.thread(id);
        } catch (RuleViolation e) {
            throw new NotFound("There is no catchball thread " + id + ".");
        }
        CascadeLinkView l = thread.link();
        return new ThreadWithSteps(l.id(), l.title(), l.target(), l.dueDate(), l.rationale(), l.resources(), l.parentUnitId(),
                l.parentUnitName(), l.childUnitId(), l.childUnitName(), l.cycleId(), l.cycleName(), l.initiator().name(),
                l.status().name(), l.rounds(), l.createdAt(), l.updatedAt(), l.agreedAt(), l.sourceItemId(), l.inputItemId(),
                thread.waitingText(), thread.steps().stream().map(Step::of).toList());
    }
}
