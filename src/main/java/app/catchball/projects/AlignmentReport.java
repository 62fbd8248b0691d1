package app.catchball.projects;

import java.util.List;

/**
 * Alignment of a unit's projects (and those of the units below it): per unit the number of
 * projects and the share aligned to True North, projects per priority, priorities with no
 * project. The unaligned projects (the "thousand flowers") are paged by the project list.
 */
public record AlignmentReport(long unitId, String unitName, List<UnitRow> units, List<PriorityRow> priorities) {

    public record UnitRow(long unitId, String unitName, int depth, int projects, int aligned) {

        /** Share aligned in whole percent; 0 when there are no projects. */
        public int sharePercent() {
            return projects == 0 ? 0 : Math.round(100f * aligned / projects);
        }
    }

    /** A priority of a unit in the subtree and how many projects serve it (directly or through the items below it). */
    public record PriorityRow(long itemId, String code, String title, String unitName, int projects) {
    }

    public int totalProjects() {
        return units.isEmpty() ? 0 : units.getFirst().projects();
    }

    public int totalAligned() {
        return units.isEmpty() ? 0 : units.getFirst().aligned();
    }

    public List<PriorityRow> prioritiesWithoutProject() {
        return priorities.stream().filter(p -> p.projects() == 0).toList();
    }
}
