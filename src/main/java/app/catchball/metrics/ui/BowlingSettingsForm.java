package app.catchball.metrics.ui;

import app.catchball.base.RuleViolation;
import app.catchball.base.ui.Notices;
import app.catchball.metrics.Aggregation;
import app.catchball.metrics.BowlingRule;
import app.catchball.metrics.BowlingRuleService;
import app.catchball.metrics.BowlingSettings;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.TrajectoryService;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.util.List;
import java.util.Locale;

/**
 * The metric page's "Bowling chart" section: how its months and year to date add up, its amber
 * band and its trajectory; shown to all, changed by those who may change the metric.
 */
class BowlingSettingsForm extends VerticalLayout {

    static final String ABSOLUTE = "Absolute";
    static final String PERCENT = "% of the target";

    private final Select<Aggregation> aggregation = new Select<>();
    private final ComboBox<MetricInfo> numerator = new ComboBox<>("Numerator");
    private final ComboBox<MetricInfo> denominator = new ComboBox<>("Denominator");
    private final BigDecimalField tolerance = new BigDecimalField("Amber tolerance");
    private final Select<String> toleranceKind = new Select<>();

    BowlingSettingsForm(BowlingRuleService rules, TrajectoryService trajectories, BowlingSettings settings, Runnable refresh) {
        setPadding(false);
        addClassName("bowling-settings");
        BowlingRule rule = settings.rule();
        add(new H3("Bowling chart"));
        Paragraph about = new Paragraph(rule.describe() + "."
                + (rule.aggregation() == Aggregation.RATIO ? " Ratio: 100 × " + settings.partLabel(rule.numeratorId()) + " ÷ "
                + settings.partLabel(rule.denominatorId()) + "." : "")
                + " Trajectory: " + settings.plannedMonths() + " of " + settings.months() + " months planned"
                + (settings.plannedMonths() < settings.months() ? " (the others are judged against the target)." : "."));
        about.addClassName("unit-path");
        add(about);
        if (!settings.mayChange()) {
            return;
        }
        aggregation.setLabel("Months add up as");
        aggregation.setItems(Aggregation.values());
        aggregation.setItemLabelGenerator(BowlingSettingsForm::label);
        aggregation.setValue(rule.aggregation());
        for (ComboBox<MetricInfo> part : List.of(numerator, denominator)) {
            // The unit's other metrics are read when the list opens, not with every page.
            part.setItems(query -> {
                String filter = query.getFilter().orElse("").toLowerCase(Locale.ROOT);
                return rules.ratioParts(settings.metric().id()).stream()
                        .filter(m -> m.label().toLowerCase(Locale.ROOT).contains(filter)).skip(query.getOffset()).limit(query.getLimit());
            });
            part.setItemLabelGenerator(MetricInfo::label);
            part.setWidth("16rem");
        }
        settings.ratioParts().stream().filter(m -> rule.numeratorId() != null && m.id() == rule.numeratorId())
                .findFirst().ifPresent(numerator::setValue);
        settings.ratioParts().stream().filter(m -> rule.denominatorId() != null && m.id() == rule.denominatorId())
                .findFirst().ifPresent(denominator::setValue);
        Runnable ratioShown = () -> {
            numerator.setVisible(aggregation.getValue() == Aggregation.RATIO);
            denominator.setVisible(aggregation.getValue() == Aggregation.RATIO);
        };
        aggregation.addValueChangeListener(e -> ratioShown.run());
        ratioShown.run();
        tolerance.setValue(rule.tolerance() == null ? null : rule.tolerance().stripTrailingZeros());
        tolerance.setHelperText("A miss by no more than this is amber; empty: no amber");
        toleranceKind.setLabel("Tolerance is");
        toleranceKind.setItems(ABSOLUTE, PERCENT);
        toleranceKind.setValue(rule.tolerancePercent() ? PERCENT : ABSOLUTE);
        Button save = new Button("Save bowling chart settings", e -> Notices.attempt(() -> {
            if (tolerance.isInvalid()) {
                throw new RuleViolation("The amber tolerance is not a number.");
            }
            rules.changeRule(settings.metric().id(), new BowlingRule(aggregation.getValue(), tolerance.getValue(),
                    PERCENT.equals(toleranceKind.getValue()), numerator.getValue() == null ? null : numerator.getValue().id(),
                    denominator.getValue() == null ? null : denominator.getValue().id()));
            Notices.ok("Bowling chart settings saved.");
            refresh.run();
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button trajectory = new Button("Trajectory…", e -> new TrajectoryDialog(trajectories, List.of(settings.metric()),
                settings.metric(), refresh).open());
        trajectory.setVisible(settings.mayPlan());
        HorizontalLayout row = new HorizontalLayout(aggregation, numerator, denominator, tolerance, toleranceKind, save, trajectory);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row);
    }

    /** The inputs a live refresh must not overwrite while they hold unsaved input. */
    HasValue<?, ?>[] inputs() {
        return new HasValue<?, ?>[] {aggregation, numerator, denominator, tolerance, toleranceKind};
    }

    static String label(Aggregation aggregation) {
        return switch (aggregation) {
            case SUM -> "Sum (counts)";
            case MEAN -> "Mean";
            case LATEST -> "Latest (snapshots)";
            case RATIO -> "Ratio (numerator ÷ denominator)";
        };
    }
}
