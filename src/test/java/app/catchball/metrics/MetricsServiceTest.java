package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import app.catchball.metrics.spc.SpecialCause;
import app.catchball.organisation.OrganisationService;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import app.catchball.support.StatementCounter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpringTest
class MetricsServiceTest {

    @Autowired
    MetricsService metrics;

    @Autowired
    MetricImportService imports;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationService organisation;

    @Autowired
    PlanningService planning;

    @Autowired
    Fixtures fixtures;

    private static <T> T as(String user, Supplier<T> work) {
        return SystemUser.runAs(user, work);
    }

    private MetricInfo metric(String unit, String title) {
        return as("viewer", () -> metrics.metricsOf(fixture.unit(unit), fixture.cycle())).stream()
                .filter(m -> m.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void a_contributor_enters_and_corrects_a_value_and_the_correction_keeps_its_history() {
        Fixtures.Ward ward = fixtures.ward("Value entry ward");
        ItemView recommend = fixtures.metric(ward, "Patients who would recommend the ward");
        LocalDate nov = LocalDate.of(2026, 11, 1);

        SaveResult first = as(ward.contributor(), () -> metrics.saveValues(recommend.id(), List.of(new ValueEntry(nov, new BigDecimal("80"))), ValueSource.MANUAL));
        SaveResult second = as(ward.lead(), () -> metrics.saveValues(recommend.id(), List.of(new ValueEntry(nov, new BigDecimal("84.5"))), ValueSource.MANUAL));

        assertThat(first).isEqualTo(new SaveResult(1, 0, 0));
        assertThat(second).isEqualTo(new SaveResult(0, 1, 0));
        assertThat(as("viewer", () -> metrics.values(recommend.id()))).filteredOn(v -> v.period().equals(LocalDate.of(2026, 11, 1)))
                .singleElement().satisfies(v -> assertThat(v.value()).isEqualByComparingTo("84.5"));
        assertThat(as("viewer", () -> metrics.history(recommend.id()))).filteredOn(h -> h.period().equals(LocalDate.of(2026, 11, 1)))
                .extracting(h -> h.changedBy() + ": " + h.oldValue() + " → " + h.newValue())
                .containsExactly(ward.lead() + ": 80.0000 → 84.5000", ward.contributor() + ": null → 80.0000");
    }

    @Test
    void a_viewer_or_a_lead_elsewhere_may_not_enter_values_and_nothing_changes() {
        MetricInfo falls = metric("W7", "Falls with harm");
        int before = jdbc.sql("select count(*) from metric_value_history").query(Integer.class).single();

        for (String user : List.of("viewer", "coach")) {
            assertThatThrownBy(() -> as(user, () -> metrics.saveValues(falls.id(),
                    List.of(new ValueEntry(LocalDate.of(2026, 11, 1), BigDecimal.ONE)), ValueSource.MANUAL)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as("ward7.nurse", () -> metrics.saveValues(falls.id(),
                List.of(new ValueEntry(LocalDate.of(2026, 11, 1), BigDecimal.ONE), new ValueEntry(LocalDate.of(2026, 11, 1), BigDecimal.TEN)),
                ValueSource.MANUAL))).hasMessage("The period 2026-11 appears twice.");
        assertThat(jdbc.sql("select count(*) from metric_value_history").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void the_demo_values_show_a_shift_an_outlier_a_trend_a_consistent_fail_and_a_consistent_pass() {
        MetricSpc discharges = as("viewer", () -> metrics.spc(metric("W7", "Discharges before noon").id()));
        assertThat(discharges.result().points()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(discharges.result().points().subList(12, 24)).extracting(p -> p.pointType())
                .containsOnly(PointType.SPECIAL_CAUSE_IMPROVEMENT);

        MetricSpc falls = as("viewer", () -> metrics.spc(metric("W7", "Falls with harm").id()));
        assertThat(falls.result().points().get(20).specialCause()).isEqualTo(SpecialCause.ABOVE_UPPER_LIMIT);
        assertThat(falls.result().points().get(20).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);

        MetricSpc trend = as("viewer", () -> metrics.spc(metric("EAM", "Discharges before noon").id()));
        assertThat(trend.result().points().getLast().specialCause()).isIn(SpecialCause.TREND_INCREASING, SpecialCause.ABOVE_UPPER_LIMIT);

        assertThat(as("viewer", () -> metrics.spc(metric("EAM", "Average length of stay").id())).result().assurance())
                .isEqualTo(Assurance.CONSISTENT_FAIL);
        assertThat(as("viewer", () -> metrics.spc(metric("NTH", "ED four-hour performance").id())).result().assurance())
                .isEqualTo(Assurance.CONSISTENT_PASS);
    }

    @Test
    void the_bowling_chart_colours_cells_and_asks_for_countermeasures() {
        BowlingChart chart = as("viewer", () -> metrics.bowling(fixture.unit("MED"), fixture.cycle()));

        assertThat(chart.months()).hasSize(12);
        BowlingChart.Row outliers = chart.rows().stream().filter(r -> r.metric().title().equals("Medical outliers")).findFirst().orElseThrow();
        assertThat(outliers.cells().get(6).rag()).isEqualTo(Rag.RED);   // Oct 2026: 18 a day against 10
        assertThat(outliers.cells().get(0).rag()).isEqualTo(Rag.GREEN); // Apr 2026
        assertThat(outliers.cells().get(11).rag()).isEqualTo(Rag.GREY); // Mar 2027: no data yet
        assertThat(outliers.countermeasureReason()).isNotNull();
        assertThat(outliers.countermeasures()).singleElement().satisfies(c -> assertThat(c.overdue()).isTrue());
    }

    @Test
    void the_bowling_chart_grid_is_one_statement_whatever_the_number_of_metrics() {
        int[] small = new int[1];
        int[] large = new int[1];
        as("viewer", () -> StatementCounter.counting(() -> metrics.bowling(fixture.unit("W7"), fixture.cycle()), small));
        as("viewer", () -> StatementCounter.counting(() -> metrics.bowling(fixture.unit("NTH"), fixture.cycle()), large));
        assertThat(small[0]).isEqualTo(large[0]).isLessThanOrEqualTo(9);
    }

    @Test
    void the_values_of_a_month_are_one_statement_whatever_the_number_of_metrics() {
        String code = Integer.toString(RANDOM.nextInt(100_000));
        YearMonth october = YearMonth.of(2026, 10);
        List<Long> alone = wardWithMetrics("Single metric ward " + code, "SGL" + code, 1);
        List<Long> several = new ArrayList<>(wardWithMetrics("Many metrics ward " + code, "MNY" + code, 5));
        long oneUnit = unitOf(alone.getFirst());
        long manyUnit = unitOf(several.getFirst());
        long weekly = as("admin", () -> {
            long id = planning.createItem(manyUnit, fixture.cycle(), ItemKind.METRIC, ItemDraft.titled("Weekly metric")
                    .withMetric("count", Direction.DOWN, null, null, null)).id();
            metrics.changeFrequency(id, Frequency.WEEKLY);
            metrics.saveValues(id, List.of(new ValueEntry(LocalDate.of(2026, 10, 12), new BigDecimal("8")),
                    new ValueEntry(LocalDate.of(2026, 10, 5), new BigDecimal("7")),
                    new ValueEntry(LocalDate.of(2026, 9, 28), BigDecimal.ONE)), ValueSource.MANUAL);
            return id;
        });
        several.add(weekly);

        int[] one = new int[1];
        int[] many = new int[1];
        Map<Long, BigDecimal> single = as("viewer", () -> StatementCounter.counting(
                () -> metrics.valuesForMonth(oneUnit, fixture.cycle(), october), one));
        Map<Long, BigDecimal> all = as("viewer", () -> StatementCounter.counting(
                () -> metrics.valuesForMonth(manyUnit, fixture.cycle(), october), many));

        assertThat(single).containsOnlyKeys(alone);
        assertThat(all).containsOnlyKeys(several);
        assertThat(all.get(several.getFirst())).isEqualByComparingTo("10");
        assertThat(all.get(weekly)).as("a weekly metric shows its first week of the month").isEqualByComparingTo("7");
        assertThat(many[0]).isEqualTo(one[0]).isLessThanOrEqualTo(3);
    }

    private static final Random RANDOM = new Random();

    /** A new ward under Specialist Medicine with this many metrics, each with a value for October 2026 (10, 11, …). */
    private List<Long> wardWithMetrics(String name, String code, int count) {
        return as("admin", () -> {
            long ward = organisation.create(name, code, "WARD", fixture.unit("SPM")).id();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long id = planning.createItem(ward, fixture.cycle(), ItemKind.METRIC, ItemDraft.titled("Metric " + i)
                        .withMetric("count", Direction.DOWN, null, null, null)).id();
                metrics.saveValues(id, List.of(new ValueEntry(LocalDate.of(2026, 10, 1), BigDecimal.valueOf(10 + i))),
                        ValueSource.MANUAL);
                ids.add(id);
            }
            return ids;
        });
    }

    private long unitOf(long metricId) {
        return as("viewer", () -> metrics.metric(metricId).unitId());
    }

    @Test
    void a_csv_upload_marks_every_bad_row_and_saves_only_the_good_rows() {
        String csv = """
                metric,period,value
                M1,2026-10,31
                Falls with harm,2026-10,2
                Bed days,2026-10,5
                M1,October,5
                M2,2026-09,lots
                M1,2026-10,33
                """;
        Fixtures.Ward ward = fixtures.ward("Upload ward");
        fixtures.metric(ward, "Discharges before noon");
        ItemView falls = fixtures.metric(ward, "Falls with harm");
        ImportPreview preview = as(ward.contributor(), () -> imports.preview(ward.id(), fixture.cycle(), "values.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));

        assertThat(preview.rows()).extracting(r -> r.line() + ": " + (r.good() ? "OK" : r.error())).containsExactly(
                "2: OK",
                "3: OK",
                "4: Unknown metric “Bed days”: use a code such as M1 or the metric's name.",
                "5: The period “October” is not a month (yyyy-mm) or a date (yyyy-mm-dd).",
                "6: The value “lots” is not a number.",
                "7: Duplicate: M1 2026-10 is also on line 2.");
        SaveResult saved = as(ward.contributor(), () -> imports.saveGoodRows(preview));
        assertThat(saved).isEqualTo(new SaveResult(2, 0, 0));
        assertThat(as("viewer", () -> metrics.values(falls.id()))).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("2"));
    }

    @Test
    void an_excel_upload_reads_the_first_sheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Values");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("metric");
            header.createCell(1).setCellValue("period");
            header.createCell(2).setCellValue("value");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("M3");
            row.createCell(1).setCellValue("2026-10");
            row.createCell(2).setCellValue(83.5);
            workbook.write(out);
        }
        ImportPreview preview = as("ward7.manager", () -> imports.preview(fixture.unit("W7"), fixture.cycle(), "values.xlsx",
                new ByteArrayInputStream(out.toByteArray())));

        assertThat(preview.rows()).singleElement().satisfies(r -> {
            assertThat(r.good()).isTrue();
            assertThat(r.metricLabel()).isEqualTo("M3 Patients who would recommend the ward");
            assertThat(r.value()).isEqualByComparingTo("83.5");
        });
        assertThatThrownBy(() -> as("ward7.manager", () -> imports.preview(fixture.unit("W7"), fixture.cycle(), "broken.xlsx",
                new ByteArrayInputStream("not a workbook".getBytes(StandardCharsets.UTF_8)))))
                .hasMessageStartingWith("The file could not be read as an Excel workbook.");
        assertThatThrownBy(() -> as("viewer", () -> imports.preview(fixture.unit("W7"), fixture.cycle(), "values.xlsx",
                new ByteArrayInputStream(out.toByteArray())))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rebasing_recomputes_the_limits_from_the_rebase_month_and_only_a_lead_may_change_it() {
        Fixtures.Ward ward = fixtures.ward("Rebase ward");
        ItemView discharges = fixtures.metric(ward, "Discharges before noon");
        List<ValueEntry> history = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // A year at about 15 a month (Nov 2024 to Oct 2025), then a year at about 30 after a change of practice.
            history.add(new ValueEntry(LocalDate.of(2024, 11, 1).plusMonths(i), BigDecimal.valueOf((i < 12 ? 15 : 30) + i % 3)));
        }
        as("admin", () -> metrics.saveValues(discharges.id(), history, ValueSource.MANUAL));
        SpcSettings rebased = new SpcSettings(null, true, List.of(LocalDate.of(2025, 11, 1)));

        assertThatThrownBy(() -> as(ward.contributor(), () -> metrics.changeSpcSettings(discharges.id(), rebased)))
                .isInstanceOf(AccessDeniedException.class);
        as(ward.lead(), () -> metrics.changeSpcSettings(discharges.id(), rebased));

        MetricSpc spc = as("viewer", () -> metrics.spc(discharges.id()));
        assertThat(spc.result().points().get(5).mean()).isLessThan(20);
        assertThat(spc.result().points().get(15).mean()).isGreaterThan(25);
        assertThatThrownBy(() -> as(ward.lead(), () -> metrics.changeSpcSettings(discharges.id(), new SpcSettings(5, true, List.of()))))
                .hasMessage("Limits can be fixed after at least 12 points.");
    }
}
