package app.catchball.planning;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm");

    private static final String ITEM_COLUMNS = """
             i.id, i.unit_id, i.cycle_id, i.kind, i.number, i.sort_order, i.title, i.description,
             i.accountable_user_id, acc.display_name as accountable_name, i.true_north_id, i.source_item_id,
             su.name as source_unit_name, i.unit_of_measure, i.direction, i.baseline, i.target, i.due_date,
             i.owner_user_id, ow.display_name as owner_name, i.team_name, i.archived, i.updated_by, i.updated_at,
             i.version
            from plan_item i
            left join app_user acc on acc.id = i.accountable_user_id
            left join app_user ow on ow.id = i.owner_user_id
            left join plan_item src on src.id = i.source_item_id
            left join org_unit su on su.id = src.unit_id
            """;

    /**
     * The edges of line of sight, from an item ({@code up.id}) to the items it serves, one step
     * nearer True North: the adjacent side of its own X-matrix, the parent's item it was cascaded
     * from, or the True North goal of a breakthrough objective. Written as a lateral subquery on
     * indexed columns so each step is a few index look-ups.
     */
    private static final String UP_EDGES = """
                select c.item_a_id as parent_id from correlation c
                    where c.item_b_id = up.id and c.corner in ('SW', 'NW', 'NE', 'OWNERS')
                union all
                select c.item_b_id from correlation c where c.item_a_id = up.id and c.corner = 'SE'
                union all
                select i.source_item_id from plan_item i where i.id = up.id and i.source_item_id is not null
                union all
                select i.true_north_id from plan_item i where i.id = up.id and i.true_north_id is not null
            """;



    private final PlanItemRepository items;
    private final CorrelationRepository correlations;
    private final CascadeLinkRepository links;
    private final CycleService cycles;
    private final OrganisationService organisation;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PlanningService(PlanItemRepository items, CorrelationRepository correlations, CascadeLinkRepository links,
                    CycleService cycles, OrganisationService organisation, PermissionService permissions,
                    JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.items = items;
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
    public XMatrix matrix(long unitId, long cycleId) {
        UnitNode unit = organisation.get(unitId);
        CycleSummary cycle = cycles.get(cycleId);
        List<ItemView> all = jdbc.sql("select" + ITEM_COLUMNS + """
                        where i.unit_id = :unit and (i.cycle_id = :cycle or i.kind = 'TRUE_NORTH') and not i.archived
                        order by i.sort_order, i.number
                        """)
                .param("unit", unitId).param("cycle", cycleId).query(Rows.of(ItemView.class)).list();
        List<CorrelationView> links = jdbc.sql("""
                        select c.corner, c.item_a_id as a, c.item_b_id as b, c.strength
                        from correlation c
                        join plan_item ia on ia.id = c.item_a_id
                        join plan_item ib on ib.id = c.item_b_id
                        where ia.unit_id = :unit and ia.cycle_id = :cycle and not ia.archived and not ib.archived
                        """)
                .param("unit", unitId).param("cycle", cycleId).query(Rows.of(CorrelationView.class)).list();
        boolean editable = !cycle.closed() && permissions.may(Action.EDIT_PLAN, unitId);

        List<ItemView> trueNorth = all.stream().filter(i -> i.kind() == ItemKind.TRUE_NORTH).toList();
        Map<Side, List<ItemView>> sides = new EnumMap<>(Side.class);
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            sides.put(side, all.stream().filter(i -> i.kind().side() == side).toList());
        }
        return new XMatrix(unit, cycle, editable, trueNorth, sides, links, warnings(sides, links),
                matrixWarnings(unit, sides));
    }

    private static Map<Long, List<String>> warnings(Map<Side, List<ItemView>> sides, List<CorrelationView> links) {
        Set<Long> linked = new HashSet<>();
        Set<Long> led = new HashSet<>();
        Set<Long> delivered = new HashSet<>();
        for (CorrelationView c : links) {
            linked.add(c.a());
            linked.add(c.b());
            if (c.corner() == Corner.OWNERS && c.strength() == Strength.STRONG) {
                led.add(c.a());
            }
            if (c.corner() == Corner.NW) {
                delivered.add(c.a());
            }
        }
        Map<Long, List<String>> warnings = new HashMap<>();
        sides.values().stream().flatMap(List::stream).forEach(item -> {
            List<String> w = new ArrayList<>();
            if (!linked.contains(item.id())) {
                w.add("No correlation");
            }
            if (item.kind() == ItemKind.PRIORITY && !led.contains(item.id())) {
                w.add("No lead");
            }
            if (item.kind() == ItemKind.ANNUAL && !delivered.contains(item.id())) {
                w.add("No priority delivers it");
            }
            if (item.kind() == ItemKind.METRIC && item.target() == null) {
                w.add("No target");
            }
            if (!w.isEmpty()) {
                warnings.put(item.id(), List.copyOf(w));
            }
        });
        return warnings;
    }

    private static List<String> matrixWarnings(UnitNode unit, Map<Side, List<ItemView>> sides) {
        List<String> result = new ArrayList<>();
        if (sides.get(Side.SOUTH).isEmpty()) {
            result.add(unit.parentId() == null
                    ? "No breakthrough objectives yet."
                    : "Nothing has been deployed to " + unit.name() + " yet: its South side is empty.");
        }
        return result;
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
        return jdbc.sql("""
                        with recursive up (id, parent_id) as (
                            select id, parent_id from org_unit where id = :unit
                            union all
                            select p.id, p.parent_id from org_unit p join up on p.id = up.parent_id
                        )
                        select""" + ITEM_COLUMNS + """
                        where i.kind = 'TRUE_NORTH' and not i.archived and i.unit_id in (select id from up)
                        order by i.sort_order, i.number
                        """)
                .param("unit", unitId).query(Rows.of(ItemView.class)).list();
    }

    // ---------------------------------------------------------------- line of sight

    /** Everything an item serves, up to True North, in one statement: the item first, then step by step. */
    @Transactional(readOnly = true)
    public List<TraceNode> lineOfSight(long itemId) {
        permissions.check(Action.VIEW, find(itemId).unitId());
        return jdbc.sql("""
                        with recursive up (id, via_id, depth, path) as (
                            select id, null::bigint, 0, array[id] from plan_item where id = :item
                            union all
                            select e.parent_id, up.id, up.depth + 1, up.path || e.parent_id
                            from up
                            cross join lateral (""" + UP_EDGES + """
                            ) e
                            join plan_item p on p.id = e.parent_id and not p.archived
                            where not e.parent_id = any(up.path)
                        )
                        select up.id, up.via_id, up.depth, i.kind, i.number, i.title, i.unit_id, u.name as unit_name
                        from up join plan_item i on i.id = up.id join org_unit u on u.id = i.unit_id
                        order by up.depth, i.kind, i.number
                        """)
                .param("item", itemId).query(Rows.of(TraceNode.class)).list();
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
        validate(kind, unitId, draft);
        lockMatrix(unitId);
        List<ItemKind> group = kind.side() == Side.SOUTH ? SOUTH : List.of(kind);
        int number = items.maxNumber(unitId, cycleId, group) + 1;
        int order = items.side(unitId, cycleId, group).stream().mapToInt(PlanItem::getSortOrder).max().orElse(0) + 1;
        PlanItem item = new PlanItem(cycleId, unitId, kind, number, order);
        item.apply(draft, permissions.requireUsername(), clock.instant());
        items.saveAndFlush(item);
        changed(unitId, cycleId);
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
        validate(item.getKind(), item.getUnitId(), draft);
        item.apply(draft, permissions.requireUsername(), clock.instant());
        flush(item);
        changed(item.getUnitId(), item.getCycleId());
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
        changed(item.getUnitId(), item.getCycleId());
    }

    /** Archives an item: it leaves the matrix but is kept, with its links, for history. */
    public void archiveItem(long itemId, long expectedVersion) {
        PlanItem item = load(itemId);
        requireWritable(item);
        requireVersion(item, expectedVersion);
        item.setArchived(true);
        item.touch(permissions.requireUsername(), clock.instant());
        flush(item);
        changed(item.getUnitId(), item.getCycleId());
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
        changed(itemA.getUnitId(), itemA.getCycleId());
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
            changed(childId, source.getCycleId());
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
        return input;
    }

    /** The child units an item of this unit can be deployed to, with whether it already is. */
    @Transactional(readOnly = true)
    public Map<UnitNode, Boolean> deployTargets(long sourceItemId) {
        PlanItem source = load(sourceItemId);
        Set<Long> deployed = new HashSet<>(jdbc.sql("select child_unit_id from cascade_link where source_item_id = :s")
                .param("s", sourceItemId).query(Long.class).list());
        Map<UnitNode, Boolean> targets = new LinkedHashMap<>();
        organisation.subtree(source.getUnitId()).stream().filter(u -> u.depth() == 1 && !u.archived())
                .forEach(u -> targets.put(u, deployed.contains(u.id())));
        return targets;
    }

    // ---------------------------------------------------------------- helpers

    private ItemView find(long itemId) {
        return jdbc.sql("select" + ITEM_COLUMNS + " where i.id = :id").param("id", itemId).query(Rows.of(ItemView.class))
                .optional().orElseThrow(() -> new RuleViolation("That plan item does not exist."));
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
        String who = item.getUpdatedBy() == null ? "someone else" : displayName(item.getUpdatedBy());
        String when = item.getUpdatedAt() == null ? "" : " on " + WHEN.format(item.getUpdatedAt().atZone(ZoneId.systemDefault()));
        return new ConflictException(item.code() + " was changed by " + who + when
                + " after you opened it. Nothing was overwritten: reload to see the change, then edit again.");
    }

    private String displayName(String username) {
        return jdbc.sql("select display_name from app_user where lower(username) = lower(:u)").param("u", username)
                .query(String.class).optional().orElse(username);
    }

    private void lockMatrix(long unitId) {
        jdbc.sql("select id from org_unit where id = :id for update").param("id", unitId).query(Long.class).list();
    }

    private static boolean isTopLevel(UnitNode unit) {
        return unit.parentId() == null || unit.levelCode().equals("TRUST") || unit.levelCode().equals("ICS");
    }

    private void validate(ItemKind kind, long unitId, ItemDraft draft) {
        if (draft == null || draft.title() == null || draft.title().isBlank()) {
            throw new RuleViolation("Please give the " + kind.label().toLowerCase() + " a title.");
        }
        if (draft.title().strip().length() > 300) {
            throw new RuleViolation("A title has at most 300 characters.");
        }
        switch (kind) {
            case BREAKTHROUGH -> {
                if (draft.trueNorthId() == null) {
                    throw new RuleViolation("A breakthrough objective sits under a True North goal: please choose one.");
                }
                PlanItem goal = items.findById(draft.trueNorthId()).orElse(null);
                if (goal == null || goal.getKind() != ItemKind.TRUE_NORTH || goal.isArchived()) {
                    throw new RuleViolation("Please choose one of the trust's True North goals.");
                }
            }
            case METRIC -> {
                if (draft.unitOfMeasure() == null || draft.unitOfMeasure().isBlank()) {
                    throw new RuleViolation("Please give the metric's unit of measure (e.g. %, days, count).");
                }
                if (draft.unitOfMeasure().strip().length() > 40) {
                    throw new RuleViolation("A unit of measure has at most 40 characters.");
                }
                if (draft.direction() == null) {
                    throw new RuleViolation("Please say which way the metric improves.");
                }
                if (draft.direction() != Direction.NEUTRAL && draft.baseline() != null && draft.target() != null
                        && draft.baseline().compareTo(draft.target()) != 0
                        && (draft.direction() == Direction.UP) != (draft.target().compareTo(draft.baseline()) > 0)) {
                    throw new RuleViolation("The target should be " + (draft.direction() == Direction.UP ? "above" : "below")
                            + " the baseline for a metric where " + draft.direction().label().toLowerCase() + ".");
                }
                for (var n : new BigDecimal[] {draft.baseline(), draft.target()}) {
                    if (n != null && n.abs().compareTo(new BigDecimal("1e10")) >= 0) {
                        throw new RuleViolation("Baseline and target must be below 10,000,000,000.");
                    }
                }
            }
            case OWNER -> {
                boolean hasUser = draft.ownerUserId() != null;
                boolean hasTeam = draft.teamName() != null && !draft.teamName().isBlank();
                if (hasUser == hasTeam) {
                    throw new RuleViolation("An owner is either a person or a named team: choose one.");
                }
            }
            default -> {
            }
        }
        if (draft.description() != null && draft.description().length() > 4000) {
            throw new RuleViolation("A description has at most 4,000 characters.");
        }
    }

    private void changed(long unitId, Long cycleId) {
        events.publishEvent(new PlanChanged(unitId, cycleId));
    }
}
