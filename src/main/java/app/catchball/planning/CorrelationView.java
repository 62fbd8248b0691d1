package app.catchball.planning;

/** A correlation on an X-matrix: item a on the corner's first side, item b on its second. */
public record CorrelationView(Corner corner, long a, long b, Strength strength) {
}
