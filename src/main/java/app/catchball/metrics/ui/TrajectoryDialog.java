package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.ui.Notices;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.Trajectory;
import app.catchball.metrics.TrajectoryEntry;
import app.catchball.metrics.TrajectoryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trajectory grid: one field per month of the metric's cycle holding the value planned for it
 * (empty: the month is judged against the metric's target), saved together. Opened from the
 * bowling chart (with a choice of the unit's metrics) and from a metric's page, for those who may
 * change the metric; uploads of trajectories go through the bowling chart's "Upload values…".
 */
class TrajectoryDialog extends Dialog {

    private final TrajectoryService trajectories;
    private final Runnable saved;
    private final ComboBox<MetricInfo> metric = new ComboBox<>("Metric");
    private final Paragraph about = new Paragraph();
    private final FormLayout months = new FormLayout();
    private final Map<YearMonth, BigDecimalField> fields = new LinkedHashMap<>();

    TrajectoryDialog(TrajectoryService trajectories, List<MetricInfo> choices, MetricInfo chosen, Runnable saved) {
        this.trajectories = trajectories;
        this.saved = saved;
        setHeaderTitle("Trajectory");
        metric.setItems(choices);
        metric.setItemLabelGenerator(MetricInfo::label);
        metric.setWidthFull();
        metric.setVisible(choices.size() > 1);
        metric.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue().id());
            }
        });
        months.addClassName("trajectory-grid");
        months.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("30rem", 4));
        Button save = new Button("Save trajectory", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(metric, about, months));
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("46rem");
        metric.setValue(chosen);
    }

    private void load(long metricId) {
        Trajectory trajectory = trajectories.trajectory(metricId);
        MetricInfo m = trajectory.metric();
        setHeaderTitle("Trajectory of " + m.label());
        about.setText("The value planned for each month of " + trajectory.cycleName() + ". An empty month is judged "
                + "against the target (" + (m.target() == null ? "none set" : BowlingCards.number(m.target())) + ").");
        months.removeAll();
        fields.clear();
        Map<YearMonth, BigDecimal> planned = trajectory.byMonth();
        for (YearMonth month : trajectory.months()) {
            BigDecimalField field = new BigDecimalField(Formats.MONTH.format(month));
            if (m.unitOfMeasure() != null) {
                field.setSuffixComponent(new Span(m.unitOfMeasure()));
            }
            field.setValue(planned.get(month) == null ? null : planned.get(month).stripTrailingZeros());
            fields.put(month, field);
            months.add(field);
        }
    }

    private void save() {
        MetricInfo m = metric.getValue();
        if (m == null) {
            Notices.error("Please choose the metric.");
            return;
        }
        Notices.attempt(() -> {
            List<TrajectoryEntry> entries = new ArrayList<>();
            fields.forEach((month, field) -> {
                if (field.isInvalid()) {
                    throw new RuleViolation("The value for " + Formats.MONTH.format(month) + " is not a number.");
                }
                if (field.getValue() != null) {
                    entries.add(new TrajectoryEntry(month.atDay(1), field.getValue()));
                }
            });
            Trajectory result = trajectories.replace(m.id(), entries);
            Notices.ok("Trajectory saved: " + result.entries().size() + " of " + result.months().size() + " months planned.");
            close();
            saved.run();
        });
    }
}
