package app.catchball.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.base.ui.UnitPicker;
import app.catchball.base.Formats;
import app.catchball.planning.Corner;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Side;
import app.catchball.planning.Strength;
import app.catchball.planning.ui.XMatrixElement.Item;
import app.catchball.planning.ui.XMatrixElement.Model;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checks of the demo data read Ward 7 and never change it; the tests that change a matrix do it on a
 * ward of their own ({@link Fixtures#ward}), so they neither disturb nor depend on other classes.
 */
class XMatrixViewTest extends KaribuTest {

    @Autowired
    PlanFixture fixture;

    @Autowired
    Fixtures fixtures;

    private XMatrixElement open(String user) {
        login(user);
        UI.getCurrent().navigate(XMatrixView.class);
        return _get(XMatrixElement.class);
    }

    /** What the browser is given: the {@code model} property the element draws, read back from the element. */
    private static Model model(XMatrixElement matrix) {
        return matrix.getElement().getPropertyBean("model", Model.class);
    }

    /** The symbol the browser draws in a corner cell: "●", "○", "△" or "" for none. */
    private static String symbolAt(XMatrixElement matrix, Corner corner, long a, long b) {
        return model(matrix).correlations().stream()
                .filter(c -> c.corner().equals(corner.name()) && c.a() == a && c.b() == b)
                .map(c -> Strength.valueOf(c.strength()).symbol()).findFirst().orElse("");
    }

    private static List<Item> side(XMatrixElement matrix, Side side) {
        return model(matrix).sides().get(side.key());
    }

    private static List<String> warningsOf(XMatrixElement matrix, long itemId) {
        return model(matrix).sides().values().stream().flatMap(List::stream).filter(i -> i.id() == itemId)
                .findFirst().orElseThrow().warnings();
    }

    private static void press(XMatrixElement matrix, Corner corner, ItemView a, ItemView b) {
        ComponentUtil.fireEvent(matrix, new XMatrixElement.CellClickEvent(matrix, true, corner.name(), a.id(), b.id()));
    }

    @Test
    void the_menu_entry_opens_the_users_own_unit_in_the_current_cycle_editable_for_its_lead() {
        XMatrixElement matrix = open("ward7.manager");

        assertThat(model(matrix).title()).isEqualTo("Ward 7 — Respiratory · 2026/27");
        assertThat(model(matrix).readOnly()).isFalse();
        _get(Button.class, spec -> spec.withText("Deploy to units…"));
    }

    @Test
    void clicking_or_pressing_enter_on_a_corner_cell_cycles_none_strong_medium_weak_none_and_saves_each_step() {
        Fixtures.Ward ward = fixtures.ward("Corner ward");
        ItemView p1 = fixtures.item(ward, ItemKind.PRIORITY, "Discharge lounge pilot");
        ItemView m1 = fixtures.metric(ward, "Discharges before noon");
        XMatrixElement matrix = open(ward.lead());
        assertThat(symbolAt(matrix, Corner.NE, p1.id(), m1.id())).isEmpty();

        for (String expected : List.of("●", "○", "△", "")) {
            NotificationsKt.clearNotifications();
            press(matrix, Corner.NE, p1, m1);
            assertThat(symbolAt(matrix, Corner.NE, p1.id(), m1.id())).isEqualTo(expected);
            assertThat(fixtures.matrix(ward).strength(Corner.NE, p1.id(), m1.id()) == null).isEqualTo(expected.isEmpty());
        }
        expectNotifications("P1 × M1: no link — saved");
    }

    @Test
    void others_see_the_matrix_read_only_and_the_service_refuses_their_clicks() {
        XMatrixElement matrix = open("viewer");
        UI.getCurrent().navigate("x-matrix", QueryParameters.fromString("unit=W7"));
        matrix = _get(XMatrixElement.class);
        ItemView p3 = fixture.item("W7", "Discharge lounge pilot");
        ItemView m1 = fixture.item("W7", "Discharges before noon");

        assertThat(model(matrix).readOnly()).isTrue();
        _assertNone(Button.class, spec -> spec.withText("Deploy to units…"));
        press(matrix, Corner.NE, p3, m1);

        expectNotifications("You may not change the X-matrix of Ward 7 — Respiratory: that needs the Lead role on it or on a unit above it.");
        assertThat(fixture.matrix("W7").strength(Corner.NE, p3.id(), m1.id())).isNull();
    }

    @Test
    void the_matrix_shows_its_warnings() {
        open("ward7.nurse");

        List<String> warnings = LocatorJ._find(ListItem.class).stream()
                .map(ListItem::getText).toList();
        assertThat(warnings).contains(
                "⚠ P3 Discharge lounge pilot: No lead",
                "⚠ M3 Patients who would recommend the ward: No correlation, No target");
        XMatrixElement matrix = _get(XMatrixElement.class);
        assertThat(warningsOf(matrix, fixture.item("W7", "Daily discharge huddle").id())).isEmpty();
    }

    @Test
    void a_lead_adds_edits_and_archives_an_item_in_place() {
        Fixtures.Ward ward = fixtures.ward("Editing ward");
        fixtures.item(ward, ItemKind.ANNUAL, "An objective already there");
        XMatrixElement matrix = open(ward.lead());

        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemAddEvent(matrix, true, "west"));
        setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Fewer readmissions within 30 days");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        ItemView added = fixtures.item(ward, "Fewer readmissions within 30 days");
        expectNotifications(added.code() + " added.");
        assertThat(side(matrix, Side.WEST)).extracting(Item::code).last().isEqualTo(added.code());

        _click(_get(Button.class, spec -> spec.withText("Edit")));
        setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Fewer emergency readmissions within 30 days");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        expectNotifications(added.code() + " saved.");
        assertThat(fixtures.item(ward, "Fewer emergency readmissions within 30 days").id()).isEqualTo(added.id());

        int before = side(matrix, Side.WEST).size() - 1;
        _click(_get(Button.class, spec -> spec.withText("Move up")));
        assertThat(side(matrix, Side.WEST).get(before - 1).id()).isEqualTo(added.id());

        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemClickEvent(matrix, true, "west", added.id()));
        _click(_get(Button.class, spec -> spec.withText("Archive")));
        assertThat(side(matrix, Side.WEST)).extracting(Item::id).doesNotContain(added.id());
    }

    @Test
    void a_stale_edit_is_refused_with_who_changed_it_and_the_view_offers_to_reload() {
        Fixtures.Ward ward = fixtures.ward("Stale edit ward");
        ItemView huddle = fixtures.item(ward, ItemKind.PRIORITY, "Safety huddle with falls risk review");
        XMatrixElement matrix = open(ward.lead());
        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemClickEvent(matrix, true, "north", huddle.id()));
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        setValue(_get(TextArea.class, spec -> spec.withLabel("Description")), "Mine");

        SystemUser.runAs("acute.lead", () -> planning.updateItem(huddle.id(),
                huddle.toDraft().withDescription("Theirs"), huddle.version()));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        _get(Span.class, spec -> spec.withText(huddle.code()
                + " was changed by Priya Nair on " + Formats.DAY_AT_TIME
                .format(fixtures.item(ward, huddle.title()).updatedAt().atZone(ZoneId.systemDefault()))
                + " after you opened it. Nothing was overwritten: reload to see the change, then edit again."));
        _click(_get(Button.class, spec -> spec.withText("Reload")));
        assertThat(fixtures.item(ward, huddle.title()).description()).isEqualTo("Theirs");
    }

    @Autowired
    PlanningService planning;

    @Test
    void an_item_shows_its_line_of_sight_to_true_north() {
        XMatrixElement matrix = open("ward7.nurse");
        ItemView huddle = fixture.item("W7", "Daily discharge huddle");

        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemClickEvent(matrix, true, "north", huddle.id()));

        LineOfSight up = _get(LineOfSight.class);
        List<String> lines = _find(up, ListItem.class).stream().map(li -> li.getElement().getTextRecursively()).toList();
        assertThat(lines.getFirst()).startsWith("True North T2 Patient experience — Northshore Teaching Hospitals");
        assertThat(lines.getLast()).isEqualTo("P1 Daily discharge huddle — Ward 7 — Respiratory");
        assertThat(lines).contains("P1 Safer patient flow — Northshore Teaching Hospitals NHS Foundation Trust",
                "A1 Half of our patients home before noon — Ward 7 — Respiratory").doesNotHaveDuplicates();

        CascadeGrid below = _get(CascadeGrid.class);
        assertThat(rows(below)).isNotEmpty().extracting(r -> r.node().id()).doesNotHaveDuplicates();
    }

    private static List<CascadeGrid.Row> rows(CascadeGrid grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    @Test
    void any_unit_and_cycle_can_be_opened_from_a_bookmarkable_url() {
        login("viewer");
        UI.getCurrent().navigate("x-matrix", QueryParameters.fromString("unit=MED&cycle=" + fixture.cycle()));

        XMatrixElement matrix = _get(XMatrixElement.class);
        assertThat(model(matrix).title()).startsWith("Division of Medicine · ");
        assertThat(_get(UnitPicker.class).getValue().name()).isEqualTo("Division of Medicine");
    }

    @Test
    void the_cascade_view_shows_the_whole_plan_as_a_tree() {
        login("viewer");
        UI.getCurrent().navigate(CascadeView.class);

        CascadeGrid tree = _get(CascadeGrid.class);
        List<String> open = rows(tree).stream().map(r -> r.node().label() + " — " + r.node().unitName()).toList();
        assertThat(open).anyMatch(l -> l.startsWith("True North T1 Quality & safety"))
                .contains("P1 Safer patient flow — Northshore Teaching Hospitals NHS Foundation Trust")
                .noneMatch(l -> l.endsWith("Ward 7 — Respiratory"));

        _click(_get(Button.class, spec -> spec.withText("Expand all")));
        List<CascadeGrid.Row> all = rows(tree);
        assertThat(all).extracting(r -> r.node().label() + " — " + r.node().unitName())
                .contains("P1 Daily discharge huddle — Ward 7 — Respiratory");
        all.stream().collect(Collectors.groupingBy(r -> r.path().substring(0, r.path().lastIndexOf('/'))))
                .forEach((parent, children) -> assertThat(children).as("children of %s", parent)
                        .extracting(r -> r.node().id()).doesNotHaveDuplicates());
    }

    @Test
    void priorities_show_their_a3_status_on_the_x_matrix_and_in_the_cascade() {
        login("viewer");
        UI.getCurrent().navigate("x-matrix", QueryParameters.fromString("unit=NTH&cycle=" + fixture.cycle()));

        XMatrixElement matrix = _get(XMatrixElement.class);
        Item harmFree = side(matrix, Side.NORTH).stream().filter(i -> i.label().equals("Harm-free care programme"))
                .findFirst().orElseThrow();
        assertThat(harmFree.status()).isEqualTo("at-risk");
        assertThat(harmFree.statusLabel()).isEqualTo("At risk");
        assertThat(side(matrix, Side.NORTH).stream().filter(i -> i.label().equals("Theatre productivity")).findFirst()
                .orElseThrow().status()).isNull();
        assertThat(_get(Span.class, spec -> spec.withClasses("priority-roll-up")).getText())
                .isEqualTo("2 of 4 priorities on track");

        UI.getCurrent().navigate(CascadeView.class);
        CascadeGrid tree = _get(CascadeGrid.class);
        int row = IntStream.range(0, GridKt._size(tree))
                .filter(i -> GridKt._get(tree, i).node().label().equals("P2 Harm-free care programme")).findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(tree, row)).contains("At risk");
    }
}
