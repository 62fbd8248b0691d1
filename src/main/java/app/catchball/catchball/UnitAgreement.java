package app.catchball.catchball;

/** How many of a unit's catchball threads in a cycle are agreed. */
public record UnitAgreement(long unitId, String unitName, int agreed, int total) {
}
