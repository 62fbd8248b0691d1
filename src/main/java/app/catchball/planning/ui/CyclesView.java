package app.catchball.planning.ui;

import app.catchball.base.Formats;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Phones;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleStage;
import app.catchball.planning.CycleSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;

/** Planning cycles and their stages. Admins and trust Leads change them; everyone else reads. */
@Route("cycles")
@PageTitle("Cycles · Catchball")
@Menu(order = 60, icon = "vaadin:calendar", title = "Cycles")
@PermitAll
public class CyclesView extends VerticalLayout {

    private static final DateTimeFormatter MONTH = Formats.MONTH;

    private final CycleService cycles;
    private final Grid<CycleSummary> grid = new Grid<>();
    private final VerticalLayout selected = new VerticalLayout();

    CyclesView(CycleService cycles) {
        this.cycles = cycles;
        grid.addColumn(CycleSummary::name).setHeader("Cycle");
        Phones.hideOnPhone(grid.addColumn(c -> MONTH.format(c.firstMonth()) + " – " + MONTH.format(c.lastMonth())).setHeader("Months"));
        grid.addColumn(c -> c.stage().label()).setHeader("Stage");
        grid.addColumn(c -> c.current() ? "Current" : "").setHeader("Current");
        grid.setAllRowsVisible(true);
        add(new H2("Planning cycles"), grid, selected);
        if (cycles.mayManageCycles()) {
            grid.asSingleSelect().addValueChangeListener(e -> showSelected(e.getValue()));
            TextField name = new TextField("Name");
            name.setPlaceholder("2027/28");
            DatePicker first = DatePickers.british(new DatePicker("First month"));
            DatePicker last = DatePickers.british(new DatePicker("Last month"));
            Button create = new Button("Create cycle", e -> Notices.attempt(() -> cycles.create(name.getValue(), first.getValue(), last.getValue()),
                    "Cycle " + name.getValue() + " created.", this::refresh));
            HorizontalLayout form = new HorizontalLayout(name, first, last, create);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(new H3("New cycle"), form);
        }
        refresh();
    }

    private void showSelected(CycleSummary cycle) {
        selected.removeAll();
        if (cycle == null) {
            return;
        }
        Select<CycleStage> stage = new Select<>();
        stage.setLabel("Stage");
        stage.setItems(CycleStage.values());
        stage.setItemLabelGenerator(CycleStage::label);
        stage.setValue(cycle.stage());
        Button change = new Button("Change stage", e -> Notices.attempt(() -> cycles.changeStage(cycle.id(), stage.getValue(), cycle.version()),
                "Cycle " + cycle.name() + " is now at stage " + (stage.getValue() == null ? "" : stage.getValue().label()) + ".", this::refresh));
        Button makeCurrent = new Button("Make current", e -> Notices.attempt(() -> cycles.makeCurrent(cycle.id()),
                cycle.name() + " is now the current cycle.", this::refresh));
        makeCurrent.setEnabled(!cycle.current());
        TextField nextName = new TextField("Next cycle name");
        Button roll = new Button("Roll forward", e -> Notices.attempt(() -> cycles.rollForward(cycle.id(), nextName.getValue()),
                "Cycle " + nextName.getValue() + " started from " + cycle.name() + ".", this::refresh));
        roll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(stage, change, makeCurrent, nextName, roll);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        selected.add(new H3(cycle.name()), row);
    }

    private void refresh() {
        grid.setItems(cycles.cycles());
        selected.removeAll();
    }
}
