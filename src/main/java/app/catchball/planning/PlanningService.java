package app.catchball.planning;

import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import io.micrometer.core.annotation.Timed;
import app.catchball.base.ConflictException;
import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The X-matrix of a unit in a cycle: its items, correlations, the cascade to child units and the
 * line of sight to True North. Everyone may read; changes need the Lead role on the unit (or
 * above), and a closed cycle is read-only.
 */
@Service
@Transactional
public class PlanningService {

    private static final List<ItemKind> SOUTH = List.of(ItemKind.BREAKTHROUGH, ItemKind.INPUT);
    private static final DateTimeFormatter WHEN = Formats.DAY_AT_TIME;

    private final PlanItemRepository items;
    private final PlanItemQueries queries;
    private final CorrelationRepository correlations;
    private final CascadeLinkRepository links;
    private final CycleService cycles;
    private final OrganisationService organisation;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PlanningService(PlanItemRepository items, PlanItemQueries queries, CorrelationRepository correlations,
                    CascadeLinkRepository links, CycleService cycles, OrganisationService organisation,
                    PermissionService permissions, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.items = items;
        this.queries = queries;
        this.correlations = correlations;
        this.links = links;
        this.cycles = cycles;
        this.organisation = organisation;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- reading

    /** The whole X-matrix of a unit in a cycle, built from a handful of SQL statements. */
    @Transactional(readOnly = true)
    @Timed(value = "catchball.xmatrix.build", description = "Building a unit's X-matrix")
    public XMatrix matrix(long unitId, long cycleId) {
        UnitNode unit = organisation.get(unitId);
        CycleSummary cycle = cycles.get(cycleId);
        List<ItemView> all = queries.matrixItems(unitId, cycleId);
        List<CorrelationView> links = queries.matrixCorrelations(unitId, cycleId);
        boolean editable = !cycle.closed() && permissions.may(Action.EDIT_PLAN, unitId);

        List<ItemView> trueNorth = all.stream().filter(i -> i.kind() == ItemKind.TRUE_NORTH).toList();
        Map<Side, List<ItemView>> sides = new EnumMap<>(Side.class);
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            sides.put(side, all.stream().filter(i -> i.kind().side() == side).toList());
        }
        return new XMatrix(unit, cycle, editable, trueNorth, sides, links, MatrixWarnings.perItem(sides, links),
                MatrixWarnings.forMatrix(unit, sides));
    }

    @Transactional(readOnly = true)
    public ItemView item(long itemId) {
        ItemView item = find(itemId);
        permissions.check(Action.VIEW, item.unitId());
        return item;
    }

    /** The unit's True North goals and those of the units above it (breakthrough objectives sit under them). */
    @Transactional(readOnly = true)
    public List<ItemView> trueNorthFor(long unitId) {
        permissions.check(Action.VIEW, unitId);
        return queries.trueNorthFor(unitId);
    }

    // ---------------------------------------------------------------- line of sight

    /** Everything an item serves, up to True North, in one statement: the item first, then step by step. */
    @Transactional(readOnly = true)
    public List<TraceNode> lineOfSight(long itemId) {
        permissions.check(Action.VIEW, find(itemId).unitId());
        return queries.lineOfSight(itemId);
    }

    // ---------------------------------------------------------------- changing items

    public ItemView createItem(long unitId, Long cycleId, ItemKind kind, ItemDraft draft) {
        UnitNode unit = organisation.get(unitId);
        if (kind == ItemKind.TRUE_NORTH) {
            permissions.check(Action.EDIT_PLAN, unitId);
            if (unit.parentId() != null && !isTopLevel(unit)) {
                throw new RuleViolation("True North goals are set by the trust board, on the trust's own X-matrix.");
            }
            cycleId = null;
        } else {
            if (cycleId == null) {
                throw new RuleViolation("Please choose the planning cycle.");
            }
            requireWritable(unitId, cycleId);
        }
        if (kind == ItemKind.INPUT) {
            throw new RuleViolation("Cascaded inputs come from the parent unit: ask its Lead to deploy an item to "
                    + unit.name() + ".");
        }
        if (kind == ItemKind.BREAKTHROUGH && !isTopLevel(unit)) {
            throw new RuleViolation("Breakthrough objectives are set at trust level; " + unit.name()
                    + " receives its South side from the unit above it.");
        }
        validate(kind, draft);
        lockMatrix(unitId);
        List<ItemKind> group = kind.side() == Side.SOUTH ? SOUTH : List.of(kind);
        int number = items.maxNumber(unitId, cycleId, group) + 1;
        int order = items.side(unitId, cycleId, group).stream().mapToInt(PlanItem::getSortOrder).max().orElse(0) + 1;
        PlanItem item = new PlanItem(cycleId, unitId, kind, number, order);
        item.apply(draft, permissions.requireUsername(), clock.instant());
        items.saveAndFlush(item);
        changed(unitId, cycleId, item.getId());
        return find(item.getId());
    }

    /** Saves a changed item, unless someone else changed it since {@code expectedVersion}: then nothing is overwritten. */
    public ItemView updateItem(long itemId, ItemDraft draft, long expectedVersion) {
        PlanItem item = load(itemId);
        if (item.getKind() == ItemKind.INPUT) {
            throw new RuleViolation(item.code() + " comes from " + sourceUnitName(itemId)
                    + " and can only be changed there, or renegotiated through catchball.");
        }
        requireWritable(item);
        requireVersion(item, expectedVersion);
        validate(item.getKind(), draft);
        item.apply(draft, permissions.requireUsername(), clock.instant());
        flush(item);
        changed(item.getUnitId(), item.getCycleId(), itemId);
        return find(itemId);
    }

    /** Moves an item one place up (-1) or down (+1) on its side. */
    public void moveItem(long itemId, int direction) {
        PlanItem item = load(itemId);
        requireWritable(item);
        List<ItemKind> group = item.getKind().side() == Side.SOUTH ? SOUTH : List.of(item.getKind());
        List<PlanItem> side = new ArrayList<>(items.side(item.getUnitId(), item.getCycleId(), group));
        int at = side.indexOf(item);
        int to = at + Integer.signum(direction);
        if (to < 0 || to >= side.size()) {
            throw new RuleViolation(item.code() + " is already " + (to < 0 ? "first" : "last") + ".");
        }
        side.add(to, side.remove(at));
        String by = permissions.requireUsername();
        for (int i = 0; i < side.size(); i++) {
            if (side.get(i).getSortOrder() != i + 1) {
                side.get(i).setSortOrder(i + 1);
                side.get(i).touch(by, clock.instant());
            }
        }
        items.flush();
        changed(item.getUnitId(), item.getCycleId(), itemId);
    }

    /** Archives an item: it leaves the matrix but is kept, with its links, for history. */
    public void archiveItem(long itemId, long expectedVersion) {
        PlanItem item = load(itemId);
        requireWritable(item);
        requireVersion(item, expectedVersion);
        item.setArchived(true);
        item.touch(permissions.requireUsername(), clock.instant());
        flush(item);
        changed(item.getUnitId(), item.getCycleId(), itemId);
    }

    /**
     * Sets how often a metric's values arrive (MONTHLY or WEEKLY): a Lead's decision, like the rest of the
     * X-matrix. The metrics module decides whether its values still allow the change.
     */
    public void changeFrequency(long metricId, String frequency) {
        long unitId = jdbc.sql("select unit_id from plan_item where id = :id and kind = 'METRIC'").param("id", metricId)
                .query(Long.class).optional().orElseThrow(() -> new RuleViolation("That metric does not exist."));
        permissions.check(Action.EDIT_PLAN, unitId);
        jdbc.sql("update plan_item set frequency = :f, version = version + 1 where id = :id")
                .param("f", frequency).param("id", metricId).update();
    }

    /** Cycles the link between two items: none → ● → ○ → △ → none. Returns the new strength (null: none). */
    public Strength cycleCorrelation(Corner corner, long a, long b) {
        PlanItem itemA = load(a);
        PlanItem itemB = load(b);
        if (!itemA.getUnitId().equals(itemB.getUnitId()) || !Objects.equals(itemA.getCycleId(), itemB.getCycleId())) {
            throw new RuleViolation("Only items of the same X-matrix can be linked.");
        }
        if (itemA.getKind().side() != corner.sideA() || itemB.getKind().side() != corner.sideB()) {
            throw new RuleViolation(itemA.code() + " and " + itemB.code() + " are not on adjacent sides of this corner.");
        }
        if (itemA.isArchived() || itemB.isArchived()) {
            throw new RuleViolation("An archived item cannot be linked.");
        }
        requireWritable(itemA);
        Strength next;
        var existing = correlations.findByItemAAndItemB(a, b);
        if (existing.isPresent()) {
            next = Strength.next(existing.get().getStrength());
            if (next == null) {
                correlations.delete(existing.get());
            } else {
                existing.get().setStrength(next);
            }
        } else {
            next = Strength.STRONG;
            correlations.save(new Correlation(corner, a, b, next));
        }
        try {
            correlations.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("Someone changed this link at the same moment. Reload and try again.");
        }
        changed(itemA.getUnitId(), itemA.getCycleId(), a);
        return next;
    }

    // ---------------------------------------------------------------- cascade

    /**
     * Deploys an improvement priority or annual objective to child units: each gets it as an input
     * on its South side, "from" this unit, linked back to it. Returns the created inputs.
     */
    public List<ItemView> deploy(long sourceItemId, List<Long> childUnitIds) {
        PlanItem source = load(sourceItemId);
        if (source.getKind() != ItemKind.PRIORITY && source.getKind() != ItemKind.ANNUAL) {
            throw new RuleViolation("Only improvement priorities and annual objectives can be deployed.");
        }
        if (source.isArchived()) {
            throw new RuleViolation(source.code() + " is archived and cannot be deployed.");
        }
        requireWritable(source);
        if (childUnitIds == null || childUnitIds.isEmpty()) {
            throw new RuleViolation("Choose at least one unit to deploy to.");
        }
        Map<Long, UnitNode> children = organisation.subtree(source.getUnitId()).stream()
                .filter(u -> u.depth() == 1 && !u.archived())
                .collect(Collectors.toMap(UnitNode::id, u -> u, (x, y) -> x, LinkedHashMap::new));
        String by = permissions.requireUsername();
        List<ItemView> created = new ArrayList<>();
        for (Long childId : new LinkedHashSet<>(childUnitIds)) {
            UnitNode child = children.get(childId);
            if (child == null) {
                throw new RuleViolation("Items are deployed to the units directly below "
                        + organisation.get(source.getUnitId()).name() + " only.");
            }
            if (links.existsBySourceItemIdAndChildUnitId(sourceItemId, childId)) {
                throw new RuleViolation(source.code() + " is already deployed to " + child.name() + ".");
            }
            CascadeLink link = new CascadeLink(sourceItemId, source.getUnitId(), childId, source.getCycleId(), Party.PARENT,
                    Proposal.titled(source.getTitle()), by, clock.instant());
            links.save(link);
            PlanItem input = placeInput(link, child.id(), source.getCycleId(), sourceItemId, source.getTitle(), by);
            created.add(find(input.getId()));
        }
        return created;
    }

    /** Puts an agreed cascade link on the child's X-matrix as an input linked to the parent's item. */
    PlanItem placeInput(CascadeLink link, long childUnitId, long cycleId, long sourceItemId, String title, String by) {
        lockMatrix(childUnitId);
        int number = items.maxNumber(childUnitId, cycleId, SOUTH) + 1;
        int order = items.side(childUnitId, cycleId, SOUTH).stream().mapToInt(PlanItem::getSortOrder).max().orElse(0) + 1;
        PlanItem input = new PlanItem(cycleId, childUnitId, ItemKind.INPUT, number, order);
        input.apply(ItemDraft.titled(title), by, clock.instant());
        input.setSourceItemId(sourceItemId);
        items.saveAndFlush(input);
        link.agree(input.getId(), clock.instant());
        links.flush();
        changed(childUnitId, cycleId, input.getId());
        return input;
    }

    /** The child units an item of this unit can be deployed to, with whether it already is. */
    @Transactional(readOnly = true)
    public Map<UnitNode, Boolean> deployTargets(long sourceItemId) {
        PlanItem source = load(sourceItemId);
        Set<Long> deployed = queries.deployedTo(sourceItemId);
        Map<UnitNode, Boolean> targets = new LinkedHashMap<>();
        organisation.subtree(source.getUnitId()).stream().filter(u -> u.depth() == 1 && !u.archived())
                .forEach(u -> targets.put(u, deployed.contains(u.id())));
        return targets;
    }

    // ---------------------------------------------------------------- helpers

    private ItemView find(long itemId) {
        return queries.item(itemId).orElseThrow(() -> new RuleViolation("That plan item does not exist."));
    }

    private PlanItem load(long itemId) {
        return items.findById(itemId).orElseThrow(() -> new RuleViolation("That plan item does not exist."));
    }

    private String sourceUnitName(long itemId) {
        String name = find(itemId).sourceUnitName();
        return name == null ? "the parent unit" : name;
    }

    private void requireWritable(PlanItem item) {
        if (item.getKind() == ItemKind.TRUE_NORTH) {
            permissions.check(Action.EDIT_PLAN, item.getUnitId());
        } else {
            requireWritable(item.getUnitId(), item.getCycleId());
        }
    }

    private void requireWritable(long unitId, long cycleId) {
        permissions.check(Action.EDIT_PLAN, unitId);
        CycleSummary cycle = cycles.get(cycleId);
        if (cycle.closed()) {
            throw new RuleViolation("The cycle " + cycle.name() + " is closed: its plan can no longer be changed.");
        }
    }

    private void requireVersion(PlanItem item, long expectedVersion) {
        if (item.getVersion() != expectedVersion) {
            throw conflict(item);
        }
    }

    private void flush(PlanItem item) {
        try {
            items.flush();
        } catch (OptimisticLockingFailureException e) {
            throw conflict(items.findById(item.getId()).orElse(item));
        }
    }

    private ConflictException conflict(PlanItem item) {
        String who = item.getUpdatedBy() == null ? "someone else" : queries.displayName(item.getUpdatedBy());
        String when = item.getUpdatedAt() == null ? "" : " on " + WHEN.format(item.getUpdatedAt().atZone(ZoneId.systemDefault()));
        return new ConflictException(item.code() + " was changed by " + who + when
                + " after you opened it. Nothing was overwritten: reload to see the change, then edit again.");
    }

    private void lockMatrix(long unitId) {
        jdbc.sql(SqlText.using("select id from {units} where id = :id for update", UnitRelations.UNITS)).param("id", unitId).query(Long.class).list();
    }

    private static boolean isTopLevel(UnitNode unit) {
        return unit.parentId() == null || unit.levelCode().equals("TRUST") || unit.levelCode().equals("ICS");
    }

    private void validate(ItemKind kind, ItemDraft draft) {
        ItemRules.check(kind, draft, id -> items.findById(id)
                .filter(goal -> goal.getKind() == ItemKind.TRUE_NORTH && !goal.isArchived()).isPresent());
    }

    /** Tells open screens, after the commit, that the unit's plan changed (base.live). */
    private void changed(long unitId, Long cycleId, long itemId) {
        String by = permissions.requireUsername();
        events.publishEvent(new PlanChanged(unitId, cycleId, itemId, by, permissions.displayName(by)));
    }
}
