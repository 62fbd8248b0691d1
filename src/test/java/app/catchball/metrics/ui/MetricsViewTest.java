package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.ImportPreview;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MetricsViewTest extends KaribuTest {

    @Autowired
    MetricsService metrics;

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    @Test
    void the_bowling_chart_lists_the_units_metrics_by_month_with_year_to_date() {
        login("ward7.nurse");
        UI.getCurrent().navigate(MetricsView.class);

        @SuppressWarnings("unchecked")
        Grid<BowlingChart.Row> grid = _get(Grid.class, spec -> spec.withClasses("bowling-chart"));
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._get(grid, 0).metric().label()).isEqualTo("M1 Discharges before noon");
        assertThat(grid.getColumns()).extracting(c -> c.getHeaderText()).contains("Metric", "Target", "Apr 2026", "Mar 2027", "YTD",
                "Variation", "Assurance");
        _get(Button.class, spec -> spec.withText("Upload values…"));
    }

    @Test
    void a_metric_shows_its_spc_chart_with_icons_and_a_contributor_enters_a_value() {
        Fixtures.Ward ward = fixtures.ward("Value form ward");
        ItemView recommend = fixtures.metric(ward, "Patients who would recommend the ward");
        SystemUser.runAs("admin", () -> metrics.saveValues(recommend.id(), List.of(
                new ValueEntry(LocalDate.of(2026, 8, 1), new BigDecimal("80")),
                new ValueEntry(LocalDate.of(2026, 9, 1), new BigDecimal("84")),
                new ValueEntry(LocalDate.of(2026, 10, 1), new BigDecimal("82"))), ValueSource.MANUAL));
        login(ward.contributor());
        UI.getCurrent().navigate(MetricView.class, recommend.id());

        assertThat(_get(NotesChart.class).svg()).startsWith("<svg");
        assertThat(_find(MdcIcon.class).stream().map(MdcIcon::label)).anyMatch(t -> t.startsWith("Variation: "))
                .anyMatch(t -> t.equals("Assurance: no target"));
        setValue(_get(DatePicker.class, spec -> spec.withLabel("Period")), LocalDate.of(2026, 12, 1));
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Value")), new BigDecimal("88"));
        _click(_get(Button.class, spec -> spec.withText("Save value")));

        expectNotifications("Value saved: 1 new, 0 corrected, 0 unchanged.");
        assertThat(SystemUser.runAs("viewer", () -> metrics.values(recommend.id()))).hasSize(4);
    }

    @Test
    void a_viewer_sees_the_metric_without_the_value_form() {
        MetricInfo falls = SystemUser.runAs("viewer", () -> metrics.metricsOf(fixture.unit("W7"), fixture.cycle())).stream()
                .filter(m -> m.title().equals("Falls with harm")).findFirst().orElseThrow();
        login("viewer");
        UI.getCurrent().navigate(MetricView.class, falls.id());

        assertThat(_find(Button.class, spec -> spec.withText("Save value"))).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withText("Limits are provisional: fewer than 12 points"))).isEmpty();
    }

    @Test
    void a_metric_with_fewer_than_12_values_says_its_limits_are_provisional() {
        long id = fixtures.metric(fixtures.ward("Provisional ward"), "Provisional probe").id();
        SystemUser.runAs("admin", () -> metrics.saveValues(id, List.of(
                new ValueEntry(LocalDate.of(2026, 4, 1), BigDecimal.ONE),
                new ValueEntry(LocalDate.of(2026, 5, 1), BigDecimal.TWO),
                new ValueEntry(LocalDate.of(2026, 6, 1), BigDecimal.TEN)), ValueSource.MANUAL));
        login("viewer");
        UI.getCurrent().navigate(MetricView.class, id);

        _get(Span.class, spec -> spec.withText("Limits are provisional: fewer than 12 points"));
    }

    @Test
    void a_lead_enters_a_months_values_for_all_metrics_in_one_grid() {
        Fixtures.Ward ward = fixtures.ward("Grid entry ward");
        ItemView first = fixtures.metric(ward, "Discharges before noon");
        fixtures.metric(ward, "Falls with harm");
        fixtures.metric(ward, "Patients who would recommend the ward");
        login(ward.lead());
        UI.getCurrent().navigate(MetricsView.class, QueryParameters.simple(Map.of("unit", ward.code())));

        _click(_get(Button.class, spec -> spec.withText("Enter values…")));
        setValue(_get(DatePicker.class, spec -> spec.withLabel("Month")), LocalDate.of(2026, 11, 1));
        List<BigDecimalField> fields = _find(BigDecimalField.class);
        assertThat(fields).hasSize(3);
        setValue(fields.get(0), new BigDecimal("41"));
        setValue(fields.get(1), new BigDecimal("1"));
        _click(_get(Button.class, spec -> spec.withText("Save values")));

        expectNotifications("Values saved: 2 new, 0 corrected, 0 unchanged.");
        assertThat(SystemUser.runAs("viewer", () -> metrics.values(first.id()))).singleElement().satisfies(v -> {
            assertThat(v.period()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(v.value()).isEqualByComparingTo("41");
        });
    }

    @Test
    void the_server_refuses_an_upload_past_the_size_cap_and_previews_a_small_one_with_the_period_rule() {
        login("ward7.manager");
        UI.getCurrent().navigate(MetricsView.class);
        _click(_get(Button.class, spec -> spec.withText("Upload values…")));
        Upload upload = _get(Upload.class);

        UploadKt._upload(upload, "values.csv", "text/csv", new byte[6 * 1024 * 1024]);
        expectNotifications("The file is larger than 5 MB. Split it into smaller files (at most 10,000 rows each).");
        assertThat(_find(Grid.class, spec -> spec.withClasses("import-preview"))).isEmpty();

        UploadKt._upload(upload, "values.csv", "text/csv",
                "metric,period,value\nM2,2026-11-15,1\nM2,2024-10,1\n".getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Grid<ImportPreview.Row> preview = _get(Grid.class, spec -> spec.withClasses("import-preview"));
        assertThat(GridKt._get(preview, 0).error()).isEqualTo("15 Nov 2026 is not the first day of a month: a monthly value"
                + " belongs to the first day of its month (1 Nov 2026).");
        assertThat(GridKt._get(preview, 1).good()).isTrue();
        _get(Button.class, spec -> spec.withText("Save 1 good rows"));
    }
}
