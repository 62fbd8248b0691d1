package app.catchball.catchball;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.catchball.InboxRow.Bucket;
import app.catchball.metrics.CommitmentTerms;
import app.catchball.metrics.MetricCommitmentService;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.CascadeLinkView;
import app.catchball.planning.CascadeService;
import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Party;
import app.catchball.planning.Proposal;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.sql.UserRelations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catchball: the back-and-forth between a parent unit and a child unit that turns a proposal into
 * an agreed objective. Only the side whose turn it is may move, and only through a Lead of that
 * side (or an Admin); every step is kept, in order, with who, when, the message and the proposal.
 */
@Service
@Transactional
public class CatchballService {

    private static final DateTimeFormatter DAY = Formats.DAY;

    private final CascadeService cascades;
    private final CatchballStepRepository steps;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MetricCommitmentService commitments;

    CatchballService(CascadeService cascades, CatchballStepRepository steps, PermissionService permissions,
                     JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, MetricCommitmentService commitments) {
        this.commitments = commitments;
        this.cascades = cascades;
        this.steps = steps;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- starting a thread

    /** A parent's Lead proposes one of the unit's priorities or annual objectives to child units: one thread per child. */
    public List<CascadeLinkView> proposeDown(long sourceItemId, List<Long> childUnitIds, Proposal proposal, String message) {
        return proposeDown(sourceItemId, childUnitIds, proposal, message, null);
    }

    /**
     * As {@link #proposeDown(long, List, Proposal, String)}, with a number for a metric of the parent
     * ({@code terms}, null for none): the target must then be a number, and agreement puts it in the
     * child's metric, which then contributes to the parent's (metrics' {@link MetricCommitmentService}).
     */
    public List<CascadeLinkView> proposeDown(long sourceItemId, List<Long> childUnitIds, Proposal proposal, String message,
                                             CommitmentTerms terms) {
        if (childUnitIds == null || childUnitIds.isEmpty()) {
            throw new RuleViolation("Choose at least one unit to propose to.");
        }
        List<CascadeLinkView> threads = new ArrayList<>();
        for (Long child : new LinkedHashSet<>(childUnitIds)) {
            CascadeLinkView draft = cascades.openDown(sourceItemId, child, proposal);
            if (terms != null) {
                commitments.attach(draft, terms);
            }
            threads.add(act(draft.id(), Move.PROPOSE, proposal, message));
        }
        return threads;
    }

    /** A parent's Lead drafts a proposal to one child unit without sending it yet. */
    public CascadeLinkView saveDraft(long sourceItemId, long childUnitId, Proposal proposal) {
        return cascades.openDown(sourceItemId, childUnitId, proposal);
    }

    /** A child's Lead proposes upwards to the unit above: an idea, a local project, a changed target. */
    public CascadeLinkView proposeUp(long childUnitId, long cycleId, Proposal proposal, String message) {
        CascadeLinkView draft = cascades.openUp(childUnitId, cycleId, proposal);
        return act(draft.id(), Move.PROPOSE, proposal, message);
    }

    // ---------------------------------------------------------------- moving

    /**
     * Takes a step on behalf of the side the signed-in user leads. {@code proposal} is the new
     * wording/target/due date/resources for moves that carry one (propose, answer, counter, revise,
     * reopen); null keeps the current proposal.
     */
    public CascadeLinkView act(long linkId, Move move, Proposal proposal, String message) {
        CascadeLinkView link = cascades.link(linkId);
        Party party = actingParty(link).orElseThrow(() -> new AccessDeniedException(
                "Only a Lead of " + link.parentUnitName() + " or of " + link.childUnitName() + " may take part in this thread."));
        CatchballRules.Outcome outcome = CatchballRules.apply(link.status(), move, party, link.initiator(), link::unitNameOf);
        String text = message == null || message.isBlank() ? null : message.strip();
        if (text != null && text.length() > 4000) {
            throw new RuleViolation("A message has at most 4,000 characters.");
        }
        if (move == Move.QUERY && text == null) {
            throw new RuleViolation("Please write your question.");
        }
        if (move == Move.DECLINE && text == null) {
            throw new RuleViolation("Please give a reason for declining.");
        }
        Proposal next = outcome.carriesProposal() && proposal != null ? proposal.cleaned() : null;
        if (next != null && next.rationale() == null) {
            next = new Proposal(next.title(), next.target(), next.dueDate(), link.rationale(), next.resources());
        }
        if (move == Move.COUNTER && (next == null || next.sameAs(link.proposal()))) {
            throw new RuleViolation("A counter-proposal changes the wording, the target, the due date or the resources needed.");
        }
        if (next != null) {
            commitments.checkTarget(link, next.target());
        }
        CascadeLinkView updated = cascades.transition(linkId, link.version(), party, outcome.next(), next, outcome.newRound());
        if (updated.status() == CascadeStatus.AGREED) {
            commitments.agreed(updated);
        }
        String username = permissions.requireUsername();
        steps.saveAndFlush(new CatchballStep(linkId, steps.lastSeq(linkId) + 1, move, party, username, displayName(username),
                clock.instant(), text, updated.proposal(), updated.status()));
        Optional<Party> waiting = CatchballRules.turn(updated.status(), updated.initiator());
        events.publishEvent(new CatchballMoved(linkId, updated.parentUnitId(), updated.childUnitId(), move, username,
                displayName(username), updated.title(), updated.status(), waiting.orElse(null),
                waiting.map(updated::unitOf).orElse(0L), waiting.map(updated::unitNameOf).orElse(null)));
        events.publishEvent(new CatchballThreadChanged(updated.parentUnitId(), updated.cycleId(), linkId, updated.childUnitId(),
                waiting.map(updated::unitOf).orElse(0L), move, username, displayName(username)));
        return updated;
    }

    /**
     * The side the signed-in user acts for: the parent when they lead it (or a unit above it), else
     * the child; an Admin acts for the side whose turn it is.
     */
    private Optional<Party> actingParty(CascadeLinkView link) {
        if (permissions.isAdmin()) {
            return Optional.of(CatchballRules.turn(link.status(), link.initiator()).orElse(link.initiator()));
        }
        if (permissions.may(Action.CATCHBALL, link.parentUnitId())) {
            return Optional.of(Party.PARENT);
        }
        if (permissions.may(Action.CATCHBALL, link.childUnitId())) {
            return Optional.of(Party.CHILD);
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public ThreadView thread(long linkId) {
        CascadeLinkView link = cascades.link(linkId);
        List<StepView> list = new ArrayList<>();
        Proposal[] previous = {null};
        jdbc.sql("""
                        select seq, move, party, actor_name, at, message, title, target, due_date, resources, state_after
                        from catchball_step where link_id = :link order by seq
                        """)
                .param("link", linkId)
                .query(rs -> {
                    Proposal p = new Proposal(rs.getString("title"), rs.getString("target"),
                            rs.getObject("due_date", LocalDate.class), null, rs.getString("resources"));
                    Party party = Party.valueOf(rs.getString("party"));
                    list.add(new StepView(rs.getInt("seq"), Move.valueOf(rs.getString("move")), party,
                            link.unitNameOf(party), rs.getString("actor_name"), instant(rs, "at"), rs.getString("message"),
                            p, CascadeStatus.valueOf(rs.getString("state_after")), changes(previous[0], p)));
                    previous[0] = p;
                });
        Party mine = actingParty(link).orElse(null);
        Set<Move> moves = mine == null || link.status() == CascadeStatus.WITHDRAWN
                ? Set.of() : CatchballRules.allowed(link.status(), mine, link.initiator());
        return new ThreadView(link, list, mine, moves, CatchballRules.turn(link.status(), link.initiator()).orElse(null));
    }

    /** What changed between two proposals, e.g. "target 95 % → 92 %". */
    static List<String> changes(Proposal before, Proposal after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            return changes;
        }
        if (!Objects.equals(before.title(), after.title())) {
            changes.add("wording “" + before.title() + "” → “" + after.title() + "”");
        }
        if (!Objects.equals(before.target(), after.target())) {
            changes.add("target " + orNone(before.target()) + " → " + orNone(after.target()));
        }
        if (!Objects.equals(before.dueDate(), after.dueDate())) {
            changes.add("due date " + (before.dueDate() == null ? "none" : DAY.format(before.dueDate())) + " → "
                    + (after.dueDate() == null ? "none" : DAY.format(after.dueDate())));
        }
        if (!Objects.equals(before.resources(), after.resources())) {
            changes.add("resources needed " + orNone(before.resources()) + " → " + orNone(after.resources()));
        }
        return changes;
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }

    /**
     * The threads of the units where the signed-in user is a Lead (granted on that unit), or, with
     * a unit filter, every thread of that unit. Newest first.
     */
    @Transactional(readOnly = true)
    public List<InboxRow> inbox(Long cycleId, Long unitId) {
        permissions.requireUsername();
        Set<Long> led = permissions.catchballUnits();
        boolean admin = permissions.isAdmin();
        List<InboxRow> rows = new ArrayList<>();
        jdbc.sql(SqlText.using("""
                        select l.id, l.title, l.target, l.parent_unit_id, pu.name as parent_name, l.child_unit_id,
                               cu.name as child_name, l.cycle_id, l.initiator, l.status, l.rounds, l.updated_at
                        from {cascade_links} l
                        join {units} pu on pu.id = l.parent_unit_id
                        join {units} cu on cu.id = l.child_unit_id
                        where (cast(:cycle as bigint) is null or l.cycle_id = :cycle)
                          and (case when cast(:unit as bigint) is null
                                    then l.parent_unit_id in (:led) or l.child_unit_id in (:led)
                                    else l.parent_unit_id = :unit or l.child_unit_id = :unit end)
                        order by l.updated_at desc
                        """, PlanRelations.CASCADE_LINKS, UnitRelations.UNITS))
                .param("cycle", cycleId).param("unit", unitId).param("led", led.isEmpty() ? List.of(-1L) : led)
                .query(rs -> {
                    long parent = rs.getLong("parent_unit_id");
                    long child = rs.getLong("child_unit_id");
                    Party initiator = Party.valueOf(rs.getString("initiator"));
                    CascadeStatus status = CascadeStatus.valueOf(rs.getString("status"));
                    Optional<Party> turn = CatchballRules.turn(status, initiator);
                    Party mine = led.contains(parent) ? Party.PARENT : led.contains(child) ? Party.CHILD
                            : admin ? turn.orElse(null) : null;
                    Bucket bucket = switch (status) {
                        case AGREED -> Bucket.AGREED;
                        case WITHDRAWN -> Bucket.CLOSED;
                        default -> turn.isPresent() && turn.get() == mine ? Bucket.WAITING_ON_ME : Bucket.WAITING_ON_THEM;
                    };
                    String parentName = rs.getString("parent_name");
                    String childName = rs.getString("child_name");
                    rows.add(new InboxRow(rs.getLong("id"), rs.getString("title"), rs.getString("target"), parent,
                            parentName, child, childName, rs.getLong("cycle_id"), initiator, status, rs.getInt("rounds"),
                            instant(rs, "updated_at"), bucket,
                            turn.map(p -> p == Party.PARENT ? parentName : childName).orElse("")));
                });
        return rows;
    }

    /** The units the signed-in user answers catchball for: those where they hold the Lead role themselves. */
    @Transactional(readOnly = true)
    public Set<Long> myCatchballUnits() {
        permissions.requireUsername();
        return permissions.catchballUnits();
    }

    @Transactional(readOnly = true)
    public Map<Bucket, Long> counts(Long cycleId) {
        Map<Bucket, Long> counts = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            counts.put(b, 0L);
        }
        inbox(cycleId, null).forEach(r -> counts.merge(r.bucket(), 1L, Long::sum));
        return counts;
    }

    /** How many threads wait on the signed-in user, in every cycle. */
    @Transactional(readOnly = true)
    public long waitingOnMe() {
        return counts(null).get(Bucket.WAITING_ON_ME);
    }

    /** For each unit with threads in the cycle: how many are agreed (withdrawn ones left out). */
    @Transactional(readOnly = true)
    public List<UnitAgreement> agreementByUnit(long cycleId) {
        permissions.requireUsername();
        return jdbc.sql(SqlText.using("""
                        select u.id as unit_id, u.name as unit_name,
                               count(*) filter (where l.status = 'AGREED') as agreed, count(*) as total
                        from {cascade_links} l join {units} u on u.id in (l.parent_unit_id, l.child_unit_id)
                        where l.cycle_id = :cycle and l.status <> 'WITHDRAWN'
                        group by u.id, u.name order by u.name
                        """, PlanRelations.CASCADE_LINKS, UnitRelations.UNITS))
                .param("cycle", cycleId).query(Rows.of(UnitAgreement.class)).list();
    }

    private String displayName(String username) {
        return jdbc.sql(SqlText.using("select display_name from {users} where lower(username) = lower(:u)", UserRelations.USERS)).param("u", username)
                .query(String.class).optional().orElse(username);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
