package app.catchball.audit.ui;

import app.catchball.audit.AuditEntry;
import app.catchball.audit.AuditService.AuditFilter;
import app.catchball.audit.AuditService;
import app.catchball.base.Formats;
import app.catchball.base.UnitDirectory;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.ExportMenu;
import app.catchball.base.ui.Phones;
import app.catchball.base.ui.UnitPicker;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The audit trail for Admins and Coaches: every change, filterable by user, unit, type and period; read lazily. */
@Route("audit")
@PageTitle("Audit · Catchball")
@Menu(order = 80, icon = "vaadin:records", title = "Audit")
@RolesAllowed({"ADMIN", "COACH"})
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = Formats.DAY_AND_TIME;

    private final TextField user = new TextField("User");
    private final UnitPicker unit;
    private final ComboBox<String> type = new ComboBox<>("Type", AuditService.TYPES);
    private final DatePicker from = DatePickers.british(new DatePicker("From"));
    private final DatePicker to = DatePickers.british(new DatePicker("To"));
    private final Checkbox nothingVisible = new Checkbox("Show changes with nothing visible");
    private final Grid<AuditEntry> grid = new Grid<>();

    AuditView(AuditService audit, UnitDirectory units) {
        this.unit = new UnitPicker(units);
        setSizeFull();
        user.setPlaceholder("username");
        user.setValueChangeMode(ValueChangeMode.LAZY);
        unit.setPlaceholder("Any unit");
        unit.setWidth("22rem");
        unit.setClearButtonVisible(true);
        type.setClearButtonVisible(true);
        grid.addColumn(e -> WHEN.format(e.at().atZone(ZoneId.systemDefault()))).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::sentence).setHeader("What happened").setFlexGrow(2)
                .setTooltipGenerator(AuditEntry::sentence);
        Phones.hideOnPhone(grid.addColumn(AuditEntry::changes).setHeader("Change").setFlexGrow(1).setTooltipGenerator(AuditEntry::changes));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setItems(q -> audit.search(filter(), q.getOffset(), q.getLimit()).stream());
        user.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        unit.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        type.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        nothingVisible.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        type.setItemLabelGenerator(AuditService::typeName);
        HorizontalLayout filters = new HorizontalLayout(user, unit, type, from, to, nothingVisible,
                new ExportMenu(() -> AuditExports.search(audit, filter())));
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Audit trail"), filters, grid);
    }

    AuditFilter filter() {
        ZoneId zone = ZoneId.systemDefault();
        return new AuditFilter(user.getValue(), unit.getValue() == null ? null : unit.getValue().id(), type.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                nothingVisible.getValue());
    }
}
