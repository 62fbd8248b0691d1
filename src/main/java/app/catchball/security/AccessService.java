package app.catchball.security;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Relation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Users and the roles they hold on units. Reads are open to every user; changes need an Admin. */
@Service
@Transactional
public class AccessService {

    private static final String GRANT_COLUMNS = """
            select g.id, g.user_id, u.username, u.display_name, g.unit_id, g.role
            from role_grant g join app_user u on u.id = g.user_id
            """;

    private final UserRepository users;
    private final RoleGrantRepository grants;
    private final PermissionService permissions;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final SignInAttempts signInAttempts;
    private final Relation units;

    AccessService(UserRepository users, RoleGrantRepository grants, PermissionService permissions,
                  PasswordEncoder passwordEncoder, JdbcClient jdbc, ApplicationEventPublisher events,
                  PasswordPolicy policy, Clock clock, SignInAttempts signInAttempts, UnitsForSecurity units) {
        this.units = units.units();
        this.signInAttempts = signInAttempts;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
        this.users = users;
        this.grants = grants;
        this.permissions = permissions;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
    }

    /** The roles the signed-in user holds, unit by unit. */
    @Transactional(readOnly = true)
    public List<Grant> myGrants() {
        String username = permissions.requireUsername();
        return jdbc.sql(GRANT_COLUMNS + " where lower(u.username) = lower(:u) order by g.unit_id, g.role")
                .param("u", username).query(Rows.of(Grant.class)).list();
    }

    /** The roles granted directly on a unit. */
    @Transactional(readOnly = true)
    public List<Grant> grantsOn(long unitId) {
        permissions.check(Action.VIEW, unitId);
        return jdbc.sql(GRANT_COLUMNS + " where g.unit_id = :unit order by g.role, u.display_name")
                .param("unit", unitId).query(Rows.of(Grant.class)).list();
    }

    /** The roles that apply on a unit because they are granted on a unit above it. */
    @Transactional(readOnly = true)
    public List<Grant> inheritedGrantsOn(long unitId) {
        permissions.check(Action.VIEW, unitId);
        return jdbc.sql(SqlText.using("""
                        with recursive up (id, parent_id) as (
                            select id, parent_id from {units} where id = (select parent_id from {units} where id = :unit)
                            union all
                            select p.id, p.parent_id from {units} p join up on p.id = up.parent_id
                        )
                        """, units) + GRANT_COLUMNS + " where g.unit_id in (select id from up) order by g.role, u.display_name")
                .param("unit", unitId).query(Rows.of(Grant.class)).list();
    }

    /** Display names of the Leads granted directly on each unit, for the whole tree in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, String> leadsByUnit() {
        permissions.requireUsername();
        Map<Long, String> leads = new LinkedHashMap<>();
        jdbc.sql("""
                        select g.unit_id, string_agg(u.display_name, ', ' order by u.display_name) as leads
                        from role_grant g join app_user u on u.id = g.user_id
                        where g.role = 'LEAD' and u.active
                        group by g.unit_id
                        """)
                .query(rs -> { leads.put(rs.getLong(1), rs.getString(2)); });
        return leads;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        permissions.requireUsername();
        return users.findAll(Sort.by("displayName")).stream()
                .map(AppUser::toSummary).toList();
    }

    /** The signed-in user. */
    @Transactional(readOnly = true)
    public UserSummary me() {
        String username = permissions.requireUsername();
        return users.findByUsername(username).map(AppUser::toSummary)
                .orElseThrow(() -> new RuleViolation("Your account no longer exists."));
    }

    public Grant grant(long userId, long unitId, Role role) {
        permissions.checkAdmin();
        AppUser user = users.findById(userId).orElseThrow(() -> new RuleViolation("That user does not exist."));
        if (!user.isActive()) {
            throw new RuleViolation(user.getDisplayName() + " is deactivated and cannot be given a role.");
        }
        if (jdbc.sql(SqlText.using("select count(*) from {units} where id = :id and not archived", units)).param("id", unitId)
                .query(Integer.class).single() == 0) {
            throw new RuleViolation("Roles can only be granted on an existing, active unit.");
        }
        if (grants.existsByUserIdAndUnitIdAndRole(userId, unitId, role)) {
            throw new RuleViolation(user.getDisplayName() + " already holds the " + role.label() + " role here.");
        }
        RoleGrant saved = grants.saveAndFlush(new RoleGrant(userId, unitId, role));
        return new Grant(saved.getId(), userId, user.getUsername(), user.getDisplayName(), unitId, role);
    }

    public void revoke(long grantId) {
        permissions.checkAdmin();
        RoleGrant grant = grants.findById(grantId)
                .orElseThrow(() -> new RuleViolation("That role was already revoked; reload to see the current roles."));
        grants.delete(grant);
        grants.flush();
        events.publishEvent(new RoleRevoked(grant.getUserId(), grant.getUnitId(), grant.getRole()));
    }

    /** Deactivates a user: they can no longer sign in; their history stays. Admins only; never yourself. */
    public UserSummary deactivate(long userId) {
        permissions.checkAdmin();
        AppUser user = users.findById(userId).orElseThrow(() -> new RuleViolation("That user does not exist."));
        if (user.getUsername().equalsIgnoreCase(permissions.requireUsername())) {
            throw new RuleViolation("You cannot deactivate yourself.");
        }
        if (!user.isActive()) {
            throw new RuleViolation(user.getDisplayName() + " is already deactivated.");
        }
        user.setActive(false);
        user.endSessions();
        users.flush();
        events.publishEvent(new UserDeactivated(user.getId(), user.getUsername(), user.getDisplayName()));
        return user.toSummary();
    }

    /** Changes the signed-in user's own password; the current one must be given. */
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUser user = users.findByUsername(permissions.requireUsername())
                .orElseThrow(() -> new RuleViolation("Your account no longer exists."));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new RuleViolation("The current password is not right.");
        }
        if (newPassword != null && passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw new RuleViolation("Choose a password different from the current one.");
        }
        policy.check(user.getUsername(), newPassword);
        user.changePassword(passwordEncoder.encode(newPassword), false, clock.instant());
        user.endSessions();
        users.flush();
        SignedInAccess.keepCurrentSession(user.getUsername(), user.getSessionVersion());
    }

    /** An Admin sets a temporary password; the user must choose a new one at the next sign-in. */
    public void resetPassword(long userId, String temporaryPassword) {
        permissions.checkAdmin();
        AppUser user = users.findById(userId).orElseThrow(() -> new RuleViolation("That user does not exist."));
        policy.check(user.getUsername(), temporaryPassword);
        user.changePassword(passwordEncoder.encode(temporaryPassword), true, clock.instant());
        user.endSessions();
        users.flush();
    }

    /** Ends every sign-in lock and delay of a user, from every source. Admins only. */
    public void unlock(long userId) {
        permissions.checkAdmin();
        AppUser user = users.findById(userId).orElseThrow(() -> new RuleViolation("That user does not exist."));
        signInAttempts.unlock(user.getUsername());
        SignInAttempts.SECURITY_LOG.info("Account unlocked: user={} by={}", user.getUsername(), permissions.requireUsername());
    }

    /** The ids of the users locked out from at least one source now. Admins only. */
    @Transactional(readOnly = true)
    public Set<Long> lockedUserIds() {
        permissions.checkAdmin();
        Set<String> locked = signInAttempts.lockedAccounts();
        return users.findAll().stream().filter(u -> locked.contains(SignInAttempts.key(u.getUsername())))
                .map(AppUser::getId).collect(Collectors.toSet());
    }

    /** Whether the signed-in user must choose a new password before going on. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean mustChangePassword() {
        return permissions.currentUsername().map(username -> SignedInAccess.mustChangePasswordInThisRequest(username)
                .orElseGet(() -> users.findByUsername(username).map(AppUser::isMustChangePassword).orElse(false)))
                .orElse(false);
    }

    /** Reactivates a user who came back. Admins only. */
    public UserSummary reactivate(long userId) {
        permissions.checkAdmin();
        AppUser user = users.findById(userId).orElseThrow(() -> new RuleViolation("That user does not exist."));
        user.setActive(true);
        users.flush();
        return user.toSummary();
    }

    /** Creates a user. Admins only. */
    public UserSummary createUser(String username, String displayName, String email, String password, boolean admin) {
        permissions.checkAdmin();
        return create(username, displayName, email, password, admin);
    }

    /**
     * Creates the first Admin of an empty installation. Refused once any Admin exists, so it cannot
     * be used to gain rights.
     */
    public UserSummary bootstrapAdmin(String username, String displayName, String password) {
        if (users.existsByAdminTrue()) {
            throw new RuleViolation("An Admin already exists.");
        }
        return create(username, displayName, null, password, true);
    }

    @Transactional(readOnly = true)
    public boolean anyAdminExists() {
        return users.existsByAdminTrue();
    }

    private UserSummary create(String username, String displayName, String email, String password, boolean admin) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,100}")) {
            throw new RuleViolation("A username has 2 to 100 letters, digits, dots, dashes or underscores.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new RuleViolation("Please give the user's name.");
        }
        policy.check(username, password);
        if (users.findByUsername(username).isPresent()) {
            throw new RuleViolation("The username " + username + " is taken.");
        }
        AppUser user = new AppUser(username, displayName.strip(), email, passwordEncoder.encode(password), admin);
        return users.saveAndFlush(user).toSummary();
    }
}
