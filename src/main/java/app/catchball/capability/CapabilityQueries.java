package app.catchball.capability;

import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.security.sql.UserRelations;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads behind the capability picture: people, their roles, levels, coaching and training, each in one statement. */
@Repository
class CapabilityQueries {

    private static final String COACHING = SqlText.using("""
            select c.id, c.coach_user_id, a.display_name as coach_name, c.coachee_user_id, b.display_name as coachee_name,
                   c.since, c.ended_on
            from coaching c join {users} a on a.id = c.coach_user_id join {users} b on b.id = c.coachee_user_id
            """, UserRelations.USERS);

    /** A user as the capability picture needs them. */
    record Person(long id, String displayName, boolean active) {
    }

    /** Receives one role grant. */
    interface GrantHandler {
        void grant(long userId, long unitId);
    }

    private final JdbcClient jdbc;

    CapabilityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every user by id, in order of name. */
    Map<Long, Person> people() {
        Map<Long, Person> users = new LinkedHashMap<>();
        jdbc.sql(SqlText.using("select id, display_name, active from {users} order by display_name", UserRelations.USERS)).query(Rows.of(Person.class)).list()
                .forEach(p -> users.put(p.id(), p));
        return users;
    }

    /** Every role grant, oldest first. */
    void grants(GrantHandler handler) {
        jdbc.sql(SqlText.using("select user_id, unit_id from {grants} order by id", UserRelations.GRANTS)).query(rs -> {
            handler.grant(rs.getLong(1), rs.getLong(2));
        });
    }

    /** Each person's skill level and its version, by user id: {@code [levelId, version]}. */
    Map<Long, long[]> skills() {
        Map<Long, long[]> skill = new HashMap<>();
        jdbc.sql("select user_id, level_id, version from person_skill")
                .query(rs -> {
                    skill.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return skill;
    }

    /** How many training records each person has. */
    Map<Long, Integer> trainingCounts() {
        Map<Long, Integer> trainingCount = new HashMap<>();
        jdbc.sql("select user_id, count(*) from training_record group by user_id")
                .query(rs -> {
                    trainingCount.put(rs.getLong(1), rs.getInt(2));
                });
        return trainingCount;
    }

    /** The coaching going on now, oldest first. */
    List<CoachingRelationship> activeCoaching() {
        return jdbc.sql(COACHING + " where c.ended_on is null order by c.since")
                .query(Rows.of(CoachingRelationship.class)).list();
    }

    Optional<CoachingRelationship> coaching(long id) {
        return jdbc.sql(COACHING + " where c.id = :id").param("id", id).query(Rows.of(CoachingRelationship.class)).optional();
    }

    List<TrainingRecord> training(long userId) {
        return jdbc.sql("""
                        select id, user_id, course, completed_on, recorded_by from training_record
                        where user_id = :u order by completed_on desc, id desc""")
                .param("u", userId).query(Rows.of(TrainingRecord.class)).list();
    }
}
