package app.catchball.capability;

/**
 * A person's improvement capability as the unit's screen shows it. {@code intermediate}: a
 * practitioner (neither the first level nor one that coaches) on their third or later project.
 */
public record PersonCapability(long userId, String displayName, Long unitId, String unitName, Long levelId,
                               String levelName, boolean canCoach, boolean firstLevel, String coachName,
                               int trainingCount, int projectsLed, boolean intermediate, Long skillVersion) {

    public String levelText() {
        return levelName == null ? "Not recorded" : levelName;
    }

    public boolean hasCoach() {
        return coachName != null;
    }
}
