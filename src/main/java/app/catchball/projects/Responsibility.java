package app.catchball.projects;

/** An X-matrix item whose accountable person left or moved: it needs a new accountable person. */
public record Responsibility(long itemId, long unitId, String unitName, long cycleId, String code, String title,
                             String accountableName, String reason) {
}
