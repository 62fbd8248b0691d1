package app.catchball.api;

import app.catchball.base.RuleViolation;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.Trajectory;
import app.catchball.metrics.TrajectoryEntry;
import app.catchball.metrics.TrajectoryService;
import app.catchball.metrics.ValuesRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A metric's trajectory: the value planned for each month of its cycle, which the bowling chart
 * compares that month with (else with the metric's target). Read by anyone; replaced whole by
 * those who may change the metric.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Metrics")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "404", description = "No such metric",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
class TrajectoryApiController {

    private final TrajectoryService trajectories;
    private final MetricsService metrics;
    private final ObjectMapper json;

    TrajectoryApiController(TrajectoryService trajectories, MetricsService metrics, ObjectMapper json) {
        this.trajectories = trajectories;
        this.metrics = metrics;
        this.json = json;
    }

    @Schema(description = "The value planned for one month of the metric's cycle")
    record Planned(@Schema(description = "The month: its first day", example = "2026-04-01") LocalDate period,
                   @Schema(example = "30") BigDecimal target) {
    }

    @GetMapping("/metrics/{id}/trajectory")
    @Operation(summary = "A metric's trajectory", description = "The value planned for each month of the metric's cycle "
            + "that has one, oldest first (a month without one is judged against the metric's target). The bowling "
            + "chart compares each month with it, and the year to date with the trajectory's year to date, aggregated "
            + "as the metric's months are (sum, mean, latest, or for a ratio the months weighted by the denominator).")
    @ApiResponse(responseCode = "200", description = "The trajectory", content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = Planned.class)),
            examples = @ExampleObject("[{\"period\": \"2026-04-01\", \"target\": 30}, {\"period\": \"2026-05-01\", \"target\": 32}]")))
    List<Planned> trajectory(@PathVariable long id) {
        metric(id);
        return shape(trajectories.trajectory(id));
    }

    @PutMapping("/metrics/{id}/trajectory")
    @Operation(summary = "Replace a metric's trajectory", description = "All or nothing: the months given are planned "
            + "as given, months left out have no trajectory any more (an empty list removes it). A period is the first "
            + "day of a month of the metric's cycle, each month at most once; a target is a number smaller than "
            + "1,000,000,000,000. An archived metric or a closed cycle takes no trajectory. Every refused entry is named "
            + "in the 400 answer and nothing changes. Needs the Lead role on the metric's unit or a unit above it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = Planned.class)),
                    examples = @ExampleObject("[{\"period\": \"2026-04-01\", \"target\": 30}, {\"period\": \"2026-05-01\", \"target\": 32}]"))))
    @ApiResponse(responseCode = "200", description = "The trajectory as now stored")
    @ApiResponse(responseCode = "400", description = "Bad input; nothing changed",
            content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
    @ApiResponse(responseCode = "403", description = "You may not change this metric",
            content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
    List<Planned> replace(@PathVariable long id, @RequestBody(required = false) String body) {
        metric(id);
        JsonNode tree = parse(body);
        if (!tree.isArray()) {
            throw new BadInput("body", "The body must be a list such as [{\"period\": \"2026-04-01\", \"target\": 30}].");
        }
        List<TrajectoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            JsonNode e = tree.get(i);
            if (!e.isObject()) {
                throw new BadInput("body", "Entry " + i + " must be an object with a period and a target.");
            }
            JsonNode period = e.get("period");
            if (period == null || !period.isString() || !period.stringValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new BadInput("period", "Entry " + i + ": period must be a date written yyyy-mm-dd (the first day of the month).");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(period.stringValue());
            } catch (DateTimeParseException ex) {
                throw new BadInput("period", "Entry " + i + ": " + period.stringValue() + " is not a real date.");
            }
            JsonNode target = e.get("target");
            if (target == null || !target.isNumber()) {
                throw new BadInput("target", "Entry " + i + ": target must be a number.");
            }
            if (target.isFloatingPointNumber() && !target.isBigDecimal() && !Double.isFinite(target.doubleValue())) {
                throw new BadInput("target", "Entry " + i + ": the target must be smaller than 1,000,000,000,000.");
            }
            entries.add(new TrajectoryEntry(day, target.decimalValue()));
        }
        try {
            return shape(trajectories.replace(id, entries));
        } catch (ValuesRefused refused) {
            throw new BadInput(refused.refusals().getFirst().field(), refused.refusals().stream()
                    .map(r -> "Entry " + r.index() + ": " + r.message()).collect(Collectors.joining(" ")));
        }
    }

    private static List<Planned> shape(Trajectory trajectory) {
        return trajectory.entries().stream().map(e -> new Planned(e.period(), ApiController.plain(e.target()))).toList();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadInput("body", "The request has no body: send JSON.");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new BadInput("body", "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void metric(long id) {
        try {
            metrics.metric(id);
        } catch (RuleViolation e) {
            throw new NotFound("There is no metric " + id + ".");
        }
    }
}
