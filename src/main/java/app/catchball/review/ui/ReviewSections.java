package app.catchball.review.ui;

import app.catchball.base.Formats;
import app.catchball.base.ui.Routes;
import app.catchball.base.ui.UnitPicker;
import app.catchball.catchball.ui.ThreadPage;
import app.catchball.planning.ui.A3View;
import app.catchball.review.ReviewContent;
import app.catchball.review.ReviewContent.Cell;
import app.catchball.review.ReviewContent.MetricLine;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

/** The read-only sections of a review page, each drawn from the review's content (live or snapshot). */
final class ReviewSections {

    private ReviewSections() {
    }

    static void addAll(VerticalLayout page, ReviewContent content) {
        page.add(new H3("Bowling chart"), bowling(content));
        page.add(new H3("Exceptions"));
        List<MetricLine> exceptions = content.exceptions();
        page.add(exceptions.isEmpty() ? new Paragraph("No exceptions this month.") : grid(exceptions, "review-exceptions",
                g -> {
                    g.addColumn(MetricLine::label).setHeader("Metric").setAutoWidth(true);
                    g.addColumn(m -> String.join("; ", m.exceptionReasons())).setHeader("Why").setAutoWidth(true);
                    g.addColumn(m -> m.countermeasure() == null ? "None yet" : m.countermeasure()).setHeader("Countermeasure")
                            .setFlexGrow(2);
                    g.addColumn(m -> m.commentary() == null ? "None" : m.commentary()).setHeader("Commentary").setFlexGrow(2)
                            .setTooltipGenerator(MetricLine::commentary);
                }));
        page.add(new H3("Countermeasures due and overdue"));
        page.add(content.countermeasures().isEmpty() ? new Paragraph("No countermeasure is due.")
                : grid(content.countermeasures(), "review-countermeasures", g -> {
                    g.addColumn(ReviewContent.CountermeasureLine::metric).setHeader("Metric").setAutoWidth(true);
                    g.addColumn(ReviewContent.CountermeasureLine::action).setHeader("Action").setFlexGrow(2);
                    g.addColumn(c -> c.owner() == null ? "—" : c.owner()).setHeader("Owner").setAutoWidth(true);
                    g.addColumn(c -> Formats.DAY.format(c.due()) + (c.overdue() ? " (overdue)" : "")).setHeader("Due")
                            .setAutoWidth(true);
                    g.addColumn(ReviewContent.CountermeasureLine::status).setHeader("Status").setAutoWidth(true);
                }));
        page.add(new H3("Catchball threads waiting on this unit"));
        if (content.waiting().isEmpty()) {
            page.add(new Paragraph("No catchball thread is waiting on this unit."));
        }
        content.waiting().forEach(t -> page.add(new Div(Routes.link(                t.title() + " (" + t.between() + ", " + t.status().toLowerCase() + ")", ThreadPage.class, t.linkId()))));
        page.add(new H3("Priorities"));
        if (content.priorityRollUp() != null) {
            Span rollUp = new Span(content.priorityRollUp());
            rollUp.addClassName("priority-roll-up");
            page.add(rollUp);
        }
        page.add(grid(content.priorities(), "review-priorities", g -> {
            g.addComponentColumn(p -> Routes.link(p.code() + " " + p.title(), A3View.class, p.priorityId())).setHeader("Priority")
                    .setFlexGrow(2);
            g.addComponentColumn(p -> statusBadge(p.status())).setHeader("Status").setAutoWidth(true);
            g.addColumn(p -> p.percentComplete() == null ? "—" : p.percentComplete() + " %").setHeader("% complete")
                    .setAutoWidth(true);
        }));
        page.add(new H3("Exceptions in the units below"));
        if (content.below().isEmpty()) {
            page.add(new Paragraph("No exceptions in the units below."));
        }
        content.below().forEach(b -> {
            RouterLink link = Routes.link(b.unitName(), ReviewView.class, UnitPicker.PARAMETER, b.unitCode(),
                    ReviewView.MONTH, String.valueOf(content.month()));
            Div line = new Div(link, new Span(": " + b.metric() + " — " + String.join("; ", b.reasons())));
            line.addClassName("below-exception");
            page.add(line);
        });
    }

    static Span statusBadge(String status) {
        Span badge = new Span(status == null ? "No A3 yet" : status);
        badge.getElement().getThemeList().add("badge");
        if (status != null) {
            badge.getElement().getThemeList().add(switch (status) {
                case "On track" -> "success";
                case "At risk" -> "warning";
                default -> "error";
            });
        }
        return badge;
    }

    private static Component bowling(ReviewContent content) {
        if (content.metrics().isEmpty()) {
            return new Paragraph(content.cycleName() == null ? "No planning cycle covers this month."
                    : "This unit's X-matrix has no metrics.");
        }
        return grid(content.metrics(), "bowling-chart", g -> {
            g.addColumn(MetricLine::label).setHeader("Metric").setFrozen(true).setAutoWidth(true);
            g.addColumn(m -> number(m.target()) + (m.unitOfMeasure() == null || m.target() == null ? "" : " " + m.unitOfMeasure()))
                    .setHeader("Target").setAutoWidth(true);
            List<YearMonth> months = content.metrics().getFirst().cells().stream().map(Cell::month).toList();
            for (YearMonth month : months) {
                g.addComponentColumn(m -> cell(m.cell(month))).setHeader(Formats.MONTH.format(month)).setWidth("5.5rem")
                        .setFlexGrow(0);
            }
            g.addColumn(m -> m.variation() == null ? "—" : m.variation()).setHeader("Variation").setAutoWidth(true);
            g.addColumn(m -> m.assurance() == null ? "—" : m.assurance()).setHeader("Assurance").setAutoWidth(true);
        });
    }

    private static Span cell(Cell cell) {
        if (cell == null) {
            return new Span();
        }
        Span span = new Span(cell.actual() == null ? "" : number(cell.actual()));
        String letter = ReviewContent.letter(cell.colour());
        if (!letter.isEmpty()) {
            Span mark = new Span(letter);
            mark.addClassName("rag-letter");
            span.add(mark);
        }
        span.addClassNames("bowling-cell", "rag-" + cell.colour().toLowerCase());
        span.getElement().setAttribute("title", cell.actual() == null ? "No data"
                : "Actual " + number(cell.actual()) + " against target " + number(cell.target()));
        return span;
    }

    static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    static <T> Grid<T> grid(List<T> items, String className, Consumer<Grid<T>> columns) {
        Grid<T> grid = new Grid<>();
        columns.accept(grid);
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addClassName(className);
        return grid;
    }
}
