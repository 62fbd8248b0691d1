package app.catchball.capability;

/** An improvement skill level; {@code canCoach} levels (e.g. advanced, expert) can coach others. */
public record SkillLevelView(long id, String name, int sortOrder, boolean canCoach, long version) {
}
