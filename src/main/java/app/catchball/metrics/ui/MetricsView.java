package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.UnitDirectory;
import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.ExportMenu;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.UnitPicker;
import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.Commentary;
import app.catchball.metrics.CommentaryService;
import app.catchball.metrics.CountermeasureChanged;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.Frequency;
import app.catchball.metrics.ImportPreview;
import app.catchball.metrics.MetricChanged;
import app.catchball.metrics.MetricImportService;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.Rag;
import app.catchball.metrics.SaveResult;
import app.catchball.metrics.SpcSummaryService;
import app.catchball.metrics.TrajectoryImportService;
import app.catchball.metrics.TrajectoryService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import app.catchball.planning.CycleService;
import app.catchball.planning.PlanChanged;
import app.catchball.security.Action;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bowling chart of a unit's X-matrix metrics over the months of a cycle, with upload of values
 * from CSV or Excel. Each row opens its metric (SPC chart, values, countermeasures).
 */
@Route("metrics")
@PageTitle("Metrics · Catchball")
@Menu(order = 30, icon = "vaadin:chart", title = "Metrics")
@PermitAll
public class MetricsView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter MONTH = Formats.MONTH;

    private final MetricsService metrics;
    private final MetricImportService imports;
    private final CommentaryService commentary;
    private final UnitPicker unit;
    private final CyclePicker cycle;
    private final Grid<BowlingChart.Row> grid = new Grid<>();
    private final BowlingCards cards = new BowlingCards();
    private final Button upload = new Button("Upload values…");
    private final Button enter = new Button("Enter values…");
    private final Button trajectoriesButton = new Button("Trajectories…");
    private final TrajectoryService trajectories;
    private final TrajectoryImportService trajectoryImports;
    private boolean navigating;
    /** The unit and cycle on screen, read by the live filter off the UI thread (0: none yet). */
    private volatile long shownUnit;
    private volatile long shownCycle;

    MetricsView(MetricsService metrics, MetricImportService imports, CycleService cycles, UnitDirectory units,
                SpcSummaryService spc, LiveBroadcaster live, TrajectoryService trajectories,
                TrajectoryImportService trajectoryImports, CommentaryService commentary) {
        this.commentary = commentary;
        this.metrics = metrics;
        this.trajectories = trajectories;
        this.trajectoryImports = trajectoryImports;
        this.imports = imports;
        this.unit = new UnitPicker(units);
        this.cycle = new CyclePicker(cycles);
        setSizeFull();
        unit.onPick(u -> go());
        cycle.addValueChangeListener(e -> go());
        upload.addClickListener(e -> openUpload());
        enter.addClickListener(e -> openEntry());
        trajectoriesButton.addClickListener(e -> {
            List<MetricInfo> list = metrics.metricsOf(unit.getValue().id(), cycle.getValue().id());
            new TrajectoryDialog(trajectories, list, list.getFirst(), this::show).open();
        });
        HorizontalLayout bar = new HorizontalLayout(unit, cycle, enter, upload, trajectoriesButton, new ExportMenu("Bowling chart",
                () -> MetricExports.bowling(metrics, unit.getValue(), cycle.getValue())).also("SPC summary",
                () -> MetricExports.spcSummary(spc, unit.getValue(), cycle.getValue())), SpcSummaryView.link(unit, cycle));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        grid.addClassName("bowling-chart");
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(MetricView.class, e.getItem().metric().id()));
        add(new H2("Metrics"), bar, grid, cards);
        // Values, countermeasures and the metrics themselves (plan items) of this unit and cycle, as others save them.
        LiveRefresh.on(this, live, c -> (c.event() instanceof MetricChanged || c.event() instanceof CountermeasureChanged
                || c.event() instanceof PlanChanged) && c.event().touchesUnit(shownUnit) && c.event().inCycle(shownCycle), this::show);
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
            UI.getCurrent().navigate(MetricsView.class, QueryParameters.simple(Map.of(
                    UnitPicker.PARAMETER, unit.getValue().shortCode(), CyclePicker.PARAMETER, String.valueOf(cycle.getValue().id()))));
        }
    }

    private void show() {
        if (unit.getValue() == null || cycle.getValue() == null) {
            return;
        }
        BowlingChart chart = metrics.bowling(unit.getValue().id(), cycle.getValue().id());
        shownUnit = unit.getValue().id();
        shownCycle = cycle.getValue().id();
        grid.removeAllColumns();
        // Metric and target stay in view while the months, YTD and countermeasure scroll inside the grid.
        grid.addComponentColumn(r -> RollupCells.metric(chart, r)).setHeader("Metric").setFrozen(true).setWidth("16rem").setFlexGrow(0)
                .setTooltipGenerator(r -> r.metric().label());
        grid.addColumn(r -> r.metric().target() == null ? "—" : r.metric().target().stripTrailingZeros().toPlainString()
                + (r.metric().unitOfMeasure() == null ? "" : " " + r.metric().unitOfMeasure())).setHeader("Target")
                .setFrozen(true).setWidth("6.5rem").setFlexGrow(0);
        for (int i = 0; i < chart.months().size(); i++) {
            int index = i;
            grid.addComponentColumn(r -> RollupCells.month(cell(r.cells().get(index)), chart.rollups().get(r.metric().id()),
                            chart.months().get(index))).setHeader(MONTH.format(chart.months().get(i)))
                    .setWidth("5.5rem").setFlexGrow(0);
        }
        grid.addComponentColumn(r -> cell(r.yearToDate())).setHeader("YTD").setWidth("5.5rem").setFlexGrow(0);
        grid.addComponentColumn(r -> MdcIcon.variation(r.spc())).setHeader("Variation").setKey("variation")
                .setWidth("6rem").setFlexGrow(0);
        grid.addComponentColumn(r -> MdcIcon.assurance(r.spc())).setHeader("Assurance").setKey("assurance")
                .setWidth("6rem").setFlexGrow(0);
        grid.addComponentColumn(MetricsView::countermeasure).setHeader("Countermeasure").setWidth("16rem").setFlexGrow(1);
        Map<Long, Commentary> comments = commentary.latestOf(chart);
        grid.addComponentColumn(r -> comments.containsKey(r.metric().id())
                ? CommentaryIndicator.button(r.metric(), comments.get(r.metric().id())) : new Span())
                .setHeader("Commentary").setKey("commentary").setWidth("8.5rem").setFlexGrow(0);
        grid.setItems(chart.rows());
        cards.show(chart, comments);
        Set<Action> allowed = chart.rows().isEmpty() ? Set.of() : metrics.actionsOn(shownUnit);
        boolean mayEnter = allowed.contains(Action.ENTER_METRIC_VALUES);
        upload.setVisible(mayEnter);
        enter.setVisible(mayEnter);
        trajectoriesButton.setVisible(!cycle.getValue().closed() && allowed.contains(Action.EDIT_PLAN));
    }

    /** A grid of the unit's metrics for one month, one value field each, saved together. */
    private void openEntry() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Enter values for " + unit.getValue().name());
        DatePicker month = DatePickers.british(new DatePicker("Month"));
        month.setValue(LocalDate.now().minusMonths(1).withDayOfMonth(1));
        month.setHelperText("The first day of the month");
        FormLayout rows = new FormLayout();
        rows.addClassName("value-entry");
        Map<Long, BigDecimalField> fields = new LinkedHashMap<>();
        List<MetricInfo> list = metrics.metricsOf(unit.getValue().id(), cycle.getValue().id());
        for (var m : list) {
            var field = new BigDecimalField(m.label());
            if (m.unitOfMeasure() != null) {
                field.setSuffixComponent(new Span(m.unitOfMeasure()));
            }
            if (m.frequency() == Frequency.WEEKLY) {
                field.setReadOnly(true);
                field.setHelperText("Weekly: enter its values on the metric's page");
            }
            fields.put(m.id(), field);
            rows.add(field);
        }
        Runnable fill = () -> {
            if (month.getValue() == null) {
                return;
            }
            var existing = metrics.valuesForMonth(unit.getValue().id(), cycle.getValue().id(),
                    YearMonth.from(month.getValue()));
            list.forEach(m -> fields.get(m.id()).setValue(existing.get(m.id())));
        };
        month.addValueChangeListener(e -> fill.run());
        fill.run();
        Button save = new Button("Save values", e -> {
            Notices.attempt(() -> {
                if (month.getValue() == null) {
                    throw new RuleViolation("Please choose the month.");
                }
                Map<Long, List<ValueEntry>> values = new LinkedHashMap<>();
                fields.forEach((id, f) -> {
                    if (f.getValue() != null && !f.isReadOnly()) {
                        values.put(id, List.of(new ValueEntry(month.getValue(), f.getValue())));
                    }
                });
                SaveResult result = metrics.saveMany(values, ValueSource.MANUAL);
                Notices.ok("Values saved: " + result.summary() + ".");
                dialog.close();
                show();
            });
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(month, rows));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("44rem");
        dialog.open();
    }

    private static Span cell(BowlingChart.Cell cell) {
        return cell(cell, "");
    }

    /** A bowling chart cell: its value, its colour and a letter (G, R) so colour is never the only sign. */
    static Span cell(BowlingChart.Cell cell, String prefix) {
        Span span = new Span(prefix + (cell.actual() == null ? "" : cell.actual().toPlainString()));
        if (cell.rag() != Rag.GREY) {
            Span letter = new Span(BowlingCards.letter(cell.rag()));
            letter.addClassName("rag-letter");
            span.add(letter);
        }
        span.addClassNames("bowling-cell", "rag-" + cell.rag().name().toLowerCase());
        span.getElement().setAttribute("title", cell.rag() == Rag.GREY ? "No data"
                : "Actual " + cell.actual().toPlainString() + " against target " + (cell.target() == null ? "—" : cell.target().stripTrailingZeros().toPlainString()));
        return span;
    }

    private static Span countermeasure(BowlingChart.Row row) {
        var open = row.countermeasures().stream().filter(c -> c.status() != CountermeasureStatus.DONE).findFirst();
        if (open.isPresent()) {
            Span s = new Span((open.get().overdue() ? "Overdue: " : "Open: ") + open.get().action());
            s.addClassName(open.get().overdue() ? "countermeasure-overdue" : "countermeasure-open");
            return s;
        }
        if (row.countermeasureReason() != null) {
            Span s = new Span("Needed: " + row.countermeasureReason());
            s.addClassName("countermeasure-needed");
            return s;
        }
        return new Span();
    }

    /**
     * The upload dialog. The file goes through an {@link UploadHandler} straight to the import
     * service, which reads it as it arrives and refuses it past the size or row cap; the browser's
     * own size check only saves a pointless transfer.
     */
    private void openUpload() {
        long unitId = unit.getValue().id();
        long cycleId = cycle.getValue().id();
        Dialog dialog = new Dialog();
        VerticalLayout body = new VerticalLayout();
        // Values, or (for those who may change the metrics) their trajectory: the same file, read the same way.
        RadioButtonGroup<String> holds = new RadioButtonGroup<>("The file holds", "Values", "Trajectory");
        holds.setValue("Values");
        holds.setVisible(!cycle.getValue().closed() && trajectories.mayPlanUnit(unitId));
        AtomicBoolean trajectory = new AtomicBoolean();
        holds.addValueChangeListener(e -> trajectory.set("Trajectory".equals(e.getValue())));
        Upload file = new Upload(event -> Notices.attemptOutsideUi(event.getUI(), () -> {
            try (InputStream content = event.getInputStream()) {
                return trajectory.get() ? trajectoryImports.preview(unitId, cycleId, event.getFileName(), content)
                        : imports.preview(unitId, cycleId, event.getFileName(), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, event::reject).ifPresent(preview -> event.getUI().access(() -> showPreview(dialog, body, preview, trajectory.get()))));
        file.setMaxFiles(1);
        file.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        file.setMaxFileSize(MetricImportService.MAX_BYTES);
        dialog.setHeaderTitle("Upload values for " + unit.getValue().name());
        body.add(new Paragraph("CSV or Excel (at most " + MetricImportService.MAX_BYTES / (1024 * 1024) + " MB) with three "
                + "columns: metric (code such as M1 or its name), period (yyyy-mm: the month; weekly metrics: the Monday as "
                + "yyyy-mm-dd) and value; a trajectory: the month of the cycle and the value planned for it. You will see "
                + "every row checked before anything is saved."), holds, file);
        dialog.add(body);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()));
        dialog.setWidth("52rem");
        dialog.open();
    }

    void showPreview(Dialog dialog, VerticalLayout body, ImportPreview preview, boolean trajectory) {
        body.removeAll();
        Grid<ImportPreview.Row> rows = new Grid<>();
        rows.addColumn(ImportPreview.Row::line).setHeader("Line").setWidth("5rem").setFlexGrow(0);
        rows.addColumn(r -> r.metricLabel() == null ? r.metricText() : r.metricLabel()).setHeader("Metric");
        rows.addColumn(ImportPreview.Row::periodText).setHeader("Period");
        rows.addColumn(ImportPreview.Row::valueText).setHeader("Value");
        rows.addColumn(r -> r.good() ? "OK" : r.error()).setHeader("Check").setFlexGrow(3)
                .setPartNameGenerator(r -> r.good() ? null : "bad-row");
        rows.setItems(preview.rows());
        rows.addClassName("import-preview");
        body.add(new Paragraph(preview.goodRows() + " good rows, " + preview.badRows() + " with problems. "
                + "Save the good rows, or cancel and fix the file."), rows);
        Button save = new Button("Save " + preview.goodRows() + " good rows", e -> {
            Notices.attempt(() -> {
                SaveResult result = trajectory ? trajectoryImports.saveGoodRows(preview) : imports.saveGoodRows(preview);
                Notices.ok((trajectory ? "Trajectory saved: " : "Values saved: ") + result.summary() + ".");
                dialog.close();
                show();
            });
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(preview.goodRows() > 0);
        dialog.getFooter().removeAll();
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    }


}
