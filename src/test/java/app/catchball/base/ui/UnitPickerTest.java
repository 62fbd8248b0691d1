package app.catchball.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.base.UnitDirectory;
import app.catchball.base.UnitRef;
import app.catchball.capability.ui.CapabilityView;
import app.catchball.metrics.ui.MetricsView;
import app.catchball.planning.ui.XMatrixView;
import app.catchball.projects.ui.ContinuityView;
import app.catchball.projects.ui.ProjectsView;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import app.catchball.support.StatementCounter;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one unit picker: lazy and filtered, one rule for the default unit, and the URL kept in step. */
class UnitPickerTest extends KaribuTest {

    private static final List<Class<? extends Component>> SCREENS = List.of(XMatrixView.class, MetricsView.class,
            ProjectsView.class, ContinuityView.class, CapabilityView.class);

    @Autowired
    UnitDirectory units;

    @Test
    void finds_units_by_name_or_code_a_page_at_a_time_without_loading_the_tree() {
        int[] statements = new int[1];
        List<UnitRef> page = StatementCounter.counting(() -> SystemUser.runAs("viewer", () -> units.find("ward 7 — resp", 0, 10)),
                statements);
        assertThat(statements[0]).isEqualTo(1);
        assertThat(page).extracting(UnitRef::shortCode).containsExactly("W7");
        assertThat(page.getFirst().label()).isEqualTo("Ward 7 — Respiratory (W7)");

        assertThat(SystemUser.runAs("viewer", () -> units.find("", 0, 5))).hasSize(5)
                .first().extracting(UnitRef::shortCode).isEqualTo("NTH");
        assertThat(SystemUser.runAs("viewer", () -> units.count("w"))).isGreaterThan(10);
        assertThat(SystemUser.runAs("viewer", () -> units.find("100%_", 0, 10))).isEmpty();
        assertThat(SystemUser.runAs("viewer", () -> units.byCodeOrId("eam"))).get().extracting(UnitRef::name)
                .isEqualTo("Emergency & Acute Medicine");
    }

    @Test
    void every_screen_opens_on_the_users_own_unit_preferring_where_they_lead() {
        Map<String, String> own = Map.of("ward7.nurse", "W7", "ward7.manager", "W7", "acute.lead", "EAM",
                "chief.exec", "NTH", "admin", "NTH");
        own.forEach((user, code) -> {
            login(user);
            for (Class<? extends Component> screen : SCREENS) {
                UI.getCurrent().navigate(screen);
                assertThat(_get(UnitPicker.class).getValue()).as("%s on %s", user, screen.getSimpleName())
                        .extracting(UnitRef::shortCode).isEqualTo(code);
            }
        });
    }

    @Test
    void the_url_names_the_unit_and_picking_another_unit_updates_it() {
        login("viewer");
        for (Class<? extends Component> screen : SCREENS) {
            UI.getCurrent().navigate(screen, QueryParameters.simple(Map.of("unit", "eam")));
            UnitPicker picker = _get(UnitPicker.class);
            assertThat(picker.getValue().shortCode()).isEqualTo("EAM");

            UnitRef ward = units.find("Ward 7 — Respiratory", 0, 1).getFirst();
            setValue(picker, ward);

            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                    .getSingleParameter("unit")).as(screen.getSimpleName()).contains("W7");
            assertThat(_get(UnitPicker.class).getValue().shortCode()).isEqualTo("W7");
        }
    }

    @Test
    void a_unit_that_does_not_exist_is_said_so_and_the_own_unit_is_shown() {
        login("ward7.nurse");
        UI.getCurrent().navigate(MetricsView.class, QueryParameters.simple(Map.of("unit", "NOPE")));

        expectNotifications("There is no unit \u201cNOPE\u201d. Showing your own unit instead.");
        assertThat(_get(UnitPicker.class).getValue().shortCode()).isEqualTo("W7");
    }
}
