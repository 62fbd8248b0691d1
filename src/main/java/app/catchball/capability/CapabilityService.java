package app.catchball.capability;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectStage;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvement capability: each person's skill level, training and coaching, and per unit (rolled
 * up the tree) the capability mix, who could coach whom, the "intermediate improvers" and the
 * projects led by people at the first level without a coach. Everyone may read; Coaches of a
 * person's unit (or above) and Admins record capability; Admins change the list of levels.
 */
@Service
@Transactional
public class CapabilityService {

    private final SkillLevelRepository levels;
    private final ProjectService projects;
    private final OrganisationService organisation;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;

    CapabilityService(SkillLevelRepository levels, ProjectService projects, OrganisationService organisation,
                      PermissionService permissions, JdbcClient jdbc, Clock clock) {
        this.levels = levels;
        this.projects = projects;
        this.organisation = organisation;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- levels (Admin)

    @Transactional(readOnly = true)
    public List<SkillLevelView> levels() {
        permissions.requireUsername();
        return levels.findAllByOrderBySortOrderAscIdAsc().stream().map(SkillLevel::toView).toList();
    }

    public SkillLevelView addLevel(String name, boolean canCoach) {
        permissions.checkAdmin();
        String clean = levelName(name);
        if (levels.existsByNameIgnoreCase(clean)) {
            throw new RuleViolation("There is already a level called " + clean + ".");
        }
        int last = levels.findAllByOrderBySortOrderAscIdAsc().stream().mapToInt(SkillLevel::getSortOrder).max().orElse(0);
        return levels.saveAndFlush(new SkillLevel(clean, last + 10, canCoach)).toView();
    }

    public SkillLevelView changeLevel(long levelId, String name, boolean canCoach, long expectedVersion) {
        permissions.checkAdmin();
        SkillLevel level = level(levelId, expectedVersion);
        String clean = levelName(name);
        if (levels.existsByNameIgnoreCaseAndIdNot(clean, levelId)) {
            throw new RuleViolation("There is already a level called " + clean + ".");
        }
        level.change(clean, canCoach);
        flush();
        return level.toView();
    }

    /** Moves a level one place up (-1) or down (+1) the order. */
    public List<SkillLevelView> moveLevel(long levelId, int direction) {
        permissions.checkAdmin();
        List<SkillLevel> ordered = new ArrayList<>(levels.findAllByOrderBySortOrderAscIdAsc());
        int from = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getId() == levelId) {
                from = i;
            }
        }
        if (from < 0) {
            throw new RuleViolation("That level no longer exists; reload to see the current list.");
        }
        int to = Math.max(0, Math.min(ordered.size() - 1, from + Integer.signum(direction)));
        ordered.add(to, ordered.remove(from));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setSortOrder((i + 1) * 10);
        }
        flush();
        return levels();
    }

    public void removeLevel(long levelId, long expectedVersion) {
        permissions.checkAdmin();
        SkillLevel level = level(levelId, expectedVersion);
        int used = jdbc.sql("select count(*) from person_skill where level_id = :l").param("l", levelId)
                .query(Integer.class).single();
        if (used > 0) {
            throw new RuleViolation(level.getName() + " is the level of " + used + (used == 1 ? " person" : " people")
                    + ": change their level first.");
        }
        levels.delete(level);
        flush();
    }

    // ---------------------------------------------------------------- a person's capability

    /** Whether the signed-in user may record capability for the person: an Admin, or a Coach of their unit or above. */
    @Transactional(readOnly = true)
    public boolean mayRecordFor(long userId) {
        if (permissions.isAdmin()) {
            return true;
        }
        List<Long> units = jdbc.sql("select unit_id from role_grant where user_id = :u").param("u", userId)
                .query(Long.class).list();
        if (units.isEmpty()) {
            units = organisation.wholeTree().stream().filter(u -> u.parentId() == null).map(UnitNode::id).toList();
        }
        return units.stream().anyMatch(u -> permissions.may(Action.COACH, u));
    }

    /** Whether the signed-in user may record capability for anyone in the unit (a Coach of it or above, or an Admin). */
    @Transactional(readOnly = true)
    public boolean mayRecord(long unitId) {
        return permissions.may(Action.COACH, unitId);
    }

    /** Sets a person's skill level; {@code expectedVersion} is null when they had none. */
    public void setLevel(long userId, long levelId, Long expectedVersion) {
        checkRecord(userId);
        if (!levels.existsById(levelId)) {
            throw new RuleViolation("That level no longer exists; reload to see the current list.");
        }
        String by = permissions.requireUsername();
        Timestamp now = Timestamp.from(clock.instant());
        Long current = jdbc.sql("select version from person_skill where user_id = :u").param("u", userId)
                .query(Long.class).optional().orElse(null);
        if (current == null) {
            if (expectedVersion != null) {
                throw stale();
            }
            jdbc.sql("insert into person_skill (user_id, level_id, recorded_by, recorded_at) values (:u, :l, :by, :at)")
                    .param("u", userId).param("l", levelId).param("by", by).param("at", now).update();
            return;
        }
        if (expectedVersion == null || current.longValue() != expectedVersion) {
            throw stale();
        }
        jdbc.sql("""
                        update person_skill set level_id = :l, recorded_by = :by, recorded_at = :at, version = version + 1
                        where user_id = :u and version = :v""")
                .param("u", userId).param("l", levelId).param("by", by).param("at", now).param("v", expectedVersion)
                .update();
    }

    public TrainingRecord addTraining(long userId, String course, LocalDate completedOn) {
        checkRecord(userId);
        if (course == null || course.isBlank()) {
            throw new RuleViolation("Please give the course.");
        }
        if (course.strip().length() > 200) {
            throw new RuleViolation("A course name has at most 200 characters.");
        }
        if (completedOn == null) {
            throw new RuleViolation("Please give the date the course was completed.");
        }
        if (completedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("A training record is for a course already completed: the date is in the future.");
        }
        long id = jdbc.sql("""
                        insert into training_record (user_id, course, completed_on, recorded_by, recorded_at)
                        values (:u, :c, :d, :by, :at) returning id""")
                .param("u", userId).param("c", course.strip()).param("d", completedOn)
                .param("by", permissions.requireUsername()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return new TrainingRecord(id, userId, course.strip(), completedOn, permissions.requireUsername());
    }

    @Transactional(readOnly = true)
    public List<TrainingRecord> training(long userId) {
        permissions.checkView();
        return jdbc.sql("""
                        select id, user_id, course, completed_on, recorded_by from training_record
                        where user_id = :u order by completed_on desc, id desc""")
                .param("u", userId).query(Rows.of(TrainingRecord.class)).list();
    }

    /** Records that a coach coaches someone, from a date. A person has one coach at a time. */
    public CoachingRelationship startCoaching(long coachUserId, long coacheeUserId, LocalDate since) {
        checkRecord(coacheeUserId);
        if (coachUserId == coacheeUserId) {
            throw new RuleViolation("Nobody can be their own coach.");
        }
        if (since == null) {
            throw new RuleViolation("Please give the date the coaching started.");
        }
        if (jdbc.sql("select count(*) from app_user where id in (:a, :b) and active").param("a", coachUserId)
                .param("b", coacheeUserId).query(Integer.class).single() < 2) {
            throw new RuleViolation("Coach and coachee must both be active users.");
        }
        String existing = jdbc.sql("""
                        select u.display_name from coaching c join app_user u on u.id = c.coach_user_id
                        where c.coachee_user_id = :u and c.ended_on is null""")
                .param("u", coacheeUserId).query(String.class).optional().orElse(null);
        if (existing != null) {
            throw new RuleViolation("They are already coached by " + existing + ": end that first.");
        }
        long id = jdbc.sql("""
                        insert into coaching (coach_user_id, coachee_user_id, since, recorded_by, recorded_at)
                        values (:c, :u, :s, :by, :at) returning id""")
                .param("c", coachUserId).param("u", coacheeUserId).param("s", since)
                .param("by", permissions.requireUsername()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return coaching(id);
    }

    public CoachingRelationship endCoaching(long coachingId, LocalDate endedOn) {
        CoachingRelationship c = coaching(coachingId);
        checkRecord(c.coacheeUserId());
        if (c.endedOn() != null) {
            throw new RuleViolation("That coaching already ended.");
        }
        LocalDate end = endedOn == null ? LocalDate.now(clock) : endedOn;
        if (end.isBefore(c.since())) {
            throw new RuleViolation("Coaching cannot end before it started.");
        }
        jdbc.sql("update coaching set ended_on = :e where id = :id").param("e", end).param("id", coachingId).update();
        return coaching(coachingId);
    }

    private CoachingRelationship coaching(long id) {
        return jdbc.sql(COACHING + " where c.id = :id").param("id", id).query(Rows.of(CoachingRelationship.class)).optional()
                .orElseThrow(() -> new RuleViolation("That coaching relationship does not exist."));
    }

    private static final String COACHING = """
            select c.id, c.coach_user_id, a.display_name as coach_name, c.coachee_user_id, b.display_name as coachee_name,
                   c.since, c.ended_on
            from coaching c join app_user a on a.id = c.coach_user_id join app_user b on b.id = c.coachee_user_id
            """;

    // ---------------------------------------------------------------- the unit's picture

    /**
     * The capability of everyone in the unit and below (people with a role there, or leading a
     * project there): the mix by level, coaching, who could coach whom, intermediate improvers and
     * projects led at the first level without a coach.
     */
    @Transactional(readOnly = true)
    public CapabilityOverview overview(long unitId) {
        UnitNode unit = organisation.get(unitId);
        List<UnitNode> tree = organisation.wholeTree();
        Map<Long, UnitNode> byId = new HashMap<>();
        tree.forEach(u -> byId.put(u.id(), u));
        Set<Long> subtree = new HashSet<>();
        organisation.subtree(unitId).forEach(u -> subtree.add(u.id()));

        record Person(long id, String displayName, boolean active) {
        }
        Map<Long, Person> users = new LinkedHashMap<>();
        jdbc.sql("select id, display_name, active from app_user order by display_name").query(Rows.of(Person.class)).list()
                .forEach(p -> users.put(p.id(), p));
        Map<Long, Long> homeUnit = new HashMap<>();
        Map<Long, Long> anyHome = new HashMap<>();
        jdbc.sql("select user_id, unit_id from role_grant order by id").query(rs -> {
            long user = rs.getLong(1);
            long u = rs.getLong(2);
            anyHome.merge(user, u, (a, b) -> depth(byId, b) > depth(byId, a) ? b : a);
            if (subtree.contains(u)) {
                homeUnit.merge(user, u, (a, b) -> depth(byId, b) > depth(byId, a) ? b : a);
            }
        });
        List<ProjectSummary> here = projects.projectsOf(unitId, true);
        for (ProjectSummary p : here) {
            if (p.leadUserId() != null && !homeUnit.containsKey(p.leadUserId())) {
                homeUnit.put(p.leadUserId(), p.unitId());
            }
        }
        homeUnit.keySet().removeIf(id -> users.get(id) == null || !users.get(id).active());

        List<SkillLevelView> levelList = levels();
        Map<Long, SkillLevelView> levelById = new HashMap<>();
        levelList.forEach(l -> levelById.put(l.id(), l));
        Long firstLevel = levelList.isEmpty() ? null : levelList.getFirst().id();
        Map<Long, long[]> skill = new HashMap<>();
        jdbc.sql("select user_id, level_id, version from person_skill")
                .query(rs -> {
                    skill.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<CoachingRelationship> activeCoaching = jdbc.sql(COACHING + " where c.ended_on is null order by c.since")
                .query(Rows.of(CoachingRelationship.class)).list();
        Map<Long, String> coachOf = new HashMap<>();
        activeCoaching.forEach(c -> coachOf.put(c.coacheeUserId(), c.coachName()));
        Map<Long, Integer> trainingCount = new HashMap<>();
        jdbc.sql("select user_id, count(*) from training_record group by user_id")
                .query(rs -> {
                    trainingCount.put(rs.getLong(1), rs.getInt(2));
                });
        Map<Long, Integer> led = new HashMap<>();
        projects.projectsLedBy(homeUnit.keySet()).forEach(p -> led.merge(p.leadUserId(), 1, Integer::sum));

        List<PersonCapability> people = new ArrayList<>();
        for (Map.Entry<Long, Long> e : homeUnit.entrySet()) {
            long id = e.getKey();
            long[] s = skill.get(id);
            SkillLevelView level = s == null ? null : levelById.get(s[0]);
            boolean first = level != null && level.id() == firstLevel;
            boolean practitioner = level != null && !first && !level.canCoach();
            int count = led.getOrDefault(id, 0);
            people.add(new PersonCapability(id, users.get(id).displayName(), e.getValue(), byId.get(e.getValue()).name(),
                    level == null ? null : level.id(), level == null ? null : level.name(),
                    level != null && level.canCoach(), first, coachOf.get(id), trainingCount.getOrDefault(id, 0), count,
                    practitioner && count >= 3, s == null ? null : s[1]));
        }
        people.sort(Comparator.comparing(PersonCapability::displayName));

        List<CapabilityOverview.MixRow> mix = new ArrayList<>();
        for (SkillLevelView l : levelList) {
            mix.add(new CapabilityOverview.MixRow(l.name(),
                    (int) people.stream().filter(p -> p.levelId() != null && p.levelId() == l.id()).count()));
        }
        mix.add(new CapabilityOverview.MixRow("Not recorded", (int) people.stream().filter(p -> p.levelId() == null).count()));

        // Who could coach whom: anyone in the trust at a coaching level, nearest in the tree first.
        record Coach(long id, String name, long unit) {
        }
        List<Coach> coaches = new ArrayList<>();
        skill.forEach((id, s) -> {
            SkillLevelView l = levelById.get(s[0]);
            Person p = users.get(id);
            Long u = homeUnit.getOrDefault(id, anyHome.get(id));
            if (l != null && l.canCoach() && p != null && p.active() && u != null) {
                coaches.add(new Coach(id, p.displayName(), u));
            }
        });
        List<CoachingSuggestion> suggestions = new ArrayList<>();
        for (PersonCapability p : people) {
            if (p.levelId() == null || p.canCoach() || p.hasCoach()) {
                continue;
            }
            List<String> candidates = coaches.stream().filter(c -> c.id() != p.userId())
                    .sorted(Comparator.<Coach>comparingInt(c -> distance(byId, c.unit(), p.unitId())).thenComparing(Coach::name))
                    .limit(3)
                    .map(c -> c.name() + " (" + byId.get(c.unit()).name() + ")")
                    .toList();
            suggestions.add(new CoachingSuggestion(p.userId(), p.displayName(), p.levelName(), p.unitName(), candidates));
        }

        Set<Long> firstLevelWithoutCoach = new HashSet<>();
        people.stream().filter(p -> p.firstLevel() && !p.hasCoach()).forEach(p -> firstLevelWithoutCoach.add(p.userId()));
        List<ProjectSummary> foundationLed = here.stream()
                .filter(p -> p.stage() != ProjectStage.CLOSED && p.leadUserId() != null
                        && firstLevelWithoutCoach.contains(p.leadUserId()))
                .toList();
        Set<Long> inScope = homeUnit.keySet();
        List<CoachingRelationship> coaching = activeCoaching.stream()
                .filter(c -> inScope.contains(c.coacheeUserId()) || inScope.contains(c.coachUserId())).toList();
        return new CapabilityOverview(unitId, unit.name(), mix, people, coaching, suggestions,
                people.stream().filter(PersonCapability::intermediate).toList(), foundationLed);
    }

    // ---------------------------------------------------------------- helpers

    private static int depth(Map<Long, UnitNode> byId, long unitId) {
        int d = 0;
        for (UnitNode u = byId.get(unitId); u != null && u.parentId() != null; u = byId.get(u.parentId())) {
            d++;
        }
        return d;
    }

    /** Steps from one unit to the other through their nearest common unit. */
    static int distance(Map<Long, UnitNode> byId, long a, long b) {
        List<Long> up = new ArrayList<>();
        for (UnitNode u = byId.get(a); u != null; u = u.parentId() == null ? null : byId.get(u.parentId())) {
            up.add(u.id());
        }
        int steps = 0;
        for (UnitNode u = byId.get(b); u != null; u = u.parentId() == null ? null : byId.get(u.parentId())) {
            int i = up.indexOf(u.id());
            if (i >= 0) {
                return steps + i;
            }
            steps++;
        }
        return Integer.MAX_VALUE / 2;
    }

    private void checkRecord(long userId) {
        permissions.requireUsername();
        if (!mayRecordFor(userId)) {
            throw new AccessDeniedException("Only a Coach of their unit (or a unit above it) or an Admin may record "
                    + "improvement capability.");
        }
    }

    private SkillLevel level(long levelId, long expectedVersion) {
        SkillLevel level = levels.findById(levelId)
                .orElseThrow(() -> new RuleViolation("That level no longer exists; reload to see the current list."));
        if (level.getVersion() != expectedVersion) {
            throw new ConflictException("The level " + level.getName() + " was changed by someone else in the meantime. "
                    + "Reload and try again.");
        }
        return level;
    }

    private void flush() {
        try {
            levels.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("The levels were changed by someone else in the meantime. Reload and try again.");
        }
    }

    private static ConflictException stale() {
        return new ConflictException("This person's level was changed by someone else in the meantime. "
                + "Nothing was saved: reload to see it, then try again.");
    }

    private static String levelName(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("Please give the level a name.");
        }
        if (name.strip().length() > 60) {
            throw new RuleViolation("A level name has at most 60 characters.");
        }
        return name.strip();
    }
}
