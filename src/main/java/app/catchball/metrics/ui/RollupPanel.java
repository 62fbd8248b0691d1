package app.catchball.metrics.ui;

import app.catchball.base.RuleViolation;
import app.catchball.base.ui.Notices;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricRollup;
import app.catchball.metrics.MetricRollupService;
import app.catchball.metrics.MetricSpc;
import app.catchball.metrics.RatioPart;
import app.catchball.metrics.RollupRule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric's place between levels on its page: what it contributes to, and, when metrics of units
 * below add up to it, their commitments against its target and the rolled-up value beside its own
 * month by month. Leads link it to a metric above (the service decides who may).
 */
class RollupPanel extends VerticalLayout {

    /** A month of the metric page's roll-up table: its own value beside the rolled-up one. */
    record MonthRow(YearMonth month, BigDecimal own, MetricRollup.MonthValue rolled) {
    }

    /** The section as read with the page ({@code page}); {@code rollups} links, unlinks and lists the metrics above. */
    RollupPanel(MetricRollupService rollups, MetricSpc spc, MetricRollupService.RollupPage page, Runnable refresh) {
        setPadding(false);
        addClassName("rollup-panel");
        long metricId = spc.metric().id();
        MetricRollup rollup = page.rollup();
        if (rollup == null && !page.mayLink()) {
            return;
        }
        add(new H3("Roll-up"));
        if (rollup != null && rollup.contributesTo() != null) {
            Paragraph up = new Paragraph(rollup.contributesTo().sentence() + ".");
            up.addClassName("rollup-contributes");
            add(up);
            if (page.mayLink()) {
                add(new Button("Remove link", e -> Notices.attempt(() -> rollups.unlink(metricId), "Link removed.", refresh)));
            }
        } else if (page.mayLink()) {
            add(linkForm(rollups, metricId, refresh));
        }
        if (rollup != null && rollup.rollsUp()) {
            add(RollupCells.commitments(rollup));
            Grid<MetricRollup.Contributor> below = new Grid<>();
            below.addClassName("rollup-contributors");
            below.addColumn(MetricRollup.Contributor::unitName).setHeader("Unit");
            below.addColumn(MetricRollup.Contributor::label).setHeader("Metric");
            below.addColumn(c -> c.part() == null ? "" : c.part().label()).setHeader("Part").setVisible(rollup.rule() == RollupRule.RATIO);
            below.addColumn(c -> c.target() == null ? "—" : c.target().stripTrailingZeros().toPlainString()).setHeader("Committed target");
            below.setItems(rollup.contributors());
            below.setAllRowsVisible(true);
            add(below);
            Map<YearMonth, BigDecimal> own = new HashMap<>();
            for (int i = 0; i < spc.periods().size(); i++) {
                own.put(YearMonth.from(spc.periods().get(i)), BigDecimal.valueOf(spc.result().points().get(i).value()));
            }
            List<MonthRow> months = rollup.months().stream().map(m -> new MonthRow(m.month(), own.get(m.month()), m)).toList();
            Grid<MonthRow> table = new Grid<>();
            table.addClassName("rollup-months");
            table.addColumn(r -> MetricsView.MONTH.format(r.month())).setHeader("Month");
            table.addColumn(r -> r.own() == null ? "—" : r.own().stripTrailingZeros().toPlainString()).setHeader("Own value");
            table.addColumn(r -> r.rolled().text()).setHeader("Roll-up (" + rollup.rule().label() + ")");
            table.setItems(months);
            table.setAllRowsVisible(true);
            add(months.isEmpty() ? new Paragraph("No unit below has reported a value in this cycle yet.") : table);
        }
    }

    private static HorizontalLayout linkForm(MetricRollupService rollups, long metricId, Runnable refresh) {
        // The metrics above are read when the list is opened, not with the page.
        ComboBox<MetricInfo> parent = new ComboBox<>("Contributes to");
        parent.setItems(query -> {
            String filter = query.getFilter().orElse("").toLowerCase();
            return rollups.candidates(metricId).stream()
                    .filter(m -> (m.label() + " " + m.unitName()).toLowerCase().contains(filter))
                    .skip(query.getOffset()).limit(query.getLimit());
        });
        parent.setItemLabelGenerator(m -> m.label() + " — " + m.unitName());
        parent.setWidth("24rem");
        Select<RollupRule> rule = new Select<>();
        rule.setLabel("Adds up by");
        rule.setItems(RollupRule.values());
        rule.setItemLabelGenerator(r -> r.label().substring(0, 1).toUpperCase() + r.label().substring(1));
        rule.setValue(RollupRule.SUM);
        Select<RatioPart> part = new Select<>();
        part.setLabel("Part of the ratio");
        part.setItems(RatioPart.values());
        part.setItemLabelGenerator(p -> p == RatioPart.NUMERATOR ? "Numerator" : "Denominator");
        part.setVisible(false);
        rule.addValueChangeListener(e -> part.setVisible(e.getValue() == RollupRule.RATIO));
        Button link = new Button("Link", e -> Notices.attempt(() -> {
            if (parent.getValue() == null) {
                throw new RuleViolation("Choose the metric above that this one contributes to.");
            }
            rollups.link(metricId, parent.getValue().id(), rule.getValue(), part.getValue());
        }, "Linked to the metric above.", refresh));
        HorizontalLayout form = new HorizontalLayout(parent, rule, part, link);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }
}
