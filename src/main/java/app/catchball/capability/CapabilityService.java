package app.catchball.capability;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.SqlText;
import app.catchball.capability.CapabilityQueries.Person;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectStage;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.sql.UserRelations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvement capability: each person's skill level, training and coaching, and per unit (rolled
 * up the tree) the capability mix, who could coach whom, the "intermediate improvers" and the
 * projects led by people at the first level without a coach. Everyone may read; Coaches of a
 * person's unit (or above) and Admins record capability. The list of levels is {@link SkillLevelService}.
 */
@Service
@Transactional
public class CapabilityService {

    private final SkillLevelRepository levels;
    private final SkillLevelService skillLevels;
    private final CapabilityQueries queries;
    private final ProjectService projects;
    private final OrganisationService organisation;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;

    CapabilityService(SkillLevelRepository levels, SkillLevelService skillLevels, CapabilityQueries queries,
                      ProjectService projects, OrganisationService organisation, PermissionService permissions,
                      JdbcClient jdbc, Clock clock) {
        this.levels = levels;
        this.skillLevels = skillLevels;
        this.queries = queries;
        this.projects = projects;
        this.organisation = organisation;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- a person's capability

    /** Whether the signed-in user may record capability for the person: an Admin, or a Coach of their unit or above. */
    @Transactional(readOnly = true)
    public boolean mayRecordFor(long userId) {
        if (permissions.isAdmin()) {
            return true;
        }
        List<Long> units = jdbc.sql(SqlText.using("select unit_id from {grants} where user_id = :u", UserRelations.GRANTS)).param("u", userId)
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
        return queries.training(userId);
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
        if (jdbc.sql(SqlText.using("select count(*) from {users} where id in (:a, :b) and active", UserRelations.USERS)).param("a", coachUserId)
                .param("b", coacheeUserId).query(Integer.class).single() < 2) {
            throw new RuleViolation("Coach and coachee must both be active users.");
        }
        String existing = jdbc.sql(SqlText.using("""
                        select u.display_name from coaching c join {users} u on u.id = c.coach_user_id
                        where c.coachee_user_id = :u and c.ended_on is null""", UserRelations.USERS))
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
        return queries.coaching(id).orElseThrow(() -> new RuleViolation("That coaching relationship does not exist."));
    }


    // ---------------------------------------------------------------- the unit's picture

    /**
     * The capability of everyone in the unit and below (people with a role there, or leading a
     * project there): the mix by level, coaching, who could coach whom, intermediate improvers and
     * projects led at the first level without a coach.
     */
    @Transactional(readOnly = true)
    public CapabilityOverview overview(long unitId) {
        UnitNode unit = organisation.get(unitId);
        Map<Long, UnitNode> units = new HashMap<>();
        organisation.wholeTree().forEach(u -> units.put(u.id(), u));
        Set<Long> subtree = new HashSet<>();
        organisation.subtree(unitId).forEach(u -> subtree.add(u.id()));
        Map<Long, Person> users = queries.people();
        Homes homes = homes(units, subtree);
        List<ProjectSummary> here = projects.projectsOf(unitId, true);
        Map<Long, Long> inScope = peopleInScope(homes.inSubtree(), here, users);

        Levels levels = new Levels(skillLevels.levels());
        Map<Long, long[]> skill = queries.skills();
        List<CoachingRelationship> activeCoaching = queries.activeCoaching();
        List<PersonCapability> people = people(inScope, units, users, levels, skill, activeCoaching);
        List<CoachingSuggestion> suggestions = coachingSuggestions(people,
                coaches(skill, levels, users, inScope, homes.anywhere()), units);
        List<CoachingRelationship> coaching = activeCoaching.stream()
                .filter(c -> inScope.containsKey(c.coacheeUserId()) || inScope.containsKey(c.coachUserId())).toList();
        return new CapabilityOverview(unitId, unit.name(), mix(levels, people), people, coaching, suggestions,
                people.stream().filter(PersonCapability::intermediate).toList(), ledAtFirstLevelWithoutCoach(people, here));
    }

    /** Each person's deepest unit with a role: within the subtree, and anywhere in the trust. */
    private record Homes(Map<Long, Long> inSubtree, Map<Long, Long> anywhere) {
    }

    /** The skill levels in order, by id, and the first (foundation) level. */
    private record Levels(List<SkillLevelView> list, Map<Long, SkillLevelView> byId, Long first) {
        Levels(List<SkillLevelView> list) {
            this(list, list.stream().collect(HashMap::new, (m, l) -> m.put(l.id(), l), HashMap::putAll),
                    list.isEmpty() ? null : list.getFirst().id());
        }
    }

    private record Coach(long id, String name, long unit) {
    }

    private Homes homes(Map<Long, UnitNode> units, Set<Long> subtree) {
        Map<Long, Long> inSubtree = new HashMap<>();
        Map<Long, Long> anywhere = new HashMap<>();
        queries.grants((user, u) -> {
            anywhere.merge(user, u, (a, b) -> depth(units, b) > depth(units, a) ? b : a);
            if (subtree.contains(u)) {
                inSubtree.merge(user, u, (a, b) -> depth(units, b) > depth(units, a) ? b : a);
            }
        });
        return new Homes(inSubtree, anywhere);
    }

    /** The active people with a role in the subtree, or else leading a project there: their home unit by user id. */
    private static Map<Long, Long> peopleInScope(Map<Long, Long> homeUnit, List<ProjectSummary> here, Map<Long, Person> users) {
        for (ProjectSummary p : here) {
            if (p.leadUserId() != null && !homeUnit.containsKey(p.leadUserId())) {
                homeUnit.put(p.leadUserId(), p.unitId());
            }
        }
        homeUnit.keySet().removeIf(id -> users.get(id) == null || !users.get(id).active());
        return homeUnit;
    }

    /** Everyone in scope with their level, coach, training and the projects they lead, by name. */
    private List<PersonCapability> people(Map<Long, Long> homeUnit, Map<Long, UnitNode> units, Map<Long, Person> users,
                                          Levels levels, Map<Long, long[]> skill, List<CoachingRelationship> activeCoaching) {
        Map<Long, String> coachOf = new HashMap<>();
        activeCoaching.forEach(c -> coachOf.put(c.coacheeUserId(), c.coachName()));
        Map<Long, Integer> trainingCount = queries.trainingCounts();
        Map<Long, Integer> led = new HashMap<>();
        projects.projectsLedBy(homeUnit.keySet()).forEach(p -> led.merge(p.leadUserId(), 1, Integer::sum));

        List<PersonCapability> people = new ArrayList<>();
        for (Map.Entry<Long, Long> e : homeUnit.entrySet()) {
            long id = e.getKey();
            long[] s = skill.get(id);
            SkillLevelView level = s == null ? null : levels.byId().get(s[0]);
            boolean first = level != null && level.id() == levels.first();
            boolean practitioner = level != null && !first && !level.canCoach();
            int count = led.getOrDefault(id, 0);
            people.add(new PersonCapability(id, users.get(id).displayName(), e.getValue(), units.get(e.getValue()).name(),
                    level == null ? null : level.id(), level == null ? null : level.name(),
                    level != null && level.canCoach(), first, coachOf.get(id), trainingCount.getOrDefault(id, 0), count,
                    practitioner && count >= 3, s == null ? null : s[1]));
        }
        people.sort(Comparator.comparing(PersonCapability::displayName));
        return people;
    }

    /** How many people at each level, and without one. */
    private static List<CapabilityOverview.MixRow> mix(Levels levels, List<PersonCapability> people) {
        List<CapabilityOverview.MixRow> mix = new ArrayList<>();
        for (SkillLevelView l : levels.list()) {
            mix.add(new CapabilityOverview.MixRow(l.name(),
                    (int) people.stream().filter(p -> p.levelId() != null && p.levelId() == l.id()).count()));
        }
        mix.add(new CapabilityOverview.MixRow("Not recorded", (int) people.stream().filter(p -> p.levelId() == null).count()));
        return mix;
    }

    /** Anyone in the trust at a coaching level, active, with a unit (in scope, or else their deepest role). */
    private static List<Coach> coaches(Map<Long, long[]> skill, Levels levels, Map<Long, Person> users,
                                       Map<Long, Long> inScope, Map<Long, Long> anywhere) {
        List<Coach> coaches = new ArrayList<>();
        skill.forEach((id, s) -> {
            SkillLevelView l = levels.byId().get(s[0]);
            Person p = users.get(id);
            Long u = inScope.getOrDefault(id, anywhere.get(id));
            if (l != null && l.canCoach() && p != null && p.active() && u != null) {
                coaches.add(new Coach(id, p.displayName(), u));
            }
        });
        return coaches;
    }

    /** Who could coach whom: for each person with a level, no coach and not coaching, the three nearest coaches in the tree. */
    private static List<CoachingSuggestion> coachingSuggestions(List<PersonCapability> people, List<Coach> coaches,
                                                                Map<Long, UnitNode> units) {
        List<CoachingSuggestion> suggestions = new ArrayList<>();
        for (PersonCapability p : people) {
            if (p.levelId() == null || p.canCoach() || p.hasCoach()) {
                continue;
            }
            List<String> candidates = coaches.stream().filter(c -> c.id() != p.userId())
                    .sorted(Comparator.<Coach>comparingInt(c -> distance(units, c.unit(), p.unitId())).thenComparing(Coach::name))
                    .limit(3)
                    .map(c -> c.name() + " (" + units.get(c.unit()).name() + ")")
                    .toList();
            suggestions.add(new CoachingSuggestion(p.userId(), p.displayName(), p.levelName(), p.unitName(), candidates));
        }
        return suggestions;
    }

    /** Open projects led by someone at the first level who has no coach. */
    private static List<ProjectSummary> ledAtFirstLevelWithoutCoach(List<PersonCapability> people, List<ProjectSummary> here) {
        Set<Long> firstLevelWithoutCoach = new HashSet<>();
        people.stream().filter(p -> p.firstLevel() && !p.hasCoach()).forEach(p -> firstLevelWithoutCoach.add(p.userId()));
        return here.stream()
                .filter(p -> p.stage() != ProjectStage.CLOSED && p.leadUserId() != null
                        && firstLevelWithoutCoach.contains(p.leadUserId()))
                .toList();
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

    private static ConflictException stale() {
        return new ConflictException("This person's level was changed by someone else in the meantime. "
                + "Nothing was saved: reload to see it, then try again.");
    }
}
