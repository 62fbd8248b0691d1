package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.base.UnitDirectory;
import app.catchball.base.UnitRef;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.UnitPicker;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.SpcSummaryService;
import app.catchball.metrics.SpcVerdict;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The "SPC summary" of a unit: each metric's latest value, its Making Data Count variation and assurance
 * icons, its target and the trajectory of the latest value's month. Reached from Metrics; the same unit
 * picker and {@code unit=} parameter.
 */
@Route("metrics/spc-summary")
@PageTitle("SPC summary · Catchball")
@PermitAll
public class SpcSummaryView extends VerticalLayout implements BeforeEnterObserver {

    private final SpcSummaryService spc;
    private final UnitPicker unit;
    private final CyclePicker cycle;
    private final Grid<SpcVerdict> grid = new Grid<>();
    private boolean navigating;

    SpcSummaryView(SpcSummaryService spc, CycleService cycles, UnitDirectory units) {
        this.spc = spc;
        this.unit = new UnitPicker(units);
        this.cycle = new CyclePicker(cycles);
        setSizeFull();
        unit.onPick(u -> go());
        cycle.addValueChangeListener(e -> go());
        Button bowling = new Button("Bowling chart", e -> Notices.attempt(() -> open(MetricsView.class, unit.getValue(), cycle.getValue())));
        HorizontalLayout bar = new HorizontalLayout(unit, cycle, bowling);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        grid.addClassName("spc-summary");
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> v.metric().label()).setHeader("Metric").setFlexGrow(3).setTooltipGenerator(v -> v.metric().label());
        grid.addColumn(SpcSummaryView::latest).setHeader("Latest value").setAutoWidth(true);
        grid.addComponentColumn(MdcIcon::variation).setHeader("Variation").setKey("variation").setWidth("6rem").setFlexGrow(0);
        grid.addComponentColumn(MdcIcon::assurance).setHeader("Assurance").setKey("assurance").setWidth("6rem").setFlexGrow(0);
        grid.addColumn(v -> withUnit(v.metric().target(), v.metric())).setHeader("Target").setAutoWidth(true);
        grid.addColumn(v -> withUnit(v.trajectory(), v.metric())).setHeader("Trajectory").setAutoWidth(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(MetricView.class, e.getItem().metric().id()));
        add(new H2("SPC summary"), bar, new Paragraph("Each metric's latest value read the Making Data Count way: "
                + "variation (orange concern, blue improvement, grey common cause; H or L for high or low) and "
                + "assurance against the target (P passes, F fails, ? hit and miss). Trajectory: the plan for the latest "
                + "value's month."), grid);
    }

    /** The button on Metrics that opens this summary for the unit and cycle shown there. */
    static Button link(UnitPicker unit, CyclePicker cycle) {
        return new Button("SPC summary", e -> Notices.attempt(() -> open(SpcSummaryView.class, unit.getValue(), cycle.getValue())));
    }

    private static void open(Class<? extends Component> view, UnitRef unit, CycleSummary cycle) {
        Map<String, String> params = new LinkedHashMap<>();
        Optional.ofNullable(unit).ifPresent(u -> params.put(UnitPicker.PARAMETER, u.shortCode()));
        Optional.ofNullable(cycle).ifPresent(c -> params.put(CyclePicker.PARAMETER, String.valueOf(c.id())));
        UI.getCurrent().navigate(view, QueryParameters.simple(params));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        navigating = true;
        unit.select(params);
        cycle.select(params);
        navigating = false;
        show();
    }

    private void go() {
        if (!navigating && unit.getValue() != null && cycle.getValue() != null) {
            open(SpcSummaryView.class, unit.getValue(), cycle.getValue());
        }
    }

    private void show() {
        if (unit.getValue() != null && cycle.getValue() != null) {
            grid.setItems(spc.summary(unit.getValue().id(), cycle.getValue().id()));
        }
    }

    private static String latest(SpcVerdict v) {
        return v.latestValue() == null ? "No data yet"
                : Formats.MONTH.format(v.latestPeriod()) + ": " + withUnit(v.latestValue(), v.metric());
    }

    private static String withUnit(BigDecimal value, MetricInfo metric) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString()
                + (metric.unitOfMeasure() == null ? "" : " " + metric.unitOfMeasure());
    }
}
