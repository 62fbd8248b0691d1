package app.catchball.projects;

import app.catchball.metrics.MetricSpc;
import app.catchball.metrics.spc.PointType;
import app.catchball.metrics.spc.SpcPoint;
import java.time.LocalDate;
import java.util.List;

/** A finished project slips when a measure shows special-cause concern after the project's end date. */
final class SustainCheck {

    private SustainCheck() {
    }

    static boolean concernAfter(MetricSpc spc, LocalDate end) {
        List<SpcPoint> points = spc.result().points();
        for (int i = 0; i < points.size() && i < spc.periods().size(); i++) {
            if (spc.periods().get(i).isAfter(end) && points.get(i).pointType() == PointType.SPECIAL_CAUSE_CONCERN) {
                return true;
            }
        }
        return false;
    }
}
