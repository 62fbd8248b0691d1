package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.base.ui.Notices;
import app.catchball.metrics.BowlingRuleService;
import app.catchball.metrics.AnnotationService;
import app.catchball.metrics.CommentaryService;
import app.catchball.metrics.CountermeasureChanged;
import app.catchball.metrics.CountermeasureService;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.CountermeasureView;
import app.catchball.metrics.Frequency;
import app.catchball.metrics.HistoryEntry;
import app.catchball.metrics.MetricChanged;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricNotes;
import app.catchball.metrics.MetricPage;
import app.catchball.metrics.MetricPageService;
import app.catchball.metrics.MetricRollupService;
import app.catchball.metrics.MetricSpc;
import app.catchball.metrics.MetricValueView;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.SpcSettings;
import app.catchball.metrics.TrajectoryService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueRules;
import app.catchball.metrics.ValueSource;
import app.catchball.metrics.spc.SpcResult;
import app.catchball.planning.PlanChanged;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** One metric: its XmR chart read the Making Data Count way, its values (with corrections), and countermeasures. */
@Route("metrics/metric")
@NamedInterface("routes")
@PageTitle("Metric · Catchball")
@PermitAll
public class MetricView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final DateTimeFormatter WHEN = Formats.DAY_AND_TIME;

    private final MetricPageService pages;
    private final MetricsService metrics;
    private final CountermeasureService countermeasures;
    private final BowlingRuleService bowlingRules;
    private final TrajectoryService trajectories;
    private final CommentaryService commentary;
    private final AnnotationService annotations;
    private final LiveRefresh live;
    private final MetricRollupService rollups;
    private volatile long metricId;

    MetricView(MetricPageService pages, MetricsService metrics, CountermeasureService countermeasures, LiveBroadcaster broadcaster,
               BowlingRuleService bowlingRules, TrajectoryService trajectories, MetricRollupService rollups,
               CommentaryService commentary, AnnotationService annotations) {
        this.pages = pages;
        this.rollups = rollups;
        this.commentary = commentary;
        this.annotations = annotations;
        this.metrics = metrics;
        this.bowlingRules = bowlingRules;
        this.trajectories = trajectories;
        this.countermeasures = countermeasures;
        // Others' values, countermeasures and changes to the metric show as they are saved; typed input is kept.
        live = LiveRefresh.on(this, broadcaster, c -> (c.event() instanceof MetricChanged || c.event() instanceof CountermeasureChanged
                || c.event() instanceof PlanChanged) && c.event().id() == metricId, this::show);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        metricId = parameter;
        show();
    }

    /** Draws the page from one read of it ({@link MetricPageService#page}); the actions call their own services. */
    private void show() {
        removeAll();
        MetricPage page = pages.page(metricId);
        MetricSpc spc = page.spc();
        MetricInfo metric = spc.metric();
        add(new H2(metric.label()));
        Span where = new Span(metric.unitName() + " · " + (metric.direction() == null ? "" : metric.direction().label().toLowerCase())
                + (metric.target() == null ? " · no target" : " · target " + plain(metric.target()) + unit(metric))
                + (metric.ownerName() == null ? "" : " · owner " + metric.ownerName()));
        where.addClassName("unit-path");
        add(where);

        HorizontalLayout icons = new HorizontalLayout(MdcIcon.variation(spc.result().variation(), metric.direction()),
                MdcIcon.assurance(spc.result().assurance()));
        icons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (spc.result().provisionalLimits()) {
            Span provisional = new Span(SpcResult.PROVISIONAL_LIMITS);
            provisional.addClassName("spc-provisional");
            icons.add(provisional);
        }
        add(icons);
        // The chart with its notes as markers, the notes listed below it, then the monthly commentary (issue 12).
        MetricNotes notes = page.notes();
        add(new NotesChart(spc, notes.annotations()), new AnnotationList(annotations, metricId, notes.annotations(),
                notes.mayWrite() && !metric.archived(), LocalDate.now(), fields -> live.watch(this, fields), this::show),
                new CommentaryPanel(commentary, metricId, notes, YearMonth.now(), fields -> live.watch(this, fields), this::show));

        Select<Frequency> frequency = new Select<>();
        frequency.setLabel("Frequency");
        frequency.setItems(Frequency.values());
        frequency.setItemLabelGenerator(f -> f == Frequency.MONTHLY ? "Monthly" : "Weekly");
        frequency.setValue(metric.frequency());
        frequency.addValueChangeListener(e -> {
            if (!Notices.attempt(() -> metrics.changeFrequency(metricId, e.getValue()), "Frequency saved.", () -> { })) {
                show();
            }
        });
        frequency.setReadOnly(!page.mayChangeMetric());
        add(frequency);

        chartSettings(metric, page.settings(), page.mayChangeMetric());
        BowlingSettingsForm bowling = new BowlingSettingsForm(bowlingRules, trajectories, page.bowling(), this::show);
        add(bowling);
        live.watch(this, bowling.inputs());
        add(new RollupPanel(rollups, spc, page.rollup(), this::show));

        boolean mayEnter = page.mayEnterValues() && !metric.archived();
        add(new H3("Values"));
        if (metric.archived()) {
            add(new Paragraph("This metric is archived: it takes no new values."));
        }
        if (mayEnter) {
            boolean weekly = metric.frequency() == Frequency.WEEKLY;
            DatePicker period = DatePickers.british(new DatePicker("Period"));
            period.setHelperText(weekly ? "The Monday of the week" : "The first day of the month");
            period.setMin(ValueRules.EARLIEST_PERIOD);
            period.setMax(page.currentPeriod());
            period.setValue(page.currentPeriod());
            BigDecimalField value = new BigDecimalField("Value");
            Button save = new Button("Save value", e -> {
                Notices.attempt(() -> {
                    if (period.getValue() == null) {
                        throw new RuleViolation("Please choose the period.");
                    }
                    var result = metrics.saveValues(metricId, List.of(new ValueEntry(period.getValue(), value.getValue())), ValueSource.MANUAL);
                    Notices.ok("Value saved: " + result.summary() + ".");
                    show();
                });
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(period, value, save);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(form);
            live.watch(this, period, value);
        }
        Grid<MetricValueView> values = new Grid<>();
        values.addClassName("metric-values");
        values.addColumn(v -> period(v.period(), metric)).setHeader("Period");
        values.addColumn(v -> plain(v.value())).setHeader("Value");
        values.addColumn(MetricValueView::updatedBy).setHeader("By");
        values.setItems(page.values().reversed());
        values.setHeight("16rem");
        add(values);
        List<HistoryEntry> history = page.corrections();
        if (!history.isEmpty()) {
            add(new H3("Corrections"));
            Grid<HistoryEntry> corrections = new Grid<>();
            corrections.addColumn(h -> period(h.period(), metric)).setHeader("Period");
            corrections.addColumn(h -> plain(h.oldValue()) + " → " + plain(h.newValue())).setHeader("Change");
            corrections.addColumn(HistoryEntry::changedBy).setHeader("By");
            corrections.addColumn(h -> WHEN.format(h.changedAt().atZone(ZoneId.systemDefault()))).setHeader("When");
            corrections.addColumn(HistoryEntry::source).setHeader("How");
            corrections.setItems(history);
            corrections.setAllRowsVisible(true);
            add(corrections);
        }
        countermeasures(page);
    }

    /** Rebase dates, fixed limits and outlier screening: shown to all, changed by Leads. */
    private void chartSettings(MetricInfo metric, SpcSettings settings, boolean mayChange) {
        if (!settings.rebaseDates().isEmpty() || settings.fixAfterN() != null || !settings.screenOutliers()) {
            Paragraph p = new Paragraph("Chart settings: "
                    + (settings.rebaseDates().isEmpty() ? "" : "limits rebased from " + settings.rebaseDates().stream()
                    .map(d -> period(d, metric)).collect(Collectors.joining(", ")) + "; ")
                    + (settings.fixAfterN() == null ? "" : "limits fixed after " + settings.fixAfterN() + " points; ")
                    + (settings.screenOutliers() ? "outlier screening on" : "outlier screening off"));
            p.addClassName("unit-path");
            add(p);
        }
        if (!mayChange) {
            return;
        }
        Checkbox screen = new Checkbox("Screen outliers",
                settings.screenOutliers());
        IntegerField fix = new IntegerField("Fix limits after (points)");
        fix.setValue(settings.fixAfterN());
        fix.setMin(12);
        fix.setHelperText("Empty: limits from all points");
        DatePicker rebase = DatePickers.british(new DatePicker("Rebase from"));
        rebase.setHelperText("Limits are recomputed from this month on");
        Button save = new Button("Save chart settings", e -> {
            Notices.attempt(() -> {
                List<LocalDate> dates = new ArrayList<>(settings.rebaseDates());
                if (rebase.getValue() != null) {
                    dates.add(rebase.getValue());
                }
                metrics.changeSpcSettings(metricId, new SpcSettings(fix.getValue(), screen.getValue(), dates));
                Notices.ok("Chart settings saved.");
                show();
            });
        });
        Button clear = new Button("Remove rebases", e -> {
            metrics.changeSpcSettings(metricId, new SpcSettings(fix.getValue(), screen.getValue(), List.of()));
            show();
        });
        clear.setVisible(!settings.rebaseDates().isEmpty());
        HorizontalLayout row = new HorizontalLayout(screen, fix, rebase, save, clear);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row);
        live.watch(this, screen, fix, rebase);
    }

    private void countermeasures(MetricPage page) {
        add(new H3("Countermeasures"));
        List<CountermeasureView> list = page.countermeasures();
        if (list.isEmpty()) {
            add(new Paragraph("None recorded."));
        }
        for (CountermeasureView c : list) {
            Paragraph p = new Paragraph((c.overdue() ? "OVERDUE · " : "") + c.status().label() + (c.dueDate() == null ? " · no due date" : " · due " + Formats.DAY.format(c.dueDate()))
                    + " · " + c.action() + (c.ownerName() == null ? "" : " (" + c.ownerName() + ")")
                    + (c.problem() == null ? "" : " — problem: " + c.problem()) + (c.rootCause() == null ? "" : "; cause: " + c.rootCause()));
            p.addClassName(c.overdue() ? "countermeasure-overdue" : "countermeasure-open");
            add(p);
        }
        if (!page.mayRecordCountermeasures()) {
            return;
        }
        TextArea problem = new TextArea("Problem");
        TextArea cause = new TextArea("Root cause");
        TextField action = new TextField("Action");
        ComboBox<UserSummary> owner = new ComboBox<>("Owner", page.owners());
        owner.setItemLabelGenerator(UserSummary::displayName);
        DatePicker due = DatePickers.british(new DatePicker("Due date"));
        Select<CountermeasureStatus> status = new Select<>();
        status.setLabel("Status");
        status.setItems(CountermeasureStatus.values());
        status.setItemLabelGenerator(CountermeasureStatus::label);
        status.setValue(CountermeasureStatus.OPEN);
        Button save = new Button("Record countermeasure", e -> {
            Notices.attempt(() -> {
                countermeasures.saveCountermeasure(null, metricId, null, problem.getValue(), cause.getValue(), action.getValue(),
                        owner.getValue() == null ? null : owner.getValue().id(), due.getValue(), status.getValue(), 0);
                Notices.ok("Countermeasure recorded.");
                show();
            });
        });
        FormLayout form = new FormLayout(problem, cause, action, owner, due, status);
        add(form, save);
        live.watch(this, problem, cause, action, owner, due, status);
    }

    /** A period as people read it: "Dec 2026" for a month, "7 Dec 2026" for a weekly metric's Monday. */
    private static String period(LocalDate period, MetricInfo metric) {
        return (metric.frequency() == Frequency.WEEKLY ? Formats.DAY : Formats.MONTH).format(period);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }

    private static String unit(MetricInfo m) {
        return m.unitOfMeasure() == null ? "" : " " + m.unitOfMeasure();
    }
}
