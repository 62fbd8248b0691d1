package app.catchball.organisation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.UnitRef;
import app.catchball.base.ui.UnitPicker;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Uses units that no other test relies on (Day Hospital, Fracture Clinic, Division of Surgery). */
class OrganisationViewTest extends KaribuTest {

    @Autowired
    OrganisationService organisation;

    @Test
    void an_admin_renames_and_moves_a_unit() {
        login("admin");
        UI.getCurrent().navigate(OrganisationView.class);
        select("Day Hospital");

        setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Frailty Day Hospital");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        expectNotifications("Unit saved.");

        select("Frailty Day Hospital");
        UnitPicker moveUnder = _get(UnitPicker.class, spec -> spec.withLabel("Move under"));
        setValue(moveUnder, ref("Specialist Medicine"));
        _click(_get(Button.class, spec -> spec.withText("Move")));
        expectNotifications("Frailty Day Hospital moved under Specialist Medicine.");

        UnitNode moved = node("Frailty Day Hospital");
        assertThat(moved.parentId()).isEqualTo(node("Specialist Medicine").id());
        assertThat(moved.shortCode()).isEqualTo("DAYH");
    }

    @Test
    void moving_a_unit_under_its_own_child_is_refused_with_a_message() {
        login("admin");
        UI.getCurrent().navigate(OrganisationView.class);
        select("Division of Surgery");

        UnitPicker moveUnder = _get(UnitPicker.class, spec -> spec.withLabel("Move under"));
        setValue(moveUnder, ref("General Surgery"));
        _click(_get(Button.class, spec -> spec.withText("Move")));

        expectNotifications("A unit cannot be moved under itself or one of its own units: "
                + "General Surgery is part of Division of Surgery.");
        assertThat(node("Division of Surgery").parentId()).isEqualTo(node("Northshore Teaching Hospitals NHS Foundation Trust").id());
    }

    @Test
    void a_non_admin_sees_no_edit_controls_and_the_service_refuses_the_edit() {
        login("chief.exec");
        UI.getCurrent().navigate(OrganisationView.class);
        select("Fracture Clinic");

        _assertNone(TextField.class, spec -> spec.withLabel("Name"));
        _assertNone(Button.class, spec -> spec.withText("Save"));
        _assertNone(Button.class, spec -> spec.withText("Grant"));
        _assertNone(Button.class, spec -> spec.withText("Archive"));

        UnitNode clinic = node("Fracture Clinic");
        assertThatThrownBy(() -> SystemUser.runAs("chief.exec",
                () -> organisation.rename(clinic.id(), "Renamed", "FRAC", clinic.version())))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only an Admin may do this.");
        assertThat(node("Fracture Clinic").name()).isEqualTo("Fracture Clinic");
    }

    @Test
    void the_tree_shows_levels_and_leads() {
        login("viewer");
        UI.getCurrent().navigate(OrganisationView.class);

        @SuppressWarnings("unchecked")
        TreeGrid<UnitNode> grid = _get(TreeGrid.class);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(String.join(" | ", GridKt._getFormattedRow(grid, i)));
        }
        assertThat(rows).contains(
                "Division of Medicine | MED | Division / care group | Dr James Whitfield",
                "Emergency & Acute Medicine | EAM | Directorate | Priya Nair");
    }

    @SuppressWarnings("unchecked")
    private void select(String name) {
        TreeGrid<UnitNode> grid = _get(TreeGrid.class);
        grid.asSingleSelect().setValue(node(name));
    }

    /** The unit as the lazy unit picker offers it. */
    private UnitRef ref(String name) {
        UnitNode unit = node(name);
        return new UnitRef(unit.id(), unit.shortCode(), unit.name());
    }

    private UnitNode node(String name) {
        return SystemUser.runAs("admin", () -> organisation.wholeTree().stream()
                .filter(u -> u.name().equals(name)).findFirst().orElseThrow());
    }
}
