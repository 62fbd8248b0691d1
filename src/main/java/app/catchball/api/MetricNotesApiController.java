package app.catchball.api;

import app.catchball.base.RuleViolation;
import app.catchball.metrics.Annotation;
import app.catchball.metrics.AnnotationService;
import app.catchball.metrics.Commentary;
import app.catchball.metrics.CommentaryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A metric's monthly commentary ("What happened", "Why", "What next") and its dated notes, through the API. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Metrics")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "404", description = "No such metric",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
class MetricNotesApiController {

    private final CommentaryService commentary;
    private final AnnotationService annotations;

    MetricNotesApiController(CommentaryService commentary, AnnotationService annotations) {
        this.commentary = commentary;
        this.annotations = annotations;
    }

    @Schema(description = "A month's commentary on a metric (its latest saved version)")
    record Comment(@Schema(example = "2026-11") String month, String whatHappened, String why, String whatNext,
                   @Schema(description = "Who saved this version") String writtenBy, Instant writtenAt,
                   @Schema(description = "The id of this version; send it as basedOn to change it") long version) {
        static Comment of(Commentary c) {
            return new Comment(c.month().toString(), c.whatHappened(), c.why(), c.whatNext(), c.writtenByName(),
                    c.writtenAt(), c.id());
        }
    }

    @Schema(description = "A metric's commentary: the latest (of its latest month with any, or null) and every month's")
    record CommentaryAnswer(long metricId, Comment latest, List<Comment> byMonth) {
    }

    @Schema(description = "A month's commentary to save")
    record CommentaryInput(@Schema(example = "2026-11", requiredMode = Schema.RequiredMode.REQUIRED) String month,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000) String whatHappened,
                           @Schema(maxLength = 2000) String why, @Schema(maxLength = 2000) String whatNext,
                           @Schema(description = "The version you changed (its version); leave out to write on top of "
                                   + "whatever is the latest") Long basedOn) {
    }

    record Note(long id, LocalDate date, String text, String by, Instant at) {
        static Note of(Annotation a) {
            return new Note(a.id(), a.notedOn(), a.text(), a.createdByName(), a.createdAt());
        }
    }

    @GetMapping("/metrics/{id}/commentary")
    @Operation(summary = "A metric's commentary", description = "The owner's monthly commentary in three parts "
            + "(\"What happened\", \"Why\", \"What next\"): the latest, and each month's (its latest version), newest "
            + "month first. Every saved version is kept; the metric page shows the history.")
    CommentaryAnswer commentary(@PathVariable long id) {
        List<Comment> months = found(id, () -> commentary.commentary(id)).stream().map(Comment::of).toList();
        return new CommentaryAnswer(id, months.isEmpty() ? null : months.getFirst(), months);
    }

    @PutMapping(path = "/metrics/{id}/commentary", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a month's commentary on a metric", description = "Saved as a new version; earlier ones stay. "
            + "\"What happened\" is required; each part has at most 2,000 characters; the month is yyyy-mm, up to the "
            + "current month. The metric's owner and the Contributors, Leads and Coaches of its unit (or above) may write. "
            + "With basedOn, a version saved meanwhile by someone else is reported as 409 and nothing is saved.")
    @ApiResponse(responseCode = "200", description = "The month's commentary as saved")
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
    @ApiResponse(responseCode = "403", description = "You may not write this metric's commentary",
            content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
    @ApiResponse(responseCode = "409", description = "Someone saved another version meanwhile",
            content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
    Comment write(@PathVariable long id, @RequestBody CommentaryInput input) {
        if (input.month() == null || !input.month().matches("\\d{4}-\\d{2}")) {
            throw new BadInput("month", "month must be a month written yyyy-mm, such as 2026-11.");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(input.month());
        } catch (DateTimeParseException e) {
            throw new BadInput("month", input.month() + " is not a real month.");
        }
        Long basedOn = input.basedOn() != null ? input.basedOn() : found(id, () -> commentary.commentary(id)).stream()
                .filter(c -> c.month().equals(month)).map(Commentary::id).findFirst().orElse(null);
        return Comment.of(commentary.write(id, month, input.whatHappened(), input.why(), input.whatNext(), basedOn));
    }

    @GetMapping("/metrics/{id}/annotations")
    @Operation(summary = "A metric's notes", description = "Dated notes (\"New board round started\") drawn as markers "
            + "on the metric's SPC chart, oldest first.")
    List<Note> annotations(@PathVariable long id) {
        return found(id, () -> annotations.annotations(id)).stream().map(Note::of).toList();
    }

    private static <T> T found(long id, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuleViolation e) {
            throw new NotFound("There is no metric " + id + ".");
        }
    }
}
