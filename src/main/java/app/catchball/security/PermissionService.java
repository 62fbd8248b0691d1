package app.catchball.security;

import app.catchball.base.db.Relation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that answers "may this user do this action on this unit?". Roles are granted per
 * unit and inherited downwards; Admins may do everything; everything else is denied. Every
 * service calls this before it reads or writes; the UI only mirrors the answer.
 */
@Service
@Transactional(readOnly = true)
public class PermissionService {

    /** The user's admin and active flags and every role they hold on the unit or any unit above it: one statement. */
    private static final String ROLES_ON_UNIT_AND_ANCESTORS = """
            with recursive up (id, parent_id) as (
                select id, parent_id from {units} where id = :unit
                union all
                select p.id, p.parent_id from {units} p join up on p.id = up.parent_id
            )
            select u.admin, u.active, g.role
            from app_user u
            left join role_grant g on g.user_id = u.id and g.unit_id in (select id from up)
            where lower(u.username) = lower(:username)
            """;

    private final JdbcClient jdbc;

    private final Relation units;
    private final String rolesOnUnitAndAncestors;

    PermissionService(JdbcClient jdbc, UnitsForSecurity units) {
        this.jdbc = jdbc;
        this.units = units.units();
        this.rolesOnUnitAndAncestors = SqlText.using(ROLES_ON_UNIT_AND_ANCESTORS, this.units);
    }

    /** The signed-in user's name, if any. Reads no data: it joins a transaction but never opens one. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<String> currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    /** The signed-in user's name, or a refusal when nobody is signed in (no transaction either). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public String requireUsername() {
        return currentUsername().orElseThrow(() -> new AccessDeniedException("Please sign in first."));
    }

    /** A user's display name, or the username when there is no such user (for "Changed by ‹name›"). */
    public String displayName(String username) {
        return jdbc.sql("select display_name from app_user where lower(username) = lower(:u)").param("u", username)
                .query(String.class).optional().orElse(username);
    }

    public boolean may(Action action, long unitId) {
        return currentUsername().map(u -> may(u, action, unitId)).orElse(false);
    }

    public boolean may(String username, Action action, long unitId) {
        return allowed(username, unitId).contains(action);
    }

    /** Every action the user may do on the unit (none when unknown or inactive): one statement per read-only transaction. */
    private Set<Action> allowed(String username, long unitId) {
        return TransactionAnswers.answer("allowed|" + username.toLowerCase(Locale.ROOT) + "|" + unitId, () -> load(username, unitId));
    }

    private Set<Action> load(String username, long unitId) {
        record Row(boolean admin, boolean active, String role) {
        }
        List<Row> rows = jdbc.sql(rolesOnUnitAndAncestors)
                .param("unit", unitId)
                .param("username", username)
                .query(Rows.of(Row.class))
                .list();
        // The same row says whether the account is active: checkView in this transaction needs no statement of its own.
        TransactionAnswers.remember(activeQuestion(username), !rows.isEmpty() && rows.getFirst().active());
        if (rows.isEmpty() || !rows.getFirst().active()) {
            return EnumSet.noneOf(Action.class);
        }
        if (rows.getFirst().admin()) {
            return EnumSet.allOf(Action.class);
        }
        Set<Action> actions = EnumSet.of(Action.VIEW);
        rows.stream().map(Row::role).filter(r -> r != null).map(Role::valueOf).forEach(role -> {
            for (Action action : Action.values()) {
                if (action.grantedBy(role)) {
                    actions.add(action);
                }
            }
        });
        return actions;
    }

    /**
     * Refuses, as {@link #check} does, unless the signed-in user may do the action on the unit, and
     * otherwise returns every action they may do there: a screen asks once, not once per button.
     */
    public Set<Action> checkAndList(Action action, long unitId) {
        Set<Action> actions = allowed(requireUsername(), unitId);
        if (!actions.contains(action)) {
            throw new AccessDeniedException(refusal(action, unitId));
        }
        return actions;
    }

    /** Of the given units, those where the signed-in user may do the action: one statement for a whole list. */
    public Set<Long> unitsWhereAllowed(Action action, Collection<Long> unitIds) {
        return unitsWhereAnyAllowed(unitIds, action);
    }

    /** Of the given units, those where the signed-in user may do at least one of the actions: one statement. */
    public Set<Long> unitsWhereAnyAllowed(Collection<Long> unitIds, Action... actions) {
        Optional<String> username = currentUsername();
        if (username.isEmpty() || unitIds.isEmpty() || actions.length == 0) {
            return Set.of();
        }
        List<String> roles = Arrays.stream(actions).flatMap(a -> a.grantedBy().stream()).map(Role::name).distinct().toList();
        boolean view = Arrays.asList(actions).contains(Action.VIEW);
        return new HashSet<>(jdbc.sql(SqlText.using("""
                        with recursive up (origin, id, parent_id) as (
                            select id, id, parent_id from {units} where id in (:units)
                            union all
                            select up.origin, p.id, p.parent_id from {units} p join up on p.id = up.parent_id
                        )
                        select distinct up.origin from up
                        join app_user u on lower(u.username) = lower(:username) and u.active
                        where u.admin or :view or exists (
                            select 1 from role_grant g where g.user_id = u.id and g.unit_id = up.id and g.role in (:roles))
                        """, units))
                .param("units", Set.copyOf(unitIds)).param("username", username.get())
                .param("view", view).param("roles", roles.isEmpty() ? List.of("") : roles)
                .query(Long.class).list());
    }

    /**
     * Refuses unless the signed-in user may read unit data in general: every active user may see
     * every unit ({@link Action#VIEW}, transparency by default). For reads that span many units or
     * people, where {@link #check} would need a unit.
     */
    public void checkView() {
        String username = requireUsername();
        if (!TransactionAnswers.answer(activeQuestion(username), () -> jdbc.sql(
                        "select exists (select 1 from app_user where lower(username) = lower(:u) and active)")
                .param("u", username).query(Boolean.class).single())) {
            throw new AccessDeniedException("Your account is deactivated.");
        }
    }

    /** Refuses, with a reason the user can act on, unless the signed-in user may do the action on the unit. */
    public void check(Action action, long unitId) {
        String username = requireUsername();
        if (!may(username, action, unitId)) {
            throw new AccessDeniedException(refusal(action, unitId));
        }
    }

    /**
     * Whether the signed-in user may make a metric of the child unit contribute to a metric of a unit
     * above it (or end that link): a Lead of either unit (roles count on the unit or above), or an
     * Admin. Linking changes what both units' bowling charts say, so either side's Lead may decide;
     * a Contributor, Coach or Viewer may not.
     */
    public boolean mayLinkMetrics(long childUnitId, long parentUnitId) {
        return may(Action.EDIT_PLAN, childUnitId) || may(Action.EDIT_PLAN, parentUnitId);
    }

    /** Refuses unless {@link #mayLinkMetrics}. */
    public void checkLinkMetrics(long childUnitId, long parentUnitId) {
        requireUsername();
        if (!mayLinkMetrics(childUnitId, parentUnitId)) {
            throw new AccessDeniedException("Only a Lead of the unit whose metric contributes, or of the unit it contributes to, "
                    + "may link metrics between levels.");
        }
    }

    /**
     * Whether the signed-in user may write a metric's monthly commentary and its annotations: the
     * metric's owner (its accountable person, whatever their roles), or anyone who may comment on its
     * unit ({@link Action#COMMENT}: Contributors, Leads and Coaches of the unit or above; Admins).
     */
    public boolean mayWriteMetricNotes(long unitId, Long ownerUserId) {
        Optional<String> username = currentUsername();
        if (username.isEmpty()) {
            return false;
        }
        return may(username.get(), Action.COMMENT, unitId) || ownerUserId != null && jdbc.sql(
                        "select exists (select 1 from app_user where id = :id and lower(username) = lower(:u) and active)")
                .param("id", ownerUserId).param("u", username.get()).query(Boolean.class).single();
    }

    /** Refuses unless the signed-in user may write the metric's commentary and annotations (see {@link #mayWriteMetricNotes}). */
    public void checkMetricNotes(long unitId, Long ownerUserId) {
        requireUsername();
        if (!mayWriteMetricNotes(unitId, ownerUserId)) {
            throw new AccessDeniedException("Only the metric's owner and the Contributors, Leads and Coaches of its unit "
                    + "may write its commentary and notes.");
        }
    }

    public boolean isAdmin() {
        return currentUsername().map(this::isAdmin).orElse(false);
    }

    public boolean isAdmin(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(:u) and admin and active")
                .param("u", username).query(Integer.class).single() > 0;
    }

    /**
     * Whether the signed-in user may read the whole audit trail: an active Admin, or an active user
     * holding the Coach role on any unit (the same people {@code ROLE_COACH} lets onto the audit page).
     */
    public boolean mayAudit() {
        return isImprovementOffice();
    }

    /**
     * Whether the signed-in user may read compliance (the share of values and countermeasures on time,
     * per unit): the improvement office, that is an active Admin or an active Coach on any unit.
     */
    public boolean mayReadCompliance() {
        return isImprovementOffice();
    }

    /** Refuses unless {@link #mayReadCompliance()}. */
    public void checkCompliance() {
        requireUsername();
        if (!mayReadCompliance()) {
            throw new AccessDeniedException("Only the improvement office (Coaches and Admins) may read compliance.");
        }
    }

    private boolean isImprovementOffice() {
        Optional<String> username = currentUsername();
        return username.isPresent() && (isAdmin(username.get()) || jdbc.sql("""
                        select count(*) from role_grant g join app_user u on u.id = g.user_id
                        where lower(u.username) = lower(:u) and g.role = 'COACH' and u.active
                        """).param("u", username.get()).query(Integer.class).single() > 0);
    }

    /** Refuses unless {@link #mayAudit()}. */
    public void checkAudit() {
        requireUsername();
        if (!mayAudit()) {
            throw new AccessDeniedException("Only Admins and Coaches may read the audit trail.");
        }
    }

    /**
     * The units whose catchball threads the signed-in user answers from their inbox: those where
     * they hold the Lead role themselves (granted on that unit, not inherited from a unit above).
     * Empty when nobody is signed in; an Admin answers for the side whose turn it is, not through this.
     */
    public Set<Long> catchballUnits() {
        Optional<String> username = currentUsername();
        if (username.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select g.unit_id from role_grant g join app_user u on u.id = g.user_id
                        where lower(u.username) = lower(:u) and g.role = 'LEAD' and u.active
                        """).param("u", username.get()).query(Long.class).list());
    }

    /**
     * Who is told when a catchball thread waits on a unit: the e-mail addresses of the active users
     * holding the Lead role on that unit itself. Asked by the mailer after a step is committed, so it
     * depends on no signed-in user.
     */
    public List<String> leadEmails(long unitId) {
        return jdbc.sql("""
                        select distinct u.email from role_grant g join app_user u on u.id = g.user_id
                        where g.unit_id = :unit and g.role = 'LEAD' and u.active and u.email is not null
                        """)
                .param("unit", unitId).query(String.class).list();
    }

    /**
     * Who answers a catchball thread waiting on each of these units (for reminders): the ids of the
     * active users holding the Lead role on the unit itself, as {@link #catchballUnits()} and
     * {@link #leadEmails} decide. One statement; asked by the reminder job, with nobody signed in.
     */
    public Map<Long, List<Long>> catchballLeads(Collection<Long> unitIds) {
        Map<Long, List<Long>> leads = new HashMap<>();
        if (unitIds.isEmpty()) {
            return leads;
        }
        jdbc.sql("""
                        select g.unit_id, u.id as user_id from role_grant g join app_user u on u.id = g.user_id
                        where g.unit_id in (:units) and g.role = 'LEAD' and u.active
                        """)
                .param("units", Set.copyOf(unitIds))
                .query(rs -> {
                    leads.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>()).add(rs.getLong("user_id"));
                });
        return leads;
    }

    /**
     * The authorities a user signs in with (by password or single sign-on): everyone is a user,
     * Admins are admins, and anyone holding the Coach role on some unit is a coach (the audit page).
     */
    List<GrantedAuthority> signInAuthorities(AppUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (user.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (jdbc.sql("select exists (select 1 from role_grant where user_id = :id and role = 'COACH')")
                .param("id", user.getId()).query(Boolean.class).single()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_COACH"));
        }
        return authorities;
    }

    /** Refuses unless the signed-in user is an active Admin. */
    public void checkAdmin() {
        if (!isAdmin(requireUsername())) {
            throw new AccessDeniedException("Only an Admin may do this.");
        }
    }

    private static String activeQuestion(String username) {
        return "active|" + username.toLowerCase(Locale.ROOT);
    }

    private String refusal(Action action, long unitId) {
        String unit = jdbc.sql(SqlText.using("select name from {units} where id = :id", units)).param("id", unitId)
                .query(String.class).optional().orElse("this unit");
        if (action == Action.ADMINISTER) {
            return "Only an Admin may administer " + unit + ".";
        }
        String roles = String.join(" or ", action.grantedBy().stream().sorted().map(Role::label).toList());
        return "You may not " + action.phrase() + " " + unit + ": that needs the " + roles
                + " role on it or on a unit above it.";
    }
}
