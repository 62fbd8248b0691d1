package app.catchball.organisation;

/** A level of the organisation tree (data, not code: a trust may add or skip levels). */
public record UnitLevel(String code, String name, int sortOrder) {
}
