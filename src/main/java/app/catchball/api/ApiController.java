package app.catchball.api;

import io.micrometer.core.annotation.Timed;
import app.catchball.base.RuleViolation;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricRollup;
import app.catchball.metrics.MetricRollupService;
import app.catchball.metrics.MetricSeriesService;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.SaveResult;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueRules;
import app.catchball.metrics.ValueSource;
import app.catchball.metrics.ValuesRefused;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Side;
import app.catchball.planning.XMatrix;
import app.catchball.review.ReviewService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The REST API, version 1. Every call runs as the signed-in user (token or session) through the
 * same services, and so the same permission checks, as the screens.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catchball")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
class ApiController {

    private final OrganisationService organisation;
    private final PlanningService planning;
    private final MetricsService metrics;
    private final ObjectMapper json;
    private final ReviewService reviews;
    private final ApiLookups lookups;
    private final MetricSeriesService series;
    private final MetricRollupService rollups;

    ApiController(OrganisationService organisation, PlanningService planning, MetricsService metrics, ObjectMapper json,
                  ApiLookups lookups, ReviewService reviews, MetricSeriesService series, MetricRollupService rollups) {
        this.series = series;
        this.rollups = rollups;
        this.reviews = reviews;
        this.organisation = organisation;
        this.lookups = lookups;
        this.planning = planning;
        this.metrics = metrics;
        this.json = json;
    }

    // ---------------------------------------------------------------- shapes

    @Schema(description = "An error; field names the input that is wrong, when there is one")
    record Error(String error, String field) {
    }

    record Unit(long id, String name, String shortCode, String level, Long parentId, boolean archived) {
        static Unit of(UnitNode n) {
            return new Unit(n.id(), n.name(), n.shortCode(), n.levelCode(), n.parentId(), n.archived());
        }
    }

    record Cycle(long id, String name, LocalDate firstMonth, LocalDate lastMonth, String stage, boolean current) {
        static Cycle of(CycleSummary c) {
            return new Cycle(c.id(), c.name(), c.firstMonth(), c.lastMonth(), c.stage().name(), c.current());
        }
    }

    record Item(long id, String code, String title, String kind, String description, BigDecimal baseline,
                BigDecimal target, String unitOfMeasure, String direction, LocalDate dueDate, String accountable,
                String owner, String team, Long trueNorthId, Long sourceItemId, String sourceUnit) {
        static Item of(ItemView i) {
            return new Item(i.id(), i.code(), i.title(), i.kind().name(), i.description(), plain(i.baseline()),
                    plain(i.target()), i.unitOfMeasure(), i.direction() == null ? null : i.direction().name(),
                    i.dueDate(), i.accountableName(), i.ownerName(), i.teamName(), i.trueNorthId(), i.sourceItemId(),
                    i.sourceUnitName());
        }
    }

    record Correlation(String corner, long a, long b, String strength) {
    }

    record Matrix(Unit unit, Cycle cycle, boolean editable, List<Item> trueNorth, Map<String, List<Item>> sides,
                  List<Correlation> correlations, Map<String, List<String>> warnings, List<String> matrixWarnings) {
    }

    record Metric(long id, String code, String title, long unitId, String unitName, long cycleId, String unitOfMeasure,
                  String direction, BigDecimal baseline, BigDecimal target, LocalDate dueDate, String owner,
                  String frequency,
                  @Schema(description = "The measure's series: the same in every cycle where the measure appears; "
                          + "its values, history, SPC settings and rebases belong to it") long seriesId,
                  @Schema(nullable = true) RollupJson rollUp) {
        static Metric of(MetricInfo m, long seriesId, MetricRollup rollup) {
            return new Metric(m.id(), m.code(), m.title(), m.unitId(), m.unitName(), m.cycleId(), m.unitOfMeasure(),
                    m.direction() == null ? null : m.direction().name(), plain(m.baseline()), plain(m.target()),
                    m.dueDate(), m.ownerName(), m.frequency().name(), seriesId, RollupJson.of(rollup));
        }
    }

    record Value(@Schema(example = "2026-05-01") LocalDate period, @Schema(example = "12.5") BigDecimal value) {
    }

    record Saved(int created, int changed, int unchanged) {
    }

    @Schema(description = "A series to analyse")
    record SpcRequestDoc(
            @Schema(description = "The values, in order (at most 10,000)", requiredMode = Schema.RequiredMode.REQUIRED)
            List<Double> values,
            @Schema(description = "One date (yyyy-mm-dd) per value; optional") List<LocalDate> dates,
            @Schema(allowableValues = {"increase", "decrease", "neutral"}, requiredMode = Schema.RequiredMode.REQUIRED)
            String improvementDirection,
            @Schema(description = "Target for the assurance, or null", nullable = true) Double target,
            @Schema(description = "Screen out moving-range outliers (default true)") Boolean screenOutliers,
            @Schema(description = "Fix each segment's limits on its first N points (N >= 12), or null", nullable = true)
            Integer fixAfterNPoints,
            @Schema(description = "Start a new segment at the first point dated on or after each date (needs dates)")
            List<LocalDate> rebaseDates) {
    }

    // ---------------------------------------------------------------- organisation and plans

    static final int UNITS_PAGE = 1000;

    @GetMapping("/units")
    @Operation(summary = "The organisation tree", description = "Units, parents first, siblings by name, a page at a "
            + "time: `offset` (default 0) and `limit` (default and at most " + UNITS_PAGE + "). The header `X-Total-Count` "
            + "gives the number of units; while more follow, a `Link` header with `rel=\"next\"` gives the next page.")
    ResponseEntity<List<Unit>> units(
            @Parameter(description = "Units to skip") @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = "Units in the page, 1 to " + UNITS_PAGE) @RequestParam(defaultValue = "" + UNITS_PAGE) int limit) {
        if (offset < 0) {
            throw new BadInput("offset", "offset must be 0 or more.");
        }
        if (limit < 1 || limit > UNITS_PAGE) {
            throw new BadInput("limit", "limit must be between 1 and " + UNITS_PAGE + ".");
        }
        OrganisationService.UnitPage page = organisation.treePage(offset, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", String.valueOf(page.total()));
        if (offset + page.units().size() < page.total()) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("offset", offset + page.units().size()).replaceQueryParam("limit", limit)
                    .build().toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page.units().stream().map(Unit::of).toList());
    }

    @GetMapping("/units/{id}/x-matrix")
    @Operation(summary = "A unit's X-matrix", description = "Items by side (south, west, north, east, owners), "
            + "correlations by corner and the warnings per item id. Without cycle: the current cycle.")
    @ApiResponse(responseCode = "200", description = "The X-matrix")
    @ApiResponse(responseCode = "404", description = "No such unit or cycle",
            content = @Content(schema = @Schema(implementation = Error.class)))
    Matrix matrix(@PathVariable long id,
                  @Parameter(description = "Cycle id; the current cycle when left out") @RequestParam(required = false) Long cycle) {
        long unitId = unit(id);
        XMatrix m = planning.matrix(unitId, cycle(cycle));
        Map<String, List<Item>> sides = new LinkedHashMap<>();
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            sides.put(side.key(), m.side(side).stream().map(Item::of).toList());
        }
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        m.warnings().forEach((itemId, w) -> warnings.put(String.valueOf(itemId), w));
        return new Matrix(Unit.of(m.unit()), Cycle.of(m.cycle()), m.editable(),
                m.trueNorth().stream().map(Item::of).toList(), sides,
                m.correlations().stream().map(c -> new Correlation(c.corner().name(), c.a(), c.b(), c.strength().name()))
                        .toList(),
                warnings, m.matrixWarnings());
    }

    @GetMapping("/units/{id}/metrics")
    @Operation(summary = "A unit's metrics", description = "The metrics on the unit's X-matrix, in matrix order. "
            + "Without cycle: the current cycle. Each carries its `seriesId`, the same in every cycle where the measure appears. "
            + "`rollUp` (null for a metric that connects to no other level) names the "
            + "metric above it contributes to and, for a metric that units below add up to, the rule, the rolled-up value "
            + "per month and the units' commitments against its target (\"Ward commitments: 18 of 30\").")
    @ApiResponse(responseCode = "200", description = "The unit's metrics",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Metric.class))))
    List<Metric> metricsOf(@PathVariable long id,
                           @Parameter(description = "Cycle id; the current cycle when left out") @RequestParam(required = false) Long cycle) {
        long unitId = unit(id);
        long cycleId = cycle(cycle);
        Map<Long, Long> seriesIds = series.seriesIds(unitId, cycleId);
        List<MetricInfo> list = metrics.metricsOf(unitId, cycleId);
        Map<Long, MetricRollup> rolled = rollups.rollupsOf(list);
        return list.stream().map(m -> Metric.of(m, seriesIds.get(m.id()), rolled.get(m.id()))).toList();
    }

    // ---------------------------------------------------------------- reviews

    @GetMapping(path = "/units/{id}/review.pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "A unit's monthly review as a board pack PDF", description = "A4 landscape: cover, contents, "
            + "SPC summary, one page per exception with its SPC chart, commentary and countermeasure, the decisions log and "
            + "the priorities' A3 status. A published review's PDF is built from its snapshot, so later corrections never "
            + "change it; a review not yet published shows the current values.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "month is missing or not yyyy-mm",
            content = @Content(schema = @Schema(implementation = Error.class)))
    @ApiResponse(responseCode = "403", description = "Not allowed to read the unit's review",
            content = @Content(schema = @Schema(implementation = Error.class)))
    @ApiResponse(responseCode = "404", description = "No such unit",
            content = @Content(schema = @Schema(implementation = Error.class)))
    ResponseEntity<byte[]> reviewPdf(@PathVariable long id,
                                     @Parameter(description = "The month, yyyy-mm", example = "2026-10") @RequestParam String month) {
        long unitId = unit(id);
        YearMonth reviewMonth;
        try {
            reviewMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BadInput("month", "month must be a month written yyyy-mm, such as 2026-10, not \"" + month + "\".");
        }
        byte[] pdf = reviews.pdf(unitId, reviewMonth);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("review-" + unitId + "-" + reviewMonth + ".pdf").build().toString())
                .body(pdf);
    }

    // ---------------------------------------------------------------- metric values

    @GetMapping("/metrics/{id}/values")
    @Operation(summary = "A metric's values", description = "The whole series: one value per period (the first day of "
            + "the month, or the Monday of the week for weekly metrics), oldest first, from every cycle where the measure "
            + "appears, not only this metric's cycle.")
    List<Value> values(@PathVariable long id) {
        metric(id);
        return metrics.values(id).stream().map(v -> new Value(v.period(), plain(v.value()))).toList();
    }

    @PutMapping("/metrics/{id}/values")
    @Operation(summary = "Save a metric's values", description = "All or nothing: new periods are added, changed values "
            + "corrected (the history keeps who, when, how and the value replaced), equal values left alone. A period is "
            + "the first day of a month (monthly metrics) or a Monday (weekly), from 2000-01-01 up to the current period; "
            + "a value is smaller than 1,000,000,000,000 in size; an archived metric takes no values. Every refused entry "
            + "is named in the 400 answer and nothing is saved. Needs the Contributor or Lead role on the metric's unit "
            + "or a unit above it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = Value.class)),
                    examples = @ExampleObject("[{\"period\": \"2026-05-01\", \"value\": 12.5}]"))))
    @ApiResponse(responseCode = "200", description = "What was saved")
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(schema = @Schema(implementation = Error.class)))
    @ApiResponse(responseCode = "403", description = "You may not enter values for this metric",
            content = @Content(schema = @Schema(implementation = Error.class)))
    Saved saveValues(@PathVariable long id, @RequestBody(required = false) String body) {
        metric(id);
        JsonNode tree = parse(body);
        if (!tree.isArray()) {
            throw new BadInput("body", "The body must be a list such as [{\"period\": \"2026-05-01\", \"value\": 12.5}].");
        }
        List<ValueEntry> entries = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            JsonNode e = tree.get(i);
            if (!e.isObject()) {
                throw new BadInput("body", "Entry " + i + " must be an object with a period and a value.");
            }
            JsonNode period = e.get("period");
            if (period == null || !period.isString() || !period.stringValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new BadInput("period", "Entry " + i + ": period must be a date written yyyy-mm-dd.");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(period.stringValue());
            } catch (DateTimeParseException ex) {
                throw new BadInput("period", "Entry " + i + ": " + period.stringValue() + " is not a real date.");
            }
            JsonNode value = e.get("value");
            if (value == null || !value.isNumber()) {
                throw new BadInput("value", "Entry " + i + ": value must be a number.");
            }
            if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
                throw new BadInput("value", "Entry " + i + ": " + ValueRules.VALUE_TOO_LARGE);
            }
            entries.add(new ValueEntry(day, value.decimalValue()));
        }
        try {
            SaveResult result = metrics.saveValues(id, entries, ValueSource.API);
            return new Saved(result.created(), result.changed(), result.unchanged());
        } catch (ValuesRefused refused) {
            throw new BadInput(refused.refusals().getFirst().field(), refused.refusals().stream()
                    .map(r -> "Entry " + r.index() + ": " + r.message()).collect(Collectors.joining(" ")));
        }
    }

    // ---------------------------------------------------------------- SPC

    @GetMapping("/metrics/{id}/spc")
    @Operation(summary = "SPC of a metric's values", description = "Making Data Count XmR analysis of the stored values "
            + "with the metric's direction and target; dates are the periods.")
    SpcAnalysis.Response metricSpc(@PathVariable long id) {
        metric(id);
        var spc = metrics.spc(id);
        return SpcAnalysis.shape(spc.result(), spc.periods());
    }

    @PostMapping("/spc")
    @Operation(summary = "SPC of any series", description = "Making Data Count XmR analysis (as NHSRplotthedots): "
            + "process limits, special causes (outside the limits, a trend of 7, 2 of 3 close to the limits, a shift of 7), "
            + "the variation of the last point and the assurance against the target. Changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = SpcRequestDoc.class),
                    examples = @ExampleObject("{\"values\": [5, 6, 5, 7, 6, 5, 6, 9, 9, 10, 9, 10, 9, 10, 9],"
                            + " \"improvementDirection\": \"increase\", \"target\": 8}"))))
    @ApiResponse(responseCode = "200", description = "The analysis")
    @ApiResponse(responseCode = "400", description = "Bad input; field names what is wrong",
            content = @Content(schema = @Schema(implementation = Error.class)))
    @Timed(value = "catchball.spc", extraTags = {"source", "api"}, description = "SPC analysis")
    SpcAnalysis.Response spc(@RequestBody(required = false) String body) {
        return SpcAnalysis.analyse(parse(body));
    }

    // ---------------------------------------------------------------- helpers

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

    private long unit(long id) {
        return lookups.unit(id);
    }

    private long cycle(Long id) {
        return lookups.cycle(id).id();
    }

    private void metric(long id) {
        try {
            metrics.metric(id);
        } catch (RuleViolation e) {
            throw new NotFound("There is no metric " + id + ".");
        }
    }

    /** 12.5000 as 12.5 and 100.0000 as 100 (never 1E+2). */
    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
