package app.catchball.planning;

import app.catchball.base.ConflictException;
import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cascade links as negotiations: opened in DRAFT, moved through their states by catchball, and on
 * agreement placed on the child's X-matrix as an input linked to the parent's item. Which move is
 * allowed when is catchball's business; this service keeps the link and the matrices consistent
 * and refuses anyone without the Lead role on the side they act for.
 */
@Service
@Transactional
public class CascadeService {

    private static final String LINK_COLUMNS = SqlText.using("""
            select l.id, l.source_item_id, src.kind as source_kind, src.number as source_number,
                   l.parent_unit_id, pu.name as parent_unit_name, l.child_unit_id, cu.name as child_unit_name,
                   l.cycle_id, c.name as cycle_name, l.initiator, l.status, l.title, l.target, l.due_date, l.rationale,
                   l.resources, l.input_item_id, l.rounds, l.agreed_at, l.created_at, l.updated_at, l.version
            from cascade_link l
            join {units} pu on pu.id = l.parent_unit_id
            join {units} cu on cu.id = l.child_unit_id
            join cycle c on c.id = l.cycle_id
            left join plan_item src on src.id = l.source_item_id
            """, UnitRelations.UNITS);

    private final CascadeLinkRepository links;
    private final PlanItemRepository items;
    private final PlanningService planning;
    private final CycleService cycles;
    private final OrganisationService organisation;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;

    CascadeService(CascadeLinkRepository links, PlanItemRepository items, PlanningService planning, CycleService cycles,
                   OrganisationService organisation, PermissionService permissions, JdbcClient jdbc, Clock clock) {
        this.links = links;
        this.items = items;
        this.planning = planning;
        this.cycles = cycles;
        this.organisation = organisation;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CascadeLinkView link(long linkId) {
        CascadeLinkView view = find(linkId);
        permissions.check(Action.VIEW, view.parentUnitId());
        return view;
    }

    /** Opens a negotiation about deploying a parent's priority or annual objective to one child unit. */
    public CascadeLinkView openDown(long sourceItemId, long childUnitId, Proposal proposal) {
        ItemView source = planning.item(sourceItemId);
        if (source.kind() != ItemKind.PRIORITY && source.kind() != ItemKind.ANNUAL) {
            throw new RuleViolation("Only improvement priorities and annual objectives can be proposed to the units below.");
        }
        permissions.check(Action.CATCHBALL, source.unitId());
        requireOpenCycle(source.cycleId());
        UnitNode child = directChild(source.unitId(), childUnitId);
        if (links.existsBySourceItemIdAndChildUnitId(sourceItemId, childUnitId)) {
            throw new RuleViolation(source.code() + " is already with " + child.name() + ": continue that thread instead.");
        }
        Proposal clean = validated(proposal);
        CascadeLink link = links.saveAndFlush(new CascadeLink(sourceItemId, source.unitId(), childUnitId, source.cycleId(),
                Party.PARENT, clean, permissions.requireUsername(), clock.instant()));
        return find(link.getId());
    }

    /** Opens a negotiation proposed upwards by a child unit (an idea, a local project, a changed target). */
    public CascadeLinkView openUp(long childUnitId, long cycleId, Proposal proposal) {
        permissions.check(Action.CATCHBALL, childUnitId);
        requireOpenCycle(cycleId);
        UnitNode child = organisation.get(childUnitId);
        if (child.parentId() == null) {
            throw new RuleViolation(child.name() + " has no unit above it to propose to.");
        }
        Proposal clean = validated(proposal);
        CascadeLink link = links.saveAndFlush(new CascadeLink(null, child.parentId(), childUnitId, cycleId, Party.CHILD,
                clean, permissions.requireUsername(), clock.instant()));
        return find(link.getId());
    }

    /**
     * Moves a link to its next state on behalf of one side. A new proposal (when given) replaces the
     * one under discussion. Reaching AGREED places the agreed wording on the child's X-matrix.
     */
    public CascadeLinkView transition(long linkId, long expectedVersion, Party actingFor, CascadeStatus next,
                                      Proposal newProposal, boolean newRound) {
        CascadeLink link = links.findById(linkId).orElseThrow(() -> new RuleViolation("That catchball thread does not exist."));
        permissions.check(Action.CATCHBALL, actingFor == Party.PARENT ? link.getParentUnitId() : link.getChildUnitId());
        if (link.getVersion() != expectedVersion) {
            throw new ConflictException("The other side moved first. Reload the thread to see their step.");
        }
        requireOpenCycle(link.getCycleId());
        if (newProposal != null) {
            link.propose(validated(newProposal), clock.instant());
        }
        link.moveTo(next, newRound, clock.instant());
        if (next == CascadeStatus.AGREED) {
            agree(link);
        }
        links.flush();
        return find(linkId);
    }

    private void agree(CascadeLink link) {
        String by = permissions.requireUsername();
        if (link.getSourceItemId() == null) {
            // An idea from below, once agreed, becomes a priority of the parent and comes back down as an input.
            lockAndCreateParentPriority(link, by);
        }
        String description = agreedTerms(link);
        CascadeLinkView view = find(link.getId());
        if (view.inputItemId() == null) {
            PlanItem input = planning.placeInput(link, link.getChildUnitId(), link.getCycleId(), link.getSourceItemId(),
                    link.getTitle(), by);
            input.apply(ItemDraft.titled(link.getTitle()).withDescription(description), by, clock.instant());
        } else {
            PlanItem input = items.findById(view.inputItemId()).orElseThrow();
            input.apply(ItemDraft.titled(link.getTitle()).withDescription(description), by, clock.instant());
            input.setArchived(false);
            link.agree(input.getId(), clock.instant());
        }
        items.flush();
    }

    private void lockAndCreateParentPriority(CascadeLink link, String by) {
        int number = items.maxNumber(link.getParentUnitId(), link.getCycleId(), List.of(ItemKind.PRIORITY)) + 1;
        int order = items.side(link.getParentUnitId(), link.getCycleId(), List.of(ItemKind.PRIORITY)).stream()
                .mapToInt(PlanItem::getSortOrder).max().orElse(0) + 1;
        PlanItem priority = new PlanItem(link.getCycleId(), link.getParentUnitId(), ItemKind.PRIORITY, number, order);
        priority.apply(ItemDraft.titled(link.getTitle()).withDescription("Proposed from below and agreed through catchball."),
                by, clock.instant());
        items.saveAndFlush(priority);
        link.setSourceItemId(priority.getId());
    }

    private static String agreedTerms(CascadeLink link) {
        StringBuilder s = new StringBuilder("Agreed through catchball");
        if (link.getTarget() != null) {
            s.append(": target ").append(link.getTarget());
        }
        if (link.getDueDate() != null) {
            s.append(link.getTarget() == null ? ": due " : ", due ").append(Formats.DAY.format(link.getDueDate()));
        }
        return s.append('.').toString();
    }

    private UnitNode directChild(long parentUnitId, long childUnitId) {
        return organisation.subtree(parentUnitId).stream()
                .filter(u -> u.depth() == 1 && u.id() == childUnitId && !u.archived()).findFirst()
                .orElseThrow(() -> new RuleViolation("Catchball is played between adjacent levels: "
                        + "choose a unit directly below " + organisation.get(parentUnitId).name() + "."));
    }

    private void requireOpenCycle(long cycleId) {
        CycleSummary cycle = cycles.get(cycleId);
        if (cycle.closed()) {
            throw new RuleViolation("The cycle " + cycle.name() + " is closed: its plan can no longer be changed.");
        }
    }

    private static Proposal validated(Proposal proposal) {
        Proposal p = proposal == null ? null : proposal.cleaned();
        if (p == null || p.title() == null) {
            throw new RuleViolation("Please give the wording of the proposal.");
        }
        if (p.title().length() > 300) {
            throw new RuleViolation("The wording has at most 300 characters.");
        }
        if (p.target() != null && p.target().length() > 100) {
            throw new RuleViolation("A target has at most 100 characters.");
        }
        if (p.rationale() != null && p.rationale().length() > 4000 || p.resources() != null && p.resources().length() > 4000) {
            throw new RuleViolation("Rationale and resources have at most 4,000 characters each.");
        }
        return p;
    }

    private CascadeLinkView find(long linkId) {
        return jdbc.sql(LINK_COLUMNS + " where l.id = :id").param("id", linkId)
                .query((rs, n) -> new CascadeLinkView(rs.getLong("id"), (Long) rs.getObject("source_item_id"),
                        rs.getString("source_kind") == null ? null
                                : ItemKind.valueOf(rs.getString("source_kind")).letter() + rs.getInt("source_number"),
                        rs.getLong("parent_unit_id"), rs.getString("parent_unit_name"), rs.getLong("child_unit_id"),
                        rs.getString("child_unit_name"), rs.getLong("cycle_id"), rs.getString("cycle_name"),
                        Party.valueOf(rs.getString("initiator")), CascadeStatus.valueOf(rs.getString("status")),
                        rs.getString("title"), rs.getString("target"),
                        rs.getObject("due_date", LocalDate.class), rs.getString("rationale"),
                        rs.getString("resources"), (Long) rs.getObject("input_item_id"), rs.getInt("rounds"),
                        instant(rs, "agreed_at"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version")))
                .optional().orElseThrow(() -> new RuleViolation("That catchball thread does not exist."));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
