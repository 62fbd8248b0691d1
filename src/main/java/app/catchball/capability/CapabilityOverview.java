package app.catchball.capability;

import app.catchball.projects.ProjectSummary;
import java.util.List;

/** The improvement capability of a unit and everything below it. */
public record CapabilityOverview(long unitId, String unitName, List<MixRow> mix, List<PersonCapability> people,
                                 List<CoachingRelationship> coaching, List<CoachingSuggestion> suggestions,
                                 List<PersonCapability> intermediate, List<ProjectSummary> foundationLedWithoutCoach) {

    /** How many people are at a level ("Not recorded" for those without one). */
    public record MixRow(String level, int people) {
    }
}
