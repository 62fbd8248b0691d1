package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.metrics.Aggregation;
import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.BowlingRuleService;
import app.catchball.metrics.ImportPreview;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.Rag;
import app.catchball.metrics.TrajectoryEntry;
import app.catchball.metrics.TrajectoryService;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Trajectories entered in the grid and uploaded with a preview, the amber letter, and the metric page's bowling settings. */
class TrajectoryViewTest extends KaribuTest {

    @Autowired
    Fixtures fixtures;

    /** The class's own ward, made once: its probe metrics stay out of the demo wards. */
    private Fixtures.Ward ownWard() {
        return fixtures.wardOf(getClass(), "Trajectory screen ward");
    }

    @Autowired
    MetricsService metrics;

    @Autowired
    TrajectoryService trajectories;

    @Autowired
    BowlingRuleService rules;

    @Autowired
    PlanningService planning;

    @Autowired
    PlanFixture fixture;

    private Long probe;

    @AfterEach
    void archiveProbe() {
        if (probe != null) {
            SystemUser.runAs("admin", () -> planning.archiveItem(probe, planning.item(probe).version()));
        }
    }

    /** A metric of its own on the class's ward (a Lead there: acute.lead, as Lead of the directorate above), so the demo stays as it was. */
    private long probe(String title) {
        probe = SystemUser.runAs("admin", () -> planning.createItem(ownWard().id(), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled(title).withMetric("count", Direction.DOWN, null, new BigDecimal("3"), null))).id();
        return probe;
    }

    private MetricInfo ownMetric(long id) {
        return SystemUser.runAs("viewer", () -> metrics.metric(id));
    }

    @Test
    void a_lead_plans_months_in_the_grid_and_the_bowling_chart_judges_them_against_the_plan() {
        long id = probe("Probe grid trajectory");
        login("acute.lead");
        UI.getCurrent().navigate(MetricView.class, id);

        _click(_get(Button.class, spec -> spec.withText("Trajectory…")));
        assertThat(_find(BigDecimalField.class).stream().map(BigDecimalField::getLabel))
                .contains("Apr 2026", "Mar 2027");
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Apr 2026")), new BigDecimal("2"));
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("May 2026")), new BigDecimal("1.5"));
        _click(_get(Button.class, spec -> spec.withText("Save trajectory")));

        expectNotifications("Trajectory saved: 2 of 12 months planned.");
        assertThat(SystemUser.runAs("viewer", () -> trajectories.trajectory(id)).entries())
                .extracting(TrajectoryEntry::period).containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
        BowlingChart.Row row = SystemUser.runAs("viewer", () -> metrics.bowling(ownWard().id(), fixture.cycle())).rows()
                .stream().filter(r -> r.metric().id() == id).findFirst().orElseThrow();
        assertThat(row.cells().get(1).target()).isEqualByComparingTo("1.5");
        assertThat(row.cells().get(2).target()).isEqualByComparingTo("3");
    }

    @Test
    void a_lead_uploads_a_trajectory_and_the_preview_names_each_bad_row_before_anything_is_saved() {
        long id = probe("Probe uploaded trajectory");
        String code = ownMetric(id).code();
        login("acute.lead");
        UI.getCurrent().navigate(MetricsView.class, QueryParameters.simple(Map.of("unit", ownWard().code(), "cycle", String.valueOf(fixture.cycle()))));

        _click(_get(Button.class, spec -> spec.withText("Upload values…")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> holds = _get(RadioButtonGroup.class, spec -> spec.withLabel("The file holds"));
        setValue(holds, "Trajectory");
        UploadKt._upload(_get(Upload.class), "trajectory.csv", "text/csv", ("metric,period,value\n" + code + ",2026-06,2\n"
                + code + ",2027-05,1\n" + code + ",2026-07,two\n").getBytes(StandardCharsets.UTF_8));

        @SuppressWarnings("unchecked")
        Grid<ImportPreview.Row> preview = _get(Grid.class, spec -> spec.withClasses("import-preview"));
        assertThat(GridKt._get(preview, 0).good()).isTrue();
        assertThat(GridKt._get(preview, 1).error()).isEqualTo("May 2027 is outside the cycle 2026/27 (Apr 2026 to Mar 2027).");
        assertThat(GridKt._get(preview, 2).error()).isEqualTo("The planned value “two” is not a number.");
        assertThat(SystemUser.runAs("viewer", () -> trajectories.trajectory(id)).entries()).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Save 1 good rows")));

        expectNotifications("Trajectory saved: 1 new, 0 corrected, 0 unchanged.");
        assertThat(SystemUser.runAs("viewer", () -> trajectories.trajectory(id)).entries())
                .singleElement().satisfies(e -> assertThat(e.period()).isEqualTo(LocalDate.of(2026, 6, 1)));
    }

    @Test
    void a_contributor_uploads_values_only_and_sees_no_trajectory_grid() {
        login("ward7.nurse");
        UI.getCurrent().navigate(MetricsView.class);

        assertThat(_find(Button.class, spec -> spec.withText("Trajectories…"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Upload values…")));
        _get(Upload.class);
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withLabel("The file holds"))).isEmpty();
    }

    @Test
    void the_demo_chart_shows_amber_with_its_letter_and_falls_with_harm_totals_its_year() {
        login("ward7.nurse");
        UI.getCurrent().navigate(MetricsView.class);

        @SuppressWarnings("unchecked")
        Grid<BowlingChart.Row> grid = _get(Grid.class, spec -> spec.withClasses("bowling-chart"));
        BowlingChart.Cell amber = grid.getListDataView().getItems().flatMap(r -> r.cells().stream())
                .filter(c -> c.rag() == Rag.AMBER).findFirst().orElseThrow();
        Span shown = MetricsView.cell(amber, "");
        assertThat(shown.getClassNames()).contains("bowling-cell", "rag-amber");
        assertThat(shown.getChildren().map(c -> ((Span) c).getText())).containsExactly("A");
        BowlingChart.Row falls = grid.getListDataView().getItems().filter(r -> r.metric().title().equals("Falls with harm"))
                .findFirst().orElseThrow();
        assertThat(falls.rule().aggregation()).isEqualTo(Aggregation.SUM);
        BigDecimal total = falls.cells().stream().map(BowlingChart.Cell::actual).filter(a -> a != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(falls.yearToDate().actual()).isEqualByComparingTo(total);
    }

    @Test
    void a_lead_changes_how_the_months_add_up_on_the_metric_page_and_a_viewer_only_reads_it() {
        long id = probe("Probe settings");
        login("acute.lead");
        UI.getCurrent().navigate(MetricView.class, id);

        @SuppressWarnings("unchecked")
        Select<Aggregation> aggregation = _get(Select.class, spec -> spec.withLabel("Months add up as"));
        setValue(aggregation, Aggregation.SUM);
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Amber tolerance")), new BigDecimal("-2"));
        _click(_get(Button.class, spec -> spec.withText("Save bowling chart settings")));
        expectNotifications("The amber tolerance cannot be negative.");
        assertThat(SystemUser.runAs("viewer", () -> rules.rule(id)).aggregation()).isEqualTo(Aggregation.MEAN);

        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Amber tolerance")), new BigDecimal("1"));
        _click(_get(Button.class, spec -> spec.withText("Save bowling chart settings")));
        expectNotifications("Bowling chart settings saved.");
        assertThat(SystemUser.runAs("viewer", () -> rules.rule(id)).aggregation()).isEqualTo(Aggregation.SUM);

        login("viewer");
        UI.getCurrent().navigate(MetricView.class, id);
        assertThat(_find(Button.class, spec -> spec.withText("Save bowling chart settings"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Trajectory…"))).isEmpty();
        _get(Paragraph.class, spec -> spec.withText(
                "Year to date: total; amber within 1 of the target. Trajectory: 0 of 12 months planned (the others are judged against the target)."));
    }
}
