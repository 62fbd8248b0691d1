package app.catchball.planning;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The X-matrix screen's data in one read-only transaction (issue 15: a view's data from at most one
 * transaction), so that the unit's permissions are looked up once for the matrix and its A3s.
 */
@Service
@Transactional(readOnly = true)
public class XMatrixScreenService {

    private final PlanningService planning;
    private final A3Service a3s;

    XMatrixScreenService(PlanningService planning, A3Service a3s) {
        this.planning = planning;
        this.a3s = a3s;
    }

    /** The unit's X-matrix in the cycle, with the A3 status of its priorities. */
    public XMatrixScreen screen(long unitId, long cycleId) {
        XMatrix matrix = planning.matrix(unitId, cycleId);
        return new XMatrixScreen(matrix, a3s.statusesOf(matrix.side(Side.NORTH).stream().map(ItemView::id).toList()));
    }
}
