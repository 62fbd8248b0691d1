package app.catchball.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.Corner;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.Side;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class XMatrixViewTest extends KaribuTest {

    @Autowired
    PlanFixture fixture;

    private XMatrixElement open(String user) {
        login(user);
        UI.getCurrent().navigate(XMatrixView.class);
        return _get(XMatrixElement.class);
    }

    private static void press(XMatrixElement matrix, Corner corner, ItemView a, ItemView b) {
        ComponentUtil.fireEvent(matrix, new XMatrixElement.CellClickEvent(matrix, true, corner.name(), a.id(), b.id()));
    }

    @Test
    void the_menu_entry_opens_the_users_own_unit_in_the_current_cycle_editable_for_its_lead() {
        XMatrixElement matrix = open("ward7.manager");

        assertThat(matrix.matrix().unit().name()).isEqualTo("Ward 7 — Respiratory");
        assertThat(matrix.matrix().cycle().name()).isEqualTo("2026/27");
        assertThat(matrix.matrix().editable()).isTrue();
        assertThat(matrix.getElement().getPropertyRaw("model")).isNotNull();
        _get(Button.class, spec -> spec.withText("Deploy to units…"));
    }

    @Test
    void clicking_or_pressing_enter_on_a_corner_cell_cycles_none_strong_medium_weak_none_and_saves_each_step() {
        XMatrixElement matrix = open("ward7.manager");
        ItemView p3 = fixture.item("W7", "Discharge lounge pilot");
        ItemView m1 = fixture.item("W7", "Discharges before noon");
        assertThat(matrix.symbolAt(Corner.NE, p3.id(), m1.id())).isEmpty();

        for (String expected : List.of("●", "○", "△", "")) {
            NotificationsKt.clearNotifications();
            press(matrix, Corner.NE, p3, m1);
            assertThat(matrix.symbolAt(Corner.NE, p3.id(), m1.id())).isEqualTo(expected);
            assertThat(fixture.matrix("W7").strength(Corner.NE, p3.id(), m1.id()) == null).isEqualTo(expected.isEmpty());
        }
        expectNotifications("P3 × M1: no link — saved");
    }

    @Test
    void others_see_the_matrix_read_only_and_the_service_refuses_their_clicks() {
        XMatrixElement matrix = open("viewer");
        UI.getCurrent().navigate("x-matrix", com.vaadin.flow.router.QueryParameters.fromString("unit=W7"));
        matrix = _get(XMatrixElement.class);
        ItemView p3 = fixture.item("W7", "Discharge lounge pilot");
        ItemView m1 = fixture.item("W7", "Discharges before noon");

        assertThat(matrix.matrix().editable()).isFalse();
        _assertNone(Button.class, spec -> spec.withText("Deploy to units…"));
        press(matrix, Corner.NE, p3, m1);

        expectNotifications("You may not change the X-matrix of Ward 7 — Respiratory: that needs the Lead role on it or on a unit above it.");
        assertThat(fixture.matrix("W7").strength(Corner.NE, p3.id(), m1.id())).isNull();
    }

    @Test
    void the_matrix_shows_its_warnings() {
        open("ward7.nurse");

        List<String> warnings = com.github.mvysny.kaributesting.v10.LocatorJ._find(ListItem.class).stream()
                .map(ListItem::getText).toList();
        assertThat(warnings).contains(
                "⚠ P3 Discharge lounge pilot: No lead",
                "⚠ M3 Patients who would recommend the ward: No correlation, No target");
        XMatrixElement matrix = _get(XMatrixElement.class);
        assertThat(matrix.matrix().warningsOf(fixture.item("W7", "Daily discharge huddle").id())).isEmpty();
    }

    @Test
    void a_lead_adds_edits_and_archives_an_item_in_place() {
        XMatrixElement matrix = open("ward7.manager");

        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemAddEvent(matrix, true, "west"));
        setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Fewer readmissions within 30 days");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        ItemView added = fixture.item("W7", "Fewer readmissions within 30 days");
        expectNotifications(added.code() + " added.");
        assertThat(matrix.matrix().side(Side.WEST)).extracting(ItemView::code).last().isEqualTo(added.code());

        _click(_get(Button.class, spec -> spec.withText("Edit")));
        setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Fewer emergency readmissions within 30 days");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        expectNotifications(added.code() + " saved.");
        assertThat(fixture.item("W7", "Fewer emergency readmissions within 30 days").id()).isEqualTo(added.id());

        int before = matrix.matrix().side(Side.WEST).size() - 1;
        _click(_get(Button.class, spec -> spec.withText("Move up")));
        assertThat(matrix.matrix().side(Side.WEST).get(before - 1).id()).isEqualTo(added.id());

        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemClickEvent(matrix, true, "west", added.id()));
        _click(_get(Button.class, spec -> spec.withText("Archive")));
        assertThat(matrix.matrix().side(Side.WEST)).extracting(ItemView::id).doesNotContain(added.id());
    }

    @Test
    void a_stale_edit_is_refused_with_who_changed_it_and_the_view_offers_to_reload() {
        XMatrixElement matrix = open("ward7.manager");
        ItemView huddle = fixture.item("W7", "Safety huddle with falls risk review");
        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemClickEvent(matrix, true, "north", huddle.id()));
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        setValue(_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel("Description")), "Mine");

        app.catchball.security.SystemUser.runAs("acute.lead", () -> planning.updateItem(huddle.id(),
                huddle.toDraft().withDescription("Theirs"), huddle.version()));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withText(huddle.code()
                + " was changed by Priya Nair on " + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm")
                .format(fixture.item("W7", huddle.title()).updatedAt().atZone(java.time.ZoneId.systemDefault()))
                + " after you opened it. Nothing was overwritten: reload to see the change, then edit again."));
        _click(_get(Button.class, spec -> spec.withText("Reload")));
        assertThat(fixture.item("W7", huddle.title()).description()).isEqualTo("Theirs");
    }

    @Autowired
    app.catchball.planning.PlanningService planning;

    @Test
    void an_item_shows_its_line_of_sight_to_true_north() {
        XMatrixElement matrix = open("ward7.nurse");
        ItemView huddle = fixture.item("W7", "Daily discharge huddle");

        ComponentUtil.fireEvent(matrix, new XMatrixElement.ItemClickEvent(matrix, true, "north", huddle.id()));

        @SuppressWarnings("unchecked")
        TreeGrid<TraceTree.Node> up = (TreeGrid<TraceTree.Node>) com.github.mvysny.kaributesting.v10.LocatorJ._find(TraceTree.class).getFirst();
        List<String> labels = up.getTreeData().getRootItems().isEmpty() ? List.of() : flatten(up);
        assertThat(labels).anyMatch(l -> l.startsWith("True North T2 Patient experience"));
    }

    private static List<String> flatten(TreeGrid<TraceTree.Node> grid) {
        List<String> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<TraceTree.Node> todo = new java.util.ArrayDeque<>(grid.getTreeData().getRootItems());
        while (!todo.isEmpty()) {
            TraceTree.Node n = todo.pop();
            out.add(n.trace.label());
            todo.addAll(grid.getTreeData().getChildren(n));
        }
        return out;
    }

    @Test
    void any_unit_and_cycle_can_be_opened_from_a_bookmarkable_url() {
        login("viewer");
        UI.getCurrent().navigate("x-matrix", com.vaadin.flow.router.QueryParameters.fromString("unit=MED&cycle=" + fixture.cycle()));

        XMatrixElement matrix = _get(XMatrixElement.class);
        assertThat(matrix.matrix().unit().shortCode()).isEqualTo("MED");
        assertThat(_get(app.catchball.base.ui.UnitPicker.class).getValue().name()).isEqualTo("Division of Medicine");
    }

    @Test
    void the_cascade_view_shows_the_whole_plan_as_a_tree() {
        login("viewer");
        UI.getCurrent().navigate(CascadeView.class);

        @SuppressWarnings("unchecked")
        TreeGrid<TraceTree.Node> tree = _get(TraceTree.class);
        assertThat(flatten(tree)).anyMatch(l -> l.equals("P1 Daily discharge huddle — Ward 7 — Respiratory"))
                .anyMatch(l -> l.startsWith("True North T1 Quality & safety"));
    }
}
