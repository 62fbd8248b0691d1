package app.catchball.catchball.ui;

import app.catchball.base.Formats;
import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Routes;
import app.catchball.base.ui.UnitPicker;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.CatchballThreadChanged;
import app.catchball.catchball.Move;
import app.catchball.catchball.StepView;
import app.catchball.catchball.ThreadView;
import app.catchball.metrics.MetricCommitmentService;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Proposal;
import app.catchball.metrics.ui.MetricView;
import app.catchball.planning.ui.XMatrixView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.modulith.NamedInterface;

/**
 * One catchball thread as a conversation: every step in order with who, when, the message and what
 * changed ("target 95 % → 92 %"); the moves open to the signed-in user; live as the other side moves.
 */
@Route("catchball/thread")
@NamedInterface("routes")
@PageTitle("Catchball thread · Catchball")
@PermitAll
public class ThreadPage extends VerticalLayout implements HasUrlParameter<Long> {

    private static final DateTimeFormatter WHEN = Formats.DAY_AT_TIME;
    private static final DateTimeFormatter DAY = Formats.DAY;

    private final CatchballService catchball;
    private final MetricCommitmentService commitments;
    private final VerticalLayout content = new VerticalLayout();
    private final LiveRefresh live;
    private volatile long linkId;
    private ThreadView thread;

    ThreadPage(CatchballService catchball, LiveBroadcaster broadcaster, MetricCommitmentService commitments) {
        this.catchball = catchball;
        this.commitments = commitments;
        content.setPadding(false);
        add(content);
        // The other side's moves show as they happen; a half-written move is kept ("Changed by … — Reload").
        live = LiveRefresh.on(this, broadcaster, c -> c.event() instanceof CatchballThreadChanged t && t.id() == linkId, changes -> {
            show();
            changes.stream().map(c -> c.event()).filter(CatchballThreadChanged.class::isInstance).map(CatchballThreadChanged.class::cast)
                    .forEach(t -> Notification.show(t.byName() + " " + t.move().pastTense() + " “" + thread.link().title() + "”",
                            4000, Notification.Position.TOP_END).addThemeVariants(NotificationVariant.LUMO_PRIMARY));
        });
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        linkId = parameter;
        show();
    }

    private void show() {
        thread = catchball.thread(linkId);
        CascadeLinkView link = thread.link();
        content.removeAll();
        content.add(new H2(link.title()));
        Span between = new Span((link.sourceCode() == null ? "" : link.sourceCode() + " · ")
                + link.unitNameOf(link.initiator()) + " → " + link.unitNameOf(link.initiator().other()) + " · " + link.cycleName());
        between.addClassName("unit-path");
        Span state = new Span(thread.waitingText());
        state.addClassName("thread-state");
        content.add(between, state);
        if (link.status() == CascadeStatus.AGREED && link.agreedAt() != null) {
            content.add(new Paragraph("Agreed on " + DAY.format(link.agreedAt().atZone(ZoneId.systemDefault()))
                    + " after " + link.rounds() + (link.rounds() == 1 ? " round" : " rounds") + "."),
                    Routes.link("Open " + link.childUnitName() + "’s X-matrix", XMatrixView.class,
                            UnitPicker.PARAMETER, String.valueOf(link.childUnitId()), XMatrixView.CYCLE, String.valueOf(link.cycleId())));
        }
        content.add(proposalBox(link.proposal(), "Current proposal"));
        // A number for a metric of the parent: which metric, and once agreed, the child's metric that holds it.
        commitments.ofThread(link).ifPresent(c -> {
            Paragraph number = new Paragraph(c.sentence());
            number.addClassName("thread-commitment");
            content.add(number);
            if (c.agreedText() != null) {
                content.add(new RouterLink(c.agreedText(), MetricView.class, c.childMetricId()));
            }
        });
        content.add(new H3("Conversation"));
        if (thread.steps().isEmpty()) {
            content.add(new Paragraph("Deployed directly, without catchball."));
        }
        thread.steps().forEach(step -> content.add(stepCard(step)));
        if (!thread.myMoves().isEmpty()) {
            HorizontalLayout moves = new HorizontalLayout();
            moves.setWrap(true);
            thread.myMoves().forEach(move -> moves.add(new Button(move.label(), e -> openForm(move))));
            content.add(new H3("Your move, for " + link.unitNameOf(thread.myParty())), moves);
        }
    }

    private static Div proposalBox(Proposal p, String heading) {
        Div box = new Div();
        box.addClassName("proposal");
        UnorderedList list = new UnorderedList(new ListItem("Wording: " + p.title()));
        list.add(new ListItem("Target: " + (p.target() == null ? "none" : p.target())));
        list.add(new ListItem("Due date: " + (p.dueDate() == null ? "none" : DAY.format(p.dueDate()))));
        if (p.rationale() != null) {
            list.add(new ListItem("Rationale: " + p.rationale()));
        }
        if (p.resources() != null) {
            list.add(new ListItem("Resources needed: " + p.resources()));
        }
        box.add(new Span(heading), list);
        return box;
    }

    private static Div stepCard(StepView step) {
        Div card = new Div();
        card.addClassNames("catchball-step", "party-" + step.party().name().toLowerCase());
        Span who = new Span(step.actorName() + " (" + step.unitName() + ") " + step.move().pastTense()
                + " · " + WHEN.format(step.at().atZone(ZoneId.systemDefault())));
        who.addClassName("step-header");
        card.add(who);
        if (step.message() != null) {
            card.add(new Paragraph(step.message()));
        }
        if (!step.changes().isEmpty()) {
            UnorderedList changes = new UnorderedList();
            changes.addClassName("step-changes");
            step.changes().forEach(c -> changes.add(new ListItem(c)));
            card.add(changes);
        } else if (step.move() == Move.PROPOSE) {
            card.add(new Paragraph(step.proposal().title() + (step.proposal().target() == null ? "" : " · target " + step.proposal().target())));
        }
        return card;
    }

    private void openForm(Move move) {
        Proposal current = thread.link().proposal();
        TextArea message = new TextArea(move == Move.QUERY ? "Question" : move == Move.DECLINE ? "Reason" : "Message");
        message.setWidthFull();
        TextField wording = new TextField("Wording");
        wording.setWidthFull();
        wording.setValue(current.title());
        TextField target = new TextField("Target");
        target.setValue(current.target() == null ? "" : current.target());
        DatePicker due = DatePickers.british(new DatePicker("Due date", current.dueDate()));
        TextArea resources = new TextArea("Resources needed");
        resources.setWidthFull();
        resources.setValue(current.resources() == null ? "" : current.resources());
        FormLayout form = new FormLayout();
        if (move.carriesProposal()) {
            form.add(wording, target, due, resources);
            form.setColspan(wording, 2);
            form.setColspan(resources, 2);
        }
        form.add(message);
        form.setColspan(message, 2);
        Button send = new Button("Send " + move.label().toLowerCase(), e -> {
            Notices.attempt(() -> {
                Proposal proposal = move.carriesProposal()
                        ? new Proposal(wording.getValue(), target.getValue(), due.getValue(), null, resources.getValue()) : null;
                catchball.act(linkId, move, proposal, message.getValue());
                Notices.ok("You " + move.pastTense() + ".");
                show();
                return true;
            }, ex -> {
                Notices.error(ex.getMessage());
                show();
            });
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div panel = new Div(new H3(move.label()), form, new HorizontalLayout(new Button("Cancel", e -> show()), send));
        panel.addClassName("move-form");
        content.add(panel);
        live.watch(panel, message, wording, target, due, resources);
    }
}
