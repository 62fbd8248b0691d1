package app.catchball.projects.ui;

import app.catchball.base.Formats;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Routes;
import app.catchball.base.ui.UnitPicker;
import app.catchball.catchball.ui.ThreadPage;
import app.catchball.metrics.MetricInfo;
import app.catchball.projects.ContinuityService;
import app.catchball.projects.Handover;
import app.catchball.projects.LinkedItem;
import app.catchball.projects.Measure;
import app.catchball.projects.PdsaCycle;
import app.catchball.projects.PdsaDraft;
import app.catchball.projects.ProjectDetail;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.AccessService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.modulith.NamedInterface;

/** One project: its details, alignment, measures, PDSA log and handovers. */
@Route("projects/project")
@NamedInterface("routes")
@PageTitle("Project · Catchball")
@PermitAll
public class ProjectView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final DateTimeFormatter DAY = Formats.DAY;

    private final ProjectService projects;
    private final ContinuityService continuity;
    private final AccessService access;
    private long projectId;

    ProjectView(ProjectService projects, ContinuityService continuity, AccessService access) {
        this.projects = projects;
        this.continuity = continuity;
        this.access = access;
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        projectId = parameter;
        show();
    }

    void show() {
        removeAll();
        Optional<ProjectDetail> loaded = Notices.attempt(() -> projects.project(projectId));
        if (loaded.isEmpty()) {
            add(new H2("Project"), new Paragraph("This project cannot be shown. Go back to Projects to choose another."));
            return;
        }
        ProjectDetail detail = loaded.get();
        ProjectSummary p = detail.project();
        HorizontalLayout badges = new HorizontalLayout(ProjectsView.badge(p.stage().label(), "contrast"),
                ProjectsView.badge(p.aligned() ? "Aligned to True North" : "Not aligned", p.aligned() ? "success" : ""));
        if (p.needsNewLead()) {
            badges.add(ProjectsView.badge("Needs a new lead", "error"));
        }
        if (p.slipping()) {
            badges.add(ProjectsView.badge("Slipping", "error"));
        }
        if (p.approved()) {
            badges.add(ProjectsView.badge("Approved by " + detail.approvedBy(), "success"));
        }
        add(Routes.link("← Projects of " + p.unitName(), ProjectsView.class, UnitPicker.PARAMETER, String.valueOf(p.unitId())), new H2(p.title()), badges);
        add(new Paragraph("Aim: " + (p.aim() == null ? "—" : p.aim())),
                new Paragraph("Lead: " + p.leadText() + " · Team: " + (p.team() == null ? "—" : p.team())
                        + " · " + dates(p)));
        HorizontalLayout actions = new HorizontalLayout();
        if (detail.mayLink() && !p.approved()) {
            actions.add(new Button("Approve", e -> run(() -> projects.approve(projectId, p.version()), "Project approved.")));
        }
        if (continuity.mayHandOver(p.unitId())) {
            actions.add(new Button("Hand over…", e -> new HandoverDialog(continuity, p, continuity.possibleLeads(p.unitId()), this::show).open()));
        }
        add(actions);
        if (detail.mayEdit()) {
            add(editor(p));
        }
        add(new H3("Linked to the plan"));
        Grid<LinkedItem> links = new Grid<>();
        links.addClassName("project-links");
        links.addColumn(LinkedItem::label).setHeader("Item").setFlexGrow(3);
        links.addColumn(LinkedItem::kindLabel).setHeader("Kind");
        links.addColumn(i -> i.aligned() ? "Traces to True North" : "Does not trace to True North").setHeader("Line of sight");
        if (detail.mayLink()) {
            links.addComponentColumn(i -> small("Unlink", () -> projects.unlink(projectId, i.itemId()))).setHeader("Action").setAutoWidth(true);
        }
        links.setItems(detail.links());
        links.setAllRowsVisible(true);
        add(links);
        if (detail.mayLink()) {
            ComboBox<LinkedItem> item = new ComboBox<>("Link to");
            item.setItems(projects.linkableItems(p.unitId()));
            item.setItemLabelGenerator(LinkedItem::label);
            item.setWidth("32rem");
            Button link = new Button("Link", e -> {
                if (item.getValue() != null) {
                    run(() -> projects.link(projectId, item.getValue().itemId()), "Linked.");
                }
            });
            add(row(item, link));
        }
        add(new H3("Measures"));
        Grid<Measure> measures = new Grid<>();
        measures.addClassName("project-measures");
        measures.addColumn(Measure::label).setHeader("Metric").setFlexGrow(3);
        measures.addColumn(Measure::unitName).setHeader("Unit").setFlexGrow(2);
        measures.addColumn(m -> m.concernAfterEnd() ? "Special-cause concern after the project ended" : "")
                .setHeader("Sustain check").setFlexGrow(2);
        if (detail.mayEdit()) {
            measures.addComponentColumn(m -> small("Remove", () -> projects.removeMeasure(projectId, m.metricId())))
                    .setHeader("Action").setAutoWidth(true);
        }
        measures.setItems(detail.measures());
        measures.setAllRowsVisible(true);
        add(measures);
        if (detail.mayEdit()) {
            ComboBox<MetricInfo> metric = new ComboBox<>("Measure by");
            metric.setItems(projects.measurableMetrics(p.unitId()));
            metric.setItemLabelGenerator(m -> m.label() + " — " + m.unitName());
            metric.setWidth("32rem");
            add(row(metric, new Button("Add measure", e -> {
                if (metric.getValue() != null) {
                    run(() -> projects.addMeasure(projectId, metric.getValue().id()), "Measure added.");
                }
            })));
        }
        add(new H3("PDSA log"));
        Grid<PdsaCycle> pdsa = new Grid<>();
        pdsa.addClassName("pdsa-log");
        pdsa.addColumn(c -> DAY.format(c.cycleDate())).setHeader("Date").setWidth("8rem").setFlexGrow(0);
        pdsa.addColumn(PdsaCycle::plan).setHeader("Plan").setFlexGrow(2);
        pdsa.addColumn(PdsaCycle::doText).setHeader("Do").setFlexGrow(2);
        pdsa.addColumn(PdsaCycle::study).setHeader("Study").setFlexGrow(2);
        pdsa.addColumn(PdsaCycle::act).setHeader("Act").setFlexGrow(2);
        pdsa.setItems(detail.pdsa());
        pdsa.setAllRowsVisible(true);
        add(pdsa);
        if (detail.mayEdit()) {
            add(pdsaForm());
        }
        add(new H3("Handovers"));
        Grid<Handover> handovers = new Grid<>();
        handovers.addClassName("handovers");
        handovers.addColumn(h -> DAY.format(h.handedOverAt().atZone(ZoneId.systemDefault()))).setHeader("Date");
        handovers.addColumn(h -> h.fromName() == null ? "No lead" : h.fromName()).setHeader("From");
        handovers.addColumn(Handover::toName).setHeader("To");
        handovers.addColumn(Handover::note).setHeader("Note").setFlexGrow(3);
        handovers.setItems(detail.handovers());
        handovers.setAllRowsVisible(true);
        add(handovers);
        if (detail.proposedLinkId() != null) {
            add(Routes.link("Proposed upwards: see the catchball thread", ThreadPage.class, detail.proposedLinkId()));
        }
    }

    private static String dates(ProjectSummary p) {
        return (p.startDate() == null ? "no start date" : "from " + DAY.format(p.startDate()))
                + (p.endDate() == null ? "" : " to " + DAY.format(p.endDate()));
    }

    private FormLayout editor(ProjectSummary p) {
        ProjectForm form = new ProjectForm(access.users());
        form.fill(p.toDraft());
        Button save = new Button("Save changes", e -> run(() -> projects.update(projectId, form.draft(), p.version()),
                "Project saved."));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(save);
        form.addClassName("project-editor");
        return form;
    }

    private FormLayout pdsaForm() {
        DatePicker date = DatePickers.british(new DatePicker("Date"));
        date.setValue(LocalDate.now());
        TextArea plan = new TextArea("Plan");
        TextArea doText = new TextArea("Do");
        TextArea study = new TextArea("Study");
        TextArea act = new TextArea("Act");
        Button add = new Button("Add to the log", e -> run(() -> projects.addPdsa(projectId,
                new PdsaDraft(date.getValue(), plan.getValue(), doText.getValue(), study.getValue(), act.getValue())),
                "PDSA cycle added to the log."));
        FormLayout form = new FormLayout(date, plan, doText, study, act, add);
        form.addClassName("pdsa-form");
        return form;
    }

    private Button small(String text, Runnable action) {
        Button b = new Button(text, e -> run(() -> {
            action.run();
            return null;
        }, "Saved."));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void run(Supplier<?> action, String message) {
        Notices.attempt(() -> {
            action.get();
            Notices.ok(message);
            show();
        });
    }
}
