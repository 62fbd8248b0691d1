package app.catchball.projects;

/**
 * What the Projects screen shows of a unit before its lists are paged, read at once: whether the
 * signed-in user may start projects there, the counts, and the alignment report.
 *
 * @param count the projects the list pages through (the unit's own, or with the units below)
 * @param countWithBelow the projects of the unit and every unit below it
 * @param unalignedCount the unaligned projects of the unit and below (the "thousand flowers")
 */
public record ProjectsOverview(boolean mayEdit, int count, int countWithBelow, int unalignedCount, AlignmentReport alignment) {
}
