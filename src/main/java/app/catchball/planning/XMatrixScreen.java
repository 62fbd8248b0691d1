package app.catchball.planning;

import java.util.Map;

/** What the X-matrix screen shows of a unit's plan: the matrix, and the A3 status of its priorities that have one. */
public record XMatrixScreen(XMatrix matrix, Map<Long, A3Status> statuses) {
}
