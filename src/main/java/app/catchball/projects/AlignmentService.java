package app.catchball.projects;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.ItemKind;
import app.catchball.planning.sql.PlanRelations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the local projects line up with True North (the "thousand flowers" view): per unit how many
 * projects trace to a True North goal through their links, and which priorities they serve.
 * Everyone may read.
 */
@Service
@Transactional(readOnly = true)
public class AlignmentService {

    private static final String PRIORITIES = SqlText.using("""
            select i.id, i.number, i.title, u.name as unit_name
            from {plan_items} i join {units} u on u.id = i.unit_id
            where i.kind = 'PRIORITY' and not i.archived and i.cycle_id = :cycle and i.unit_id in (%s)
            order by u.name, i.sort_order, i.number
            """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS);

    private final AlignmentQueries alignment;
    private final ProjectQueries projects;
    private final OrganisationService organisation;
    private final CycleService cycles;
    private final JdbcClient jdbc;

    AlignmentService(AlignmentQueries alignment, ProjectQueries projects, OrganisationService organisation,
                     CycleService cycles, JdbcClient jdbc) {
        this.alignment = alignment;
        this.projects = projects;
        this.organisation = organisation;
        this.cycles = cycles;
        this.jdbc = jdbc;
    }

    /**
     * Alignment of the unit's projects and those below it: per unit with projects the count and
     * the number aligned (one statement), and the priorities in scope with the projects that serve
     * them. The unaligned projects themselves are paged with
     * {@link ProjectService#projectsOf(long, boolean, boolean, int, int)}.
     */
    public AlignmentReport alignment(long unitId) {
        List<UnitNode> subtree = organisation.subtree(unitId);
        List<AlignmentReport.UnitRow> rows = unitRows(unitId, subtree);
        Map<Long, Set<Long>> reached = alignment.reachedBy(projects.idsUnder(unitId));
        List<AlignmentReport.PriorityRow> priorityRows = prioritiesInScope(unitId).stream()
                .map(p -> new AlignmentReport.PriorityRow(p.id(), ItemKind.PRIORITY.letter() + p.number(), p.title(),
                        p.unitName(), reached.getOrDefault(p.id(), Set.of()).size()))
                .toList();
        return new AlignmentReport(unitId, subtree.getFirst().name(), rows, priorityRows);
    }

    /** The unit and every unit below it with projects, each with its projects and those aligned, counted with the units below. */
    private List<AlignmentReport.UnitRow> unitRows(long unitId, List<UnitNode> subtree) {
        Map<Long, Long> parentOf = new HashMap<>();
        subtree.forEach(u -> parentOf.put(u.id(), u.parentId()));
        Map<Long, int[]> counts = new HashMap<>();
        alignment.countsByUnit(unitId, (unit, projectsHere, alignedHere) -> {
            Long u = unit;
            while (u != null && parentOf.containsKey(u)) {
                int[] c = counts.computeIfAbsent(u, k -> new int[2]);
                c[0] += projectsHere;
                c[1] += alignedHere;
                u = u == unitId ? null : parentOf.get(u);
            }
        });
        return subtree.stream()
                .filter(u -> u.id() == unitId || counts.containsKey(u.id()))
                .map(u -> {
                    int[] c = counts.getOrDefault(u.id(), new int[2]);
                    return new AlignmentReport.UnitRow(u.id(), u.name(), u.depth(), c[0], c[1]);
                }).toList();
    }

    private record Priority(long id, int number, String title, String unitName) {
    }

    /** The current cycle's priorities of the unit and below, or else of the nearest unit above that has some. */
    private List<Priority> prioritiesInScope(long unitId) {
        CycleSummary cycle = cycles.current().orElseThrow(() -> new RuleViolation("No planning cycle is current yet."));
        List<Priority> scope = jdbc.sql(ProjectQueries.SUBTREE + PRIORITIES.formatted("select id from sub"))
                .param("unit", unitId).param("cycle", cycle.id()).query(Rows.of(Priority.class)).list();
        if (scope.isEmpty()) {
            for (UnitNode ancestor : organisation.ancestors(unitId).reversed()) {
                scope = jdbc.sql(PRIORITIES.formatted(":unit")).param("unit", ancestor.id()).param("cycle", cycle.id())
                        .query(Rows.of(Priority.class)).list();
                if (!scope.isEmpty()) {
                    break;
                }
            }
        }
        return scope;
    }
}
