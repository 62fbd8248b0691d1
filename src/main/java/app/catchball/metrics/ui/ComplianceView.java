package app.catchball.metrics.ui;

import app.catchball.base.UnitDirectory;
import app.catchball.base.UnitRef;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.UnitPicker;
import app.catchball.metrics.ComplianceService;
import app.catchball.metrics.CountermeasureRuleService;
import app.catchball.metrics.UnitCompliance;
import app.catchball.metrics.ValuesDueService;
import app.catchball.metrics.ValuesDueService.ValuesDue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * "Compliance" for the improvement office: for a unit and the units below it that have metrics, the
 * share of values and countermeasures on time this month and over the last 6 months, a page of units at
 * a time. The trust's "values due by working day N" and its countermeasure rule ("Red N periods running")
 * are shown here, and an Admin changes them here.
 */
@Route("compliance")
@PageTitle("Compliance · Catchball")
@Menu(order = 38, icon = "vaadin:check-square-o", title = "Compliance")
@RolesAllowed({"ADMIN", "COACH"})
public class ComplianceView extends VerticalLayout implements BeforeEnterObserver {

    private final ComplianceService compliance;
    private final ValuesDueService valuesDue;
    private final UnitPicker unit;
    private final Paragraph rule = new Paragraph();
    private final IntegerField workingDay = new IntegerField("Values due by working day");
    private final Button save = new Button("Save");
    private final Grid<UnitCompliance> grid = new Grid<>();
    private final CountermeasureRuleSetting countermeasureRule;

    ComplianceView(ComplianceService compliance, ValuesDueService valuesDue, UnitDirectory units, CountermeasureRuleService rules) {
        this.compliance = compliance;
        this.valuesDue = valuesDue;
        this.countermeasureRule = new CountermeasureRuleSetting(rules);
        this.unit = new UnitPicker(units);
        setSizeFull();
        unit.onPick(u -> UI.getCurrent().navigate(ComplianceView.class,
                QueryParameters.simple(Map.of(UnitPicker.PARAMETER, u.shortCode()))));
        rule.addClassName("values-due-rule");
        workingDay.setMin(1);
        workingDay.setMax(20);
        workingDay.setStepButtonsVisible(true);
        workingDay.setHelperText("of the following month; weekends and English bank holidays are not working days");
        save.addClickListener(e -> saveWorkingDay());
        HorizontalLayout setting = new HorizontalLayout(workingDay, save);
        setting.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setting.addClassName("values-due-setting");

        grid.addColumn(UnitCompliance::unitName).setHeader("Unit").setFlexGrow(3).setTooltipGenerator(UnitCompliance::unitName);
        grid.addColumn(c -> c.valuesThisMonth().label()).setHeader("Values on time, this month").setAutoWidth(true);
        grid.addColumn(c -> c.valuesSixMonths().label()).setHeader("Values on time, last 6 months").setAutoWidth(true);
        grid.addColumn(c -> c.countermeasuresThisMonth().label()).setHeader("Countermeasures on time, this month").setAutoWidth(true);
        grid.addColumn(c -> c.countermeasuresSixMonths().label()).setHeader("Countermeasures on time, last 6 months")
                .setAutoWidth(true);
        grid.setSizeFull();
        grid.addClassName("compliance");
        add(new H2("Compliance"), unit, rule, setting, countermeasureRule, new Paragraph("Units with metrics, at or below the unit. A value is on time "
                + "when it was first entered by its due date; a countermeasure when it was done by its due date."), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        unit.select(event.getLocation().getQueryParameters());
        show();
    }

    private void show() {
        UnitRef shown = unit.getValue();
        if (shown == null) {
            return;
        }
        showRule(valuesDue.valuesDue(shown.id()));
        countermeasureRule.show(shown);
        grid.setItems(q -> compliance.compliance(shown.id(), q.getOffset(), q.getLimit()).stream(),
                q -> compliance.complianceCount(shown.id()));
    }

    private void showRule(ValuesDue due) {
        rule.setText(due.trustName() + ": a month's values are due by working day " + due.workingDay()
                + " of the following month.");
        workingDay.setValue(due.workingDay());
        workingDay.getParent().ifPresent(p -> p.setVisible(due.editable()));
    }

    private void saveWorkingDay() {
        UnitRef shown = unit.getValue();
        if (workingDay.getValue() == null) {
            Notices.error("Please give a working day from 1 to 20.");
            return;
        }
        Notices.attempt(() -> valuesDue.changeValuesDueDay(shown.id(), workingDay.getValue())).ifPresent(due -> {
            Notices.ok("Values are now due by working day " + due.workingDay() + ".");
            showRule(due);
            grid.getDataProvider().refreshAll();
        });
    }
}
