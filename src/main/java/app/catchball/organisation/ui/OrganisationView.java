package app.catchball.organisation.ui;

import app.catchball.base.UnitDirectory;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.UnitPicker;
import app.catchball.base.ui.Phones;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitLevel;
import app.catchball.organisation.UnitNode;
import app.catchball.security.AccessService;
import app.catchball.security.Grant;
import app.catchball.security.Role;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The organisation tree with its levels and leads. Everyone may read it; an Admin may add,
 * rename, move and archive units and grant or revoke roles in the detail panel.
 */
@Route("organisation")
@PageTitle("Organisation · Catchball")
@Menu(order = 50, icon = "vaadin:sitemap", title = "Organisation")
@PermitAll
public class OrganisationView extends HorizontalLayout {

    private final OrganisationService organisation;
    private final AccessService access;
    private final TreeGrid<UnitNode> grid = new TreeGrid<>();
    private final VerticalLayout detail = new VerticalLayout();
    private final boolean admin;
    private final UnitDirectory units;
    private Map<Long, String> leads = Map.of();
    /** Units known to have units below them (archived ones counted), learnt as the tree's levels load. */
    private final Set<Long> withUnitsBelow = new HashSet<>();

    OrganisationView(OrganisationService organisation, AccessService access, UnitDirectory units) {
        this.organisation = organisation;
        this.units = units;
        this.access = access;
        this.admin = organisation.mayEditTree();
        setSizeFull();
        setPadding(true);

        grid.addHierarchyColumn(u -> u.archived() ? u.name() + " (archived)" : u.name()).setHeader("Unit").setFlexGrow(3);
        Phones.hideOnPhone(grid.addColumn(UnitNode::shortCode).setHeader("Code").setFlexGrow(0).setWidth("8rem"),
                grid.addColumn(UnitNode::levelName).setHeader("Level").setFlexGrow(1));
        grid.addColumn(u -> leads.getOrDefault(u.id(), "")).setHeader("Leads").setFlexGrow(2);
        grid.setSizeFull();
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));

        detail.addClassName("detail-panel");
        detail.setWidth("26rem");
        VerticalLayout left = new VerticalLayout(new H2("Organisation"), grid);
        left.setSizeFull();
        left.setPadding(false);
        add(left, detail);
        refresh(null);
    }

    /**
     * Shows the tree a level at a time (a lazy hierarchical data provider: 3,000 units cost no more
     * than their first levels), opened down to the directorates, or down to the unit to select.
     */
    private void refresh(Long selectId) {
        leads = access.leadsByUnit();
        withUnitsBelow.clear();
        grid.setDataProvider(new AbstractBackEndHierarchicalDataProvider<UnitNode, Void>() {
            @Override
            protected Stream<UnitNode> fetchChildrenFromBackEnd(HierarchicalQuery<UnitNode, Void> query) {
                return children(query.getParent(), query.getOffset(), query.getLimit()).stream();
            }

            @Override
            public int getChildCount(HierarchicalQuery<UnitNode, Void> query) {
                return organisation.countChildren(query.getParent() == null ? null : query.getParent().id());
            }

            @Override
            public boolean hasChildren(UnitNode unit) {
                return withUnitsBelow.contains(unit.id());
            }

            @Override
            public Object getId(UnitNode unit) {
                return unit.id();
            }
        });
        for (UnitNode top : children(null, 0, 50)) {
            grid.expand(top);
            grid.expand(children(top, 0, 100));
        }
        if (selectId != null) {
            List<UnitNode> above = organisation.ancestors(selectId);
            above.forEach(u -> withUnitsBelow.add(u.id()));
            grid.expand(above);
            grid.select(organisation.get(selectId));
        } else {
            showDetail(null);
        }
    }

    /** A page of the units below a unit (the top units for null), noting which of them have units below. */
    private List<UnitNode> children(UnitNode parent, int offset, int limit) {
        List<UnitNode> page = organisation.children(parent == null ? null : parent.id(), offset, limit);
        withUnitsBelow.addAll(organisation.parentsAmong(page.stream().map(UnitNode::id).toList()));
        return page;
    }

    private void showDetail(UnitNode unit) {
        detail.removeAll();
        if (unit == null) {
            detail.add(new Paragraph("Choose a unit to see its details."));
            return;
        }
        detail.add(new H3(unit.name()));
        Span path = new Span(organisation.paths(List.of(unit.id())).get(unit.id()));
        path.addClassName("unit-path");
        detail.add(path, new Paragraph(unit.levelName() + " · " + unit.shortCode() + (unit.archived() ? " · archived" : "")));

        detail.add(new H3("Roles on this unit"));
        Grid<Grant> grants = new Grid<>();
        grants.addColumn(Grant::displayName).setHeader("Person");
        grants.addColumn(g -> g.role().label()).setHeader("Role");
        if (admin) {
            grants.addComponentColumn(g -> new Button("Revoke", e -> run(() -> access.revoke(g.id()), unit.id(),
                    g.displayName() + " no longer holds the " + g.role().label() + " role here.")))
                    .setHeader("");
        }
        grants.setItems(access.grantsOn(unit.id()));
        grants.setAllRowsVisible(true);
        detail.add(grants);
        List<Grant> inherited = access.inheritedGrantsOn(unit.id());
        if (!inherited.isEmpty()) {
            Div from = new Div();
            from.addClassName("unit-path");
            from.setText("Inherited from above: " + String.join(", ",
                    inherited.stream().map(g -> g.displayName() + " (" + g.role().label() + ")").toList()));
            detail.add(from);
        }
        if (admin) {
            addAdminControls(unit);
        }
    }

    private void addAdminControls(UnitNode unit) {
        ComboBox<UserSummary> user = new ComboBox<>("User", access.users());
        user.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        Button grant = new Button("Grant", e -> {
            if (user.getValue() == null || role.getValue() == null) {
                Notices.error("Choose a user and a role to grant.");
                return;
            }
            run(() -> access.grant(user.getValue().id(), unit.id(), role.getValue()), unit.id(),
                    user.getValue().displayName() + " is now " + role.getValue().label() + " of " + unit.name() + ".");
        });
        detail.add(new HorizontalLayout(user, role), grant);

        detail.add(new H3("Change unit"));
        TextField name = new TextField("Name");
        name.setValue(unit.name());
        name.setWidthFull();
        TextField code = new TextField("Short code");
        code.setValue(unit.shortCode());
        Button save = new Button("Save", e -> run(() -> organisation.rename(unit.id(), name.getValue(), code.getValue(), unit.version()),
                unit.id(), "Unit saved."));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        detail.add(name, code, save);

        UnitPicker newParent = new UnitPicker(units);
        newParent.setLabel("Move under");
        newParent.setWidthFull();
        Button move = new Button("Move", e -> {
            if (newParent.getValue() == null) {
                Notices.error("Choose the unit to move it under.");
                return;
            }
            run(() -> organisation.move(unit.id(), newParent.getValue().id(), unit.version()), unit.id(),
                    unit.name() + " moved under " + newParent.getValue().name() + ".");
        });
        detail.add(newParent, move);

        Button archive = unit.archived()
                ? new Button("Restore", e -> run(() -> organisation.restore(unit.id(), unit.version()), unit.id(), unit.name() + " restored."))
                : new Button("Archive", e -> run(() -> organisation.archive(unit.id(), unit.version()), unit.id(), unit.name() + " archived."));
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        detail.add(archive);

        detail.add(new H3("Add a unit below"));
        TextField childName = new TextField("New unit name");
        childName.setWidthFull();
        TextField childCode = new TextField("New unit code");
        Select<UnitLevel> level = new Select<>();
        level.setLabel("Level");
        level.setItems(organisation.levels());
        level.setItemLabelGenerator(UnitLevel::name);
        Button add = new Button("Add unit", e -> {
            if (level.getValue() == null) {
                Notices.error("Please choose the unit's level.");
                return;
            }
            Notices.attempt(() -> {
                UnitNode created = organisation.create(childName.getValue(), childCode.getValue(), level.getValue().code(), unit.id());
                Notices.ok(created.name() + " added.");
                refresh(created.id());
            });
        });
        detail.add(childName, new HorizontalLayout(childCode, level), add);
    }

    private void run(Runnable change, long reselect, String confirmation) {
        Notices.attempt(() -> {
            change.run();
            Notices.ok(confirmation);
            refresh(reselect);
        });
    }


}
