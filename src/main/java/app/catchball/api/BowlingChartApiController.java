package app.catchball.api;

import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.MetricsService;
import app.catchball.planning.CycleSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's bowling chart for a warehouse or Power BI: as JSON (metrics × months), or with
 * {@code Accept: text/csv} as one row per metric and month (and the year to date), the shape a
 * data model wants.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Metrics")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "403", description = "Refused, e.g. the account must first change its password",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "404", description = "No such unit or cycle",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
class BowlingChartApiController {

    private static final String DESCRIPTION = "The metrics on the unit's X-matrix by month of the cycle (the current "
            + "cycle when left out): each month's actual (the metric's values aggregated by its rule: sum, mean, latest, "
            + "or ratio = 100 × numerator ÷ denominator), its target (that month's trajectory when one is set, else the "
            + "metric's target) and colour (green meets the target in the direction of improvement, amber misses it within "
            + "the metric's tolerance, red misses it by more, grey has no data), and the year to date by the same rule "
            + "against the year to date of the trajectory.";

    private final MetricsService metrics;
    private final ApiLookups lookups;

    BowlingChartApiController(MetricsService metrics, ApiLookups lookups) {
        this.metrics = metrics;
        this.lookups = lookups;
    }

    record Chart(long unitId, long cycleId, String cycleName, List<LocalDate> months, List<MetricRow> metrics) {
    }

    record MetricRow(long metricId, String code, String title, String unitOfMeasure, String direction, BigDecimal target,
                     List<Cell> months, Cell yearToDate, String countermeasureReason,
                     @Schema(description = "How months and the year to date aggregate", allowableValues = {"sum", "mean", "latest", "ratio"})
                     String aggregation) {
    }

    record Cell(@Schema(description = "The month (first day); null for the year to date") LocalDate month,
                BigDecimal target, BigDecimal actual, @Schema(allowableValues = {"green", "amber", "red", "grey"}) String colour) {
        static Cell of(BowlingChart.Cell c) {
            return new Cell(c.month() == null ? null : c.month().atDay(1), ApiController.plain(c.target()),
                    ApiController.plain(c.actual()), c.rag().name().toLowerCase(Locale.ROOT));
        }
    }

    @Schema(description = "One cell of the bowling chart, for CSV")
    record CellRow(long metricId, String code, String title, String unitOfMeasure,
                   @Schema(description = "The month (first day); empty on the year-to-date row") LocalDate month,
                   boolean yearToDate, BigDecimal target, BigDecimal actual, String colour) {
    }

    @GetMapping(path = "/units/{id}/bowling-chart", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A unit's bowling chart", description = DESCRIPTION + " Accept: text/csv answers one row per "
            + "metric and month, and one year-to-date row per metric.")
    @ApiResponse(responseCode = "200", description = "The bowling chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Chart.class),
                    examples = @ExampleObject("""
                            {"unitId": 31, "cycleId": 1, "cycleName": "2026/27", "months": ["2026-04-01", "2026-05-01"],
                             "metrics": [{"metricId": 150, "code": "M1", "title": "Discharges before noon", "unitOfMeasure": "%",
                                          "direction": "UP", "target": 33,
                                          "months": [{"month": "2026-04-01", "target": 33, "actual": 28.5, "colour": "red"},
                                                     {"month": "2026-05-01", "target": 33, "actual": null, "colour": "grey"}],
                                          "yearToDate": {"month": null, "target": 33, "actual": 28.5, "colour": "red"},
                                          "countermeasureReason": null, "aggregation": "mean"}]}""")),
            @Content(mediaType = CsvMessageConverter.TEXT_CSV, schema = @Schema(type = "string"), examples = @ExampleObject("""
                    metricId,code,title,unitOfMeasure,month,yearToDate,target,actual,colour
                    150,M1,Discharges before noon,%,2026-04-01,false,33,28.5,red
                    150,M1,Discharges before noon,%,2026-05-01,false,33,,grey
                    150,M1,Discharges before noon,%,,true,33,28.5,red
                    """))})
    Chart chart(@PathVariable long id,
                @Parameter(description = "Cycle id; the current cycle when left out") @RequestParam(required = false) Long cycle) {
        long unitId = lookups.unit(id);
        CycleSummary c = lookups.cycle(cycle);
        BowlingChart chart = metrics.bowling(unitId, c.id());
        return new Chart(unitId, c.id(), c.name(), chart.months().stream().map(m -> m.atDay(1)).toList(),
                chart.rows().stream().map(r -> new MetricRow(r.metric().id(), r.metric().code(), r.metric().title(),
                        r.metric().unitOfMeasure(), r.metric().direction() == null ? null : r.metric().direction().name(),
                        ApiController.plain(r.metric().target()), r.cells().stream().map(Cell::of).toList(),
                        Cell.of(r.yearToDate()), r.countermeasureReason(), r.rule().aggregation().code())).toList());
    }

    @GetMapping(path = "/units/{id}/bowling-chart", produces = CsvMessageConverter.TEXT_CSV)
    @Operation(hidden = true)
    List<CellRow> cells(@PathVariable long id, @RequestParam(required = false) Long cycle) {
        long unitId = lookups.unit(id);
        BowlingChart chart = metrics.bowling(unitId, lookups.cycle(cycle).id());
        List<CellRow> rows = new ArrayList<>();
        for (BowlingChart.Row r : chart.rows()) {
            for (BowlingChart.Cell cell : r.cells()) {
                rows.add(row(r, cell, false));
            }
            rows.add(row(r, r.yearToDate(), true));
        }
        return rows;
    }

    private static CellRow row(BowlingChart.Row r, BowlingChart.Cell cell, boolean yearToDate) {
        Cell c = Cell.of(cell);
        return new CellRow(r.metric().id(), r.metric().code(), r.metric().title(), r.metric().unitOfMeasure(), c.month(),
                yearToDate, c.target(), c.actual(), c.colour());
    }
}
