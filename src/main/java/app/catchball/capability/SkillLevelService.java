package app.catchball.capability;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.security.PermissionService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The list of improvement skill levels, in order. Everyone signed in may read it; Admins change it. */
@Service
@Transactional
public class SkillLevelService {

    private final SkillLevelRepository levels;
    private final PermissionService permissions;
    private final JdbcClient jdbc;

    SkillLevelService(SkillLevelRepository levels, PermissionService permissions, JdbcClient jdbc) {
        this.levels = levels;
        this.permissions = permissions;
        this.jdbc = jdbc;
    }

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
