package app.catchball.review.ui;

import app.catchball.base.Formats;
import app.catchball.base.UnitDirectory;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.UnitPicker;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.review.Decision;
import app.catchball.review.DecisionService;
import app.catchball.review.ReviewContent;
import app.catchball.review.ReviewContent.DecisionLine;
import app.catchball.review.ReviewPage;
import app.catchball.review.ReviewService;
import app.catchball.review.ReviewState;
import app.catchball.security.AccessService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A unit's monthly review ({@code review?unit=W7&month=2026-10}, bookmarkable): bowling chart,
 * exceptions, countermeasures due, catchball threads waiting on the unit, its priorities' A3
 * status, exceptions of the units below, and the decisions and actions log. Everyone reads; Leads
 * prepare (summary, decisions) and publish.
 */
@Route("review")
@NamedInterface("routes")
@PageTitle("Review · Catchball")
@Menu(order = 31, icon = "vaadin:clipboard-check", title = "Review")
@PermitAll
public class ReviewView extends VerticalLayout implements BeforeEnterObserver {

    /** Query parameter: the month reviewed ({@code review?unit=W7&month=2026-10}). */
    public static final String MONTH = "month";

    private final ReviewService reviews;
    private final DecisionService decisions;
    private final AccessService access;
    private final UnitPicker unit;
    private final Select<YearMonth> month = new Select<>();
    private final VerticalLayout body = new VerticalLayout();
    private boolean navigating;

    ReviewView(ReviewService reviews, DecisionService decisions, CycleService cycles, AccessService access, UnitDirectory units) {
        this.reviews = reviews;
        this.decisions = decisions;
        this.access = access;
        this.unit = new UnitPicker(units);
        month.setLabel("Month");
        month.setItems(months(cycles.cycles()));
        month.setItemLabelGenerator(Formats.MONTH::format);
        unit.onPick(u -> go());
        month.addValueChangeListener(e -> go());
        HorizontalLayout bar = new HorizontalLayout(unit, month);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        body.setPadding(false);
        add(new H2("Review"), bar, body);
    }

    /** Every month of every cycle up to the current month, newest first. */
    private static List<YearMonth> months(List<CycleSummary> cycles) {
        YearMonth now = YearMonth.now();
        return cycles.stream().flatMap(c -> {
            List<YearMonth> list = new ArrayList<>();
            for (YearMonth m = YearMonth.from(c.firstMonth()); !m.isAfter(YearMonth.from(c.lastMonth())) && !m.isAfter(now);
                 m = m.plusMonths(1)) {
                list.add(m);
            }
            return list.stream();
        }).distinct().sorted((a, b) -> b.compareTo(a)).toList();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters params = event.getLocation().getQueryParameters();
        YearMonth chosen = YearMonth.now().minusMonths(1);
        Optional<String> asked = params.getSingleParameter(MONTH);
        if (asked.isPresent()) {
            try {
                chosen = YearMonth.parse(asked.get());
            } catch (DateTimeParseException e) {
                Notices.error("\u201c" + asked.get() + "\u201d is not a month (write it as 2026-10). Showing last month instead.");
            }
        }
        navigating = true;
        unit.select(params);
        if (!month.getListDataView().contains(chosen)) {
            List<YearMonth> items = new ArrayList<>(month.getListDataView().getItems().toList());
            items.add(chosen);
            items.sort((a, b) -> b.compareTo(a));
            month.setItems(items);
        }
        month.setValue(chosen);
        navigating = false;
        show();
    }

    private void go() {
        if (!navigating && unit.getValue() != null && month.getValue() != null) {
            UI.getCurrent().navigate(ReviewView.class, QueryParameters.simple(Map.of(
                    "unit", unit.getValue().shortCode(), MONTH, month.getValue().toString())));
        }
    }

    private void show() {
        body.removeAll();
        if (unit.getValue() == null || month.getValue() == null) {
            return;
        }
        long unitId = unit.getValue().id();
        YearMonth m = month.getValue();
        Optional<ReviewPage> loaded = Notices.attempt(() -> reviews.page(unitId, m));
        if (loaded.isEmpty()) {
            return;
        }
        ReviewPage page = loaded.get();
        ReviewContent content = page.content();
        body.add(new H3(content.unitName() + " · " + Formats.MONTH.format(m)));
        Span state = new Span(page.state() == ReviewState.PUBLISHED
                ? "Published " + Formats.DAY_AT_TIME.format(page.publishedAt().atZone(ZoneId.systemDefault()))
                + " by " + page.publishedBy() : page.state().label());
        state.addClassName("review-state");
        HorizontalLayout actions = new HorizontalLayout(state);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Anchor download = new Anchor("/api/v1/units/" + unitId + "/review.pdf?month=" + m, "Download PDF");
        download.setRouterIgnore(true);
        download.getElement().setAttribute("download", true);
        actions.add(download);
        boolean draft = page.state() != ReviewState.PUBLISHED;
        if (page.mayPrepare() && draft) {
            Button publish = new Button("Publish", e -> Notices.attempt(() -> reviews.publish(unitId, m, page.version()),
                    "Review of " + Formats.MONTH.format(m) + " published.", this::show));
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(publish);
        }
        body.add(actions);
        if (!page.changedSincePublished().isEmpty()) {
            body.add(new H3("Changed since published"));
            UnorderedList changes = new UnorderedList();
            changes.addClassName("changed-since-published");
            page.changedSincePublished().forEach(c -> changes.add(new ListItem(c)));
            body.add(changes);
        }
        summary(page, unitId, m, draft);
        ReviewSections.addAll(body, content);
        decisionsLog(page, unitId, m, draft);
    }

    private void summary(ReviewPage page, long unitId, YearMonth m, boolean draft) {
        body.add(new H3("Summary"));
        if (page.mayPrepare() && draft) {
            TextArea text = new TextArea();
            text.setAriaLabel("Summary");
            text.addClassName("review-summary");
            text.setWidthFull();
            text.setValue(page.content().summary() == null ? "" : page.content().summary());
            Button save = new Button("Save summary", e -> Notices.attempt(
                    () -> reviews.saveSummary(unitId, m, text.getValue(), page.version()), "Summary saved.", this::show));
            body.add(text, save);
        } else {
            body.add(new Paragraph(page.content().summary() == null ? "No summary." : page.content().summary()));
        }
    }

    private void decisionsLog(ReviewPage page, long unitId, YearMonth m, boolean draft) {
        body.add(new H3("Decisions and actions"));
        boolean editable = page.mayPrepare() && draft;
        if (editable) {
            Long cycleId = reviews.cycleOf(m).orElse(null);
            Button add = new Button("Add decision or action…", e -> new DecisionDialog(decisions, access.users(),
                    cycleId == null ? List.of() : decisions.linkOptions(unitId, cycleId, m), unitId, cycleId, m, null,
                    this::show).open());
            body.add(add);
        }
        List<DecisionLine> log = page.content().decisions();
        if (log.isEmpty()) {
            body.add(new Paragraph("No open decisions or actions."));
            return;
        }
        body.add(ReviewSections.grid(log, "decisions-log", g -> {
            g.addColumn(DecisionLine::text).setHeader("Decision or action").setFlexGrow(3);
            g.addColumn(DecisionLine::owner).setHeader("Owner").setAutoWidth(true);
            g.addColumn(d -> Formats.DAY.format(d.due()) + (d.overdue() ? " (overdue)" : "")).setHeader("Due").setAutoWidth(true);
            g.addColumn(DecisionLine::status).setHeader("Status").setAutoWidth(true);
            g.addColumn(d -> d.link() == null ? "" : d.link()).setHeader("About").setAutoWidth(true);
            g.addColumn(d -> Formats.MONTH.format(d.raised())).setHeader("Raised").setAutoWidth(true);
            if (editable) {
                g.addComponentColumn(d -> new Button("Edit", e -> edit(unitId, m, d.id()))).setAutoWidth(true);
            }
        }));
    }

    private void edit(long unitId, YearMonth m, long decisionId) {
        Optional<Decision> decision = decisions.decisions(unitId, m).stream().filter(d -> d.id() == decisionId).findFirst();
        decision.ifPresent(d -> new DecisionDialog(decisions, access.users(), List.of(), unitId, null, m, d, this::show).open());
    }
}
