package app.catchball.metrics.ui;

import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.Commentary;
import app.catchball.metrics.Rag;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The bowling chart on a phone: one card per metric with its latest value, its colour (with a
 * letter, never colour alone) and its target, linking to the metric's page. Shown instead of the
 * grid at narrow widths by the stylesheet ({@code .bowling-cards}).
 */
class BowlingCards extends Div {

    BowlingCards() {
        addClassName("bowling-cards");
    }

    void show(BowlingChart chart) {
        show(chart, Map.of());
    }

    /** The cards, each followed by its metric's latest commentary (a button that opens it) when there is one. */
    void show(BowlingChart chart, Map<Long, Commentary> commentary) {
        removeAll();
        for (BowlingChart.Row row : chart.rows()) {
            RouterLink card = new RouterLink(MetricView.class, row.metric().id());
            card.addClassName("bowling-card");
            Span name = new Span(row.metric().label());
            name.addClassName("bowling-card-name");
            Optional<BowlingChart.Cell> latest = row.cells().stream().filter(c -> c.actual() != null)
                    .max(Comparator.comparing(BowlingChart.Cell::month));
            Span value = latest.map(c -> MetricsView.cell(c, MetricsView.MONTH.format(c.month()) + ": "))
                    .orElseGet(() -> new Span("No values yet"));
            Span target = new Span("Target " + number(row.metric().target())
                    + (row.metric().unitOfMeasure() == null || row.metric().target() == null ? "" : " " + row.metric().unitOfMeasure()));
            target.addClassName("bowling-card-target");
            Div icons = new Div(MdcIcon.variation(row.spc()), MdcIcon.assurance(row.spc()));
            icons.addClassName("mdc-icons");
            card.add(name, value, target, icons);
            RollupCells.card(card, chart.rollups().get(row.metric().id()), latest.map(BowlingChart.Cell::month).orElse(null));
            add(card);
            if (commentary.containsKey(row.metric().id())) {
                add(CommentaryIndicator.button(row.metric(), commentary.get(row.metric().id())));
            }
        }
    }

    static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    static String letter(Rag rag) {
        return rag == Rag.GREY ? "–" : rag.letter();
    }
}
