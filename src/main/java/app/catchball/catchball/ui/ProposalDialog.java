package app.catchball.catchball.ui;

import app.catchball.base.RuleViolation;
import app.catchball.base.UnitDirectory;
import app.catchball.base.UnitRef;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.UnitPicker;
import app.catchball.catchball.CatchballService;
import app.catchball.metrics.CommitmentTerms;
import app.catchball.metrics.MetricInfo;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.RollupRule;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.planning.Side;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Starts catchball: a proposal down to child units (about a priority or annual objective) or up to the parent unit. */
class ProposalDialog extends Dialog {

    private final TextField wording = new TextField("Wording");
    private final TextField target = new TextField("Target");
    private final DatePicker due = DatePickers.british(new DatePicker("Due date"));
    private final TextArea rationale = new TextArea("Rationale");
    private final TextArea message = new TextArea("Message");

    /**
     * Where a proposal may start from: the units the user leads, or (an Admin) any unit, chosen with
     * the lazy unit picker so that the organisation is never loaded as a whole.
     */
    record FromUnits(List<UnitNode> led, UnitDirectory any) {

        static FromUnits of(List<UnitNode> led) {
            return new FromUnits(List.copyOf(led), null);
        }

        static FromUnits anyOf(UnitDirectory units) {
            return new FromUnits(List.of(), units);
        }

        /** The "From unit" field; {@code up}: only units that have a unit above them. */
        ComboBox<UnitRef> field(boolean up) {
            ComboBox<UnitRef> box;
            if (any != null) {
                box = new UnitPicker(any);
            } else {
                box = new ComboBox<>();
                box.setItems(led.stream().filter(u -> !up || u.parentId() != null).map(FromUnits::ref).toList());
                box.setItemLabelGenerator(UnitRef::name);
            }
            box.setLabel("From unit");
            box.setWidthFull();
            return box;
        }

        Optional<UnitRef> find(long unitId) {
            return any != null ? any.byCodeOrId(String.valueOf(unitId))
                    : led.stream().filter(u -> u.id() == unitId).findFirst().map(FromUnits::ref);
        }

        /** The one unit the user leads, if they lead exactly one ({@code up}: and it has a unit above). */
        Optional<UnitRef> only(boolean up) {
            return led.size() == 1 && (!up || led.getFirst().parentId() != null) ? Optional.of(ref(led.getFirst())) : Optional.empty();
        }

        private static UnitRef ref(UnitNode unit) {
            return new UnitRef(unit.id(), unit.shortCode(), unit.name());
        }
    }

    /** Downwards, about an item of the unit. */
    static ProposalDialog down(CatchballService catchball, PlanningService planning, OrganisationService organisation,
                               MetricsService metrics, FromUnits fromUnits, CycleSummary cycle, ItemView preselected) {
        ProposalDialog d = new ProposalDialog("Propose to units below");
        // Optional: the target is then a number for one of the unit's metrics, and agreement puts it in the child's metric.
        ComboBox<MetricInfo> metric = new ComboBox<>("Number for metric");
        metric.setItemLabelGenerator(MetricInfo::label);
        metric.setClearButtonVisible(true);
        metric.setHelperText("Optional: the target must then be a number; agreement puts it in the unit's own metric");
        Select<RollupRule> rule = new Select<>();
        rule.setLabel("Units' numbers add up by");
        rule.setItems(RollupRule.SUM, RollupRule.MEAN);
        rule.setItemLabelGenerator(r -> r == RollupRule.SUM ? "Sum" : "Mean");
        rule.setValue(RollupRule.SUM);
        rule.setVisible(false);
        metric.addValueChangeListener(e -> rule.setVisible(e.getValue() != null));
        ComboBox<UnitRef> from = fromUnits.field(false);
        ComboBox<ItemView> item = new ComboBox<>("Item");
        item.setItemLabelGenerator(i -> i.code() + " " + i.title());
        item.setWidthFull();
        CheckboxGroup<UnitNode> to = new CheckboxGroup<>("Propose to");
        to.setItemLabelGenerator(UnitNode::name);
        from.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            var matrix = planning.matrix(e.getValue().id(), cycle.id());
            List<ItemView> items = new ArrayList<>(matrix.side(Side.NORTH));
            items.addAll(matrix.side(Side.WEST));
            item.setItems(items);
            to.setItems(organisation.subtree(e.getValue().id()).stream().filter(u -> u.depth() == 1 && !u.archived()).toList());
            metric.setItems(metrics.metricsOf(e.getValue().id(), cycle.id()));
        });
        item.addValueChangeListener(e -> {
            if (e.getValue() != null && (d.wording.isEmpty() || e.isFromClient())) {
                d.wording.setValue(e.getValue().title());
            }
        });
        if (preselected != null) {
            fromUnits.find(preselected.unitId()).ifPresent(from::setValue);
            item.getListDataView().getItems().filter(i -> i.id() == preselected.id()).findFirst().ifPresent(item::setValue);
        } else {
            fromUnits.only(false).ifPresent(from::setValue);
        }
        d.form(new Paragraph("One thread per unit. They can accept, ask a question, counter-propose or decline."),
                from, item, to, metric, rule);
        d.send("Send proposal", () -> {
            if (item.getValue() == null || to.getValue().isEmpty()) {
                throw new RuleViolation("Choose the item and at least one unit to propose to.");
            }
            List<CascadeLinkView> threads = catchball.proposeDown(item.getValue().id(),
                    to.getValue().stream().map(UnitNode::id).toList(), d.proposal(), d.message.getValue(),
                    metric.getValue() == null ? null : new CommitmentTerms(metric.getValue().id(), rule.getValue()));
            return threads;
        });
        return d;
    }

    /** Upwards, from a unit to the unit above it. */
    static ProposalDialog up(CatchballService catchball, FromUnits fromUnits, CycleSummary cycle) {
        ProposalDialog d = new ProposalDialog("Propose to the unit above");
        ComboBox<UnitRef> from = fromUnits.field(true);
        fromUnits.only(true).ifPresent(from::setValue);
        d.form(new Paragraph("An idea, a local project or a changed target. If the unit above agrees, it becomes one of "
                + "its priorities and comes back to you as an agreed input."), from);
        d.send("Send proposal", () -> {
            if (from.getValue() == null) {
                throw new RuleViolation("Choose the unit you propose from.");
            }
            return List.of(catchball.proposeUp(from.getValue().id(), cycle.id(), d.proposal(), d.message.getValue()));
        });
        return d;
    }

    private ProposalDialog(String title) {
        setHeaderTitle(title);
        setWidth("40rem");
        wording.setWidthFull();
        wording.setMaxLength(300);
        target.setMaxLength(100);
        target.setPlaceholder("e.g. 92 %");
        rationale.setWidthFull();
        message.setWidthFull();
    }

    private void form(Component... top) {
        FormLayout form = new FormLayout();
        form.add(top);
        form.add(wording, target, due, rationale, message);
        for (var c : top) {
            form.setColspan(c, 2);
        }
        form.setColspan(wording, 2);
        form.setColspan(rationale, 2);
        form.setColspan(message, 2);
        add(form);
    }

    private Proposal proposal() {
        return new Proposal(wording.getValue(), target.getValue(), due.getValue(), rationale.getValue(), null);
    }

    private void send(String label, Supplier<List<CascadeLinkView>> action) {
        Button send = new Button(label, e -> {
            Notices.attempt(() -> {
                List<CascadeLinkView> threads = action.get();
                Notices.ok(threads.size() == 1 ? "Proposal sent to " + threads.getFirst().unitNameOf(
                        threads.getFirst().initiator().other()) + "." : "Proposal sent to " + threads.size() + " units.");
                close();
                if (threads.size() == 1) {
                    UI.getCurrent().navigate(ThreadPage.class, threads.getFirst().id());
                } else {
                    UI.getCurrent().navigate(CatchballView.class);
                }
            });
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), send);
    }
}
