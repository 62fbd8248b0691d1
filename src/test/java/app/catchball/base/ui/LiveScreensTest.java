package app.catchball.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.live.LiveChange;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.CatchballThreadChanged;
import app.catchball.catchball.InboxRow;
import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.MetricValueView;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.planning.ui.XMatrixElement;
import app.catchball.projects.ContinuityBoard;
import app.catchball.projects.ProjectDraft;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import app.catchball.support.StatementCounter;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every live screen refreshes within 2 s when another user (here Sarah Okafor, chief.exec) changes
 * what it shows through the services; unsaved input is kept behind "Changed by ‹name› — Reload".
 * The changes are made on units of the class's own (a division, two directorates, a ward and a team,
 * made through {@link Fixtures}); only the cascade, which starts at the trust, gets an item on the
 * demo trust, and that item is deleted again.
 */
class LiveScreensTest extends KaribuTest {

    private static final String OTHER = "chief.exec";
    private static final String OTHER_NAME = "Sarah Okafor";

    @Autowired
    PlanFixture fixture;
    @Autowired
    PlanningService planning;
    @Autowired
    MetricsService metrics;
    @Autowired
    ProjectService projects;
    @Autowired
    CatchballService catchball;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiveBroadcaster broadcaster;

    /** The class's own units: a division with two directorates, a ward under the first and a team under the ward. */
    record Units(Fixtures.Ward division, Fixtures.Ward directorate, Fixtures.Ward otherDirectorate, Fixtures.Ward ward,
                 Fixtures.Ward team) {
    }

    private Units units() {
        return fixtures.sharedBy(LiveScreensTest.class, () -> {
            Fixtures.Levels levels = fixtures.levels("Live");
            Fixtures.Ward other = fixtures.below(levels.division(), "Other live directorate", "DIRECTORATE");
            Fixtures.Ward ward = fixtures.below(levels.directorate(), "Live ward");
            return new Units(levels.division(), levels.directorate(), other, ward, fixtures.below(ward, "Live team"));
        });
    }

    private void open(String route, String query) {
        UI.getCurrent().navigate(route, QueryParameters.fromString(query));
    }

    private ItemView othersCreate(long unitId, ItemKind kind, ItemDraft draft) {
        return SystemUser.runAs(OTHER, () -> planning.createItem(unitId, fixture.cycle(), kind, draft));
    }

    private ItemView othersMetric(String title) {
        return othersCreate(units().ward().id(), ItemKind.METRIC, ItemDraft.titled(title)
                .withMetric("%", Direction.UP, null, new BigDecimal("90"), null));
    }

    private void othersSaveValue(long metricId, String value) {
        SystemUser.runAs(OTHER, () -> metrics.saveValues(metricId, List.of(new ValueEntry(
                metrics.currentPeriod(metricId), new BigDecimal(value))), ValueSource.MANUAL));
    }

    private static List<String> labels(XMatrixElement matrix) {
        return matrix.getElement().getPropertyBean("model", XMatrixElement.Model.class).sides().values().stream()
                .flatMap(List::stream).map(XMatrixElement.Item::label).toList();
    }

    private static <T> List<T> rows(Grid<T> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void x_matrix_shows_another_users_new_item_and_an_edit_dialog_keeps_unsaved_input() {
        login("admin");
        open("x-matrix", "unit=" + units().ward().code() + "&cycle=" + fixture.cycle());
        XMatrixElement matrix = _get(XMatrixElement.class);

        ItemView item = othersCreate(units().ward().id(), ItemKind.PRIORITY, ItemDraft.titled("Transition clinic for young adults"));
        within2s(() -> assertThat(labels(matrix)).anyMatch(l -> l.contains("Transition clinic for young adults")));

        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemClickEvent(matrix, true, "north", item.id()));
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        setValue(_get(TextArea.class, spec -> spec.withLabel("Description")), "Mine, not saved yet");
        SystemUser.runAs(OTHER, () -> planning.updateItem(item.id(),
                item.toDraft().withTitle("Transition clinic for 16 to 25 year olds"), item.version()));

        within2s(() -> _get(Span.class, spec -> spec.withText("Changed by " + OTHER_NAME + " —")));
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Description")).getValue()).isEqualTo("Mine, not saved yet");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Title")).getValue()).isEqualTo("Transition clinic for young adults");
        assertThat(labels(matrix)).anyMatch(l -> l.contains("Transition clinic for 16 to 25 year olds"));

        _click(_get(Button.class, spec -> spec.withText("Reload")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Title")).getValue()).isEqualTo("Transition clinic for 16 to 25 year olds");
        assertThat(_find(Span.class, spec -> spec.withText("Changed by " + OTHER_NAME + " —"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void cascade_shows_another_users_new_breakthrough_objective_under_its_true_north_goal() {
        ItemView goal = fixture.matrix("NTH").trueNorth().getFirst();
        login("viewer");
        open("cascade", "cycle=" + fixture.cycle());
        TreeGrid<Object> tree = _get(TreeGrid.class, spec -> spec.withClasses("cascade-tree"));

        // The cascade starts at the trust's True North, so this item has to be the trust's: it is deleted again below.
        ItemView added = othersCreate(fixture.unit("NTH"), ItemKind.BREAKTHROUGH,
                ItemDraft.titled("No child waits over a year for a wheelchair").withTrueNorth(goal.id()));
        try {
            within2s(() -> assertThat(IntStream.range(0, GridKt._size(tree)).mapToObj(i -> GridKt._getFormattedRow(tree, i).getFirst()))
                    .anyMatch(l -> l.contains("No child waits over a year for a wheelchair")));
        } finally {
            jdbc.sql("delete from plan_item where id = :id").param("id", added.id()).update();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void bowling_chart_shows_another_users_value() {
        ItemView metric = othersMetric("Children seen within 18 weeks");
        login("viewer");
        open("metrics", "unit=" + units().ward().code() + "&cycle=" + fixture.cycle());
        Grid<BowlingChart.Row> grid = _get(Grid.class, spec -> spec.withClasses("bowling-chart"));
        BowlingChart.Row before = rows(grid).stream().filter(r -> r.metric().id() == metric.id()).findFirst().orElseThrow();
        assertThat(before.yearToDate().actual()).isNull();

        othersSaveValue(metric.id(), "87");

        within2s(() -> assertThat(rows(grid)).filteredOn(r -> r.metric().id() == metric.id())
                .singleElement().satisfies(r -> assertThat(r.yearToDate().actual()).isEqualByComparingTo("87")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void metric_page_shows_another_users_value_and_keeps_a_value_being_typed() {
        ItemView metric = othersMetric("Asthma plans reviewed");
        login("admin");
        UI.getCurrent().navigate("metrics/metric/" + metric.id());

        othersSaveValue(metric.id(), "40");
        within2s(() -> assertThat(rows(_get(Grid.class, spec -> spec.withClasses("metric-values"))))
                .extracting(v -> ((MetricValueView) v).value().stripTrailingZeros().toPlainString()).contains("40"));

        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Value")), new BigDecimal("55"));
        othersSaveValue(metric.id(), "45");
        within2s(() -> _get(Span.class, spec -> spec.withText("Changed by " + OTHER_NAME + " —")));
        assertThat(_get(BigDecimalField.class, spec -> spec.withLabel("Value")).getValue()).isEqualByComparingTo("55");

        _click(_get(Button.class, spec -> spec.withText("Reload")));
        assertThat(rows(_get(Grid.class, spec -> spec.withClasses("metric-values"))))
                .extracting(v -> ((MetricValueView) v).value().stripTrailingZeros().toPlainString()).contains("45");
        assertThat(_get(BigDecimalField.class, spec -> spec.withLabel("Value")).getValue()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void projects_list_shows_another_users_new_project_on_a_unit_below() {
        login("viewer");
        open("projects", "unit=" + units().ward().code() + "&below=true");
        Grid<ProjectSummary> list = _get(Grid.class, spec -> spec.withClasses("project-list"));

        SystemUser.runAs(OTHER, () -> projects.create(units().team().id(), ProjectDraft.titled("Play therapist on the day unit")));

        within2s(() -> assertThat(rows(list)).extracting(ProjectSummary::title).contains("Play therapist on the day unit"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void continuity_board_shows_another_users_project_that_has_no_lead() {
        login("coach");
        open("continuity", "unit=" + units().ward().code());
        Grid<ContinuityBoard.OrphanedProject> needs = _get(Grid.class, spec -> spec.withClasses("needs-new-lead"));

        SystemUser.runAs(OTHER, () -> projects.create(units().ward().id(), ProjectDraft.titled("Sepsis screening in the children's ED")));

        within2s(() -> assertThat(rows(needs)).extracting(o -> o.project().title()).contains("Sepsis screening in the children's ED"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void catchball_inbox_refreshes_once_for_a_move_that_concerns_it_and_not_at_all_for_others() throws Exception {
        Units u = units();
        ItemView elsewhere = fixtures.item(u.division(), ItemKind.PRIORITY, "Day-case hernia repair");
        ItemView mine = fixtures.item(u.division(), ItemKind.PRIORITY, "Frailty assessment within 6 hours");
        login(u.directorate().lead());
        UI.getCurrent().navigate("catchball");
        Grid<InboxRow> inbox = _get(Grid.class, spec -> spec.withClasses("inbox"));

        // A move between other units: once the broadcaster has handed it out (a probe of ours hears it), the
        // inbox would refresh within the broadcaster's window if it thought the move concerned it. It must not.
        BlockingQueue<LiveChange> heard = new LinkedBlockingQueue<>();
        try (AutoCloseable probe = broadcaster.subscribe(c -> c.event() instanceof CatchballThreadChanged t
                && t.childUnitId() == u.otherDirectorate().id(), heard::addAll)) {
            SystemUser.runAs("admin", () -> catchball.proposeDown(elsewhere.id(), List.of(u.otherDirectorate().id()),
                    Proposal.titled("Day-case hernia repair"), null));
            assertThat(heard.poll(2, TimeUnit.SECONDS)).as("the move between other units was broadcast").isNotNull();
        }
        int[] unrelated = {0};
        await().alias("no statements run for a move between other units").pollInSameThread()
                .pollInterval(Duration.ofMillis(50)).during(LiveBroadcaster.WINDOW.plusMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> (unrelated[0] += StatementCounter.count(() -> MockVaadin.clientRoundtrip(false))) == 0);

        SystemUser.runAs(u.division().lead(), () -> catchball.proposeDown(mine.id(), List.of(u.directorate().id()),
                Proposal.titled("Frailty assessment within 6 hours"), null));
        int live = StatementCounter.count(() -> within2s(() ->
                assertThat(rows(inbox)).extracting(InboxRow::title).contains("Frailty assessment within 6 hours")));
        int byHand = StatementCounter.count(() -> _get(Tabs.class).setSelectedIndex(1));
        assertThat(live).as("statements of the live refresh, against one refresh by hand").isEqualTo(byHand).isPositive();
    }
}
