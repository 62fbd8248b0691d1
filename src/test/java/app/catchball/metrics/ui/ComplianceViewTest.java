package app.catchball.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.catchball.base.ui.UnitPicker;
import app.catchball.metrics.ComplianceService;
import app.catchball.metrics.CountermeasureRule;
import app.catchball.metrics.CountermeasureRuleService;
import app.catchball.metrics.UnitCompliance;
import app.catchball.metrics.ValuesDueService;
import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import app.catchball.support.StatementCounter;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class ComplianceViewTest extends KaribuTest {

    @Autowired
    private ComplianceService compliance;

    @Autowired
    private ValuesDueService valuesDue;

    @Autowired
    private CountermeasureRuleService rules;

    @Test
    void a_coach_reads_compliance_per_unit_and_may_not_change_the_due_day() {
        login("coach");
        UI.getCurrent().navigate(ComplianceView.class);

        List<UnitCompliance> rows = rows();
        assertThat(rows).extracting(UnitCompliance::unitName)
                .contains("Northshore Teaching Hospitals NHS Foundation Trust", "Ward 7 — Respiratory")
                .doesNotContain("Birth Centre");   // no metrics
        UnitCompliance ward7 = rows.stream().filter(r -> r.unitName().equals("Ward 7 — Respiratory")).findFirst().orElseThrow();
        assertThat(ward7.valuesSixMonths().due()).isGreaterThan(0);
        assertThat(ward7.valuesSixMonths().label()).matches("\\d+ % \\(\\d+ of \\d+\\)");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("values-due-rule")).getText())
                .matches("Northshore Teaching Hospitals NHS Foundation Trust: a month's values are due by working day \\d+ "
                        + "of the following month.");
        assertThat(_find(IntegerField.class)).as("only an Admin changes the due day").isEmpty();
        assertThatThrownBy(() -> SystemUser.runAs("coach", () -> valuesDue.changeValuesDueDay(rows.getFirst().unitId(), 3)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_reads_compliance_and_changes_the_trusts_due_day() {
        login("admin");
        UI.getCurrent().navigate(ComplianceView.class);
        assertThat(rows()).isNotEmpty();
        int before = SystemUser.runAs("admin", () -> valuesDue.valuesDue(rows().getFirst().unitId())).workingDay();
        try {
            IntegerField day = _get(IntegerField.class, spec -> spec.withLabel("Values due by working day"));
            setValue(day, 25);
            _click(_get(Button.class, spec -> spec.withText("Save")));
            NotificationsKt.expectNotifications("Values can be due by working day 1 to 20 of the following month.");
            assertThat(SystemUser.runAs("admin", () -> valuesDue.valuesDue(rows().getFirst().unitId())).workingDay()).isEqualTo(before);

            setValue(day, 8);
            _click(_get(Button.class, spec -> spec.withText("Save")));
            NotificationsKt.expectNotifications("Values are now due by working day 8.");
            assertThat(_get(Paragraph.class, spec -> spec.withClasses("values-due-rule")).getText()).contains("working day 8 ");
        } finally {
            SystemUser.runAs("admin", () -> valuesDue.changeValuesDueDay(rows().getFirst().unitId(), before));
        }
    }

    @Test
    void an_admin_switches_on_red_n_periods_running_for_the_trust_and_a_coach_only_reads_the_rule() {
        login("coach");
        UI.getCurrent().navigate("compliance", QueryParameters.fromString("unit=W7"));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("countermeasure-rule-text")).getText())
                .isEqualTo("Northshore Teaching Hospitals NHS Foundation Trust: a metric asks for a countermeasure on "
                        + "special-cause concern, or when its assurance consistently fails the target. Red months alone do not ask for one.");
        assertThat(_find(Checkbox.class, spec -> spec.withLabel("Red N periods running"))).isEmpty();

        login("admin");
        UI.getCurrent().navigate("compliance", QueryParameters.fromString("unit=W7"));
        try {
            setValue(_get(Checkbox.class, spec -> spec.withLabel("Red N periods running")), true);
            setValue(_get(IntegerField.class, spec -> spec.withLabel("N (periods)")), 1);
            _click(_get(Button.class, spec -> spec.withText("Save countermeasure rule")));
            NotificationsKt.expectNotifications("Red periods running can be 2 to 12.");

            setValue(_get(IntegerField.class, spec -> spec.withLabel("N (periods)")), 3);
            _click(_get(Button.class, spec -> spec.withText("Save countermeasure rule")));
            NotificationsKt.expectNotifications("Countermeasures are now also asked for when red 3 periods running.");
            assertThat(_get(Paragraph.class, spec -> spec.withClasses("countermeasure-rule-text")).getText())
                    .endsWith("or when it is red 3 periods running.");
            assertThat(SystemUser.runAs("viewer", () -> rules.rule(fixtureUnit())).rule()).isEqualTo(new CountermeasureRule(true, 3));
        } finally {
            SystemUser.runAs("admin", () -> rules.change(fixtureUnit(), false, CountermeasureRule.MIN_PERIODS));
        }
    }

    private long fixtureUnit() {
        return _get(UnitPicker.class).getValue().id();
    }

    @Test
    void the_page_of_units_costs_a_bounded_number_of_statements() {
        login("coach");
        int statements = StatementCounter.count(() -> {
            UI.getCurrent().navigate("compliance", QueryParameters.fromString("unit=NTH"));
            MockVaadin.clientRoundtrip(false);
        });
        assertThat(rows()).isNotEmpty();
        // Measured: 14 (unit picker, the due-day rule, the permission checks, the count and one page: units,
        // their trusts' due days, values, countermeasures), whatever the size of the organisation; then 17 with
        // the trust's countermeasure rule (its read, its permission check and whether an Admin may change it).
        assertThat(statements).as("statements to open Compliance with its first page").isLessThanOrEqualTo(17);
    }

    @Test
    void leads_contributors_and_viewers_are_refused() {
        for (String user : List.of("ward7.manager", "ward7.nurse", "viewer")) {
            login(user);
            assertThrows(MockAccessDeniedException.class, () -> UI.getCurrent().navigate(ComplianceView.class), user);
            assertThatThrownBy(() -> SystemUser.runAs(user, () -> compliance.compliance(1L, 0, 10)))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Only the improvement office (Coaches and Admins) may read compliance.");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<UnitCompliance> rows() {
        Grid<UnitCompliance> grid = _get(Grid.class, spec -> spec.withClasses("compliance"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }
}
