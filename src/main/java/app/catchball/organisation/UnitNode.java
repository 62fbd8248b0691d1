package app.catchball.organisation;

/** A unit as the screens and other features see it; {@code depth} is relative to the query's start. */
public record UnitNode(long id, String name, String shortCode, String levelCode, String levelName,
                       Long parentId, boolean archived, long version, int depth) {
}
