package app.catchball.planning;

import app.catchball.base.Formats;
import app.catchball.base.pdf.HtmlPdf;
import app.catchball.security.PermissionService;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Service;

/**
 * A unit's X-matrix in a cycle as a PDF: one A3 landscape page, vector, with the fonts embedded and
 * the text selectable, drawn from the same {@link XMatrix} the screen's element draws ({@link XMatrixPage}),
 * the warnings listed at the foot. Whoever may open the X-matrix may download it.
 */
@Service
public class XMatrixPdf {

    private final PlanningService planning;
    private final PermissionService permissions;
    private final HtmlPdf pdf;
    private final Clock clock;

    XMatrixPdf(PlanningService planning, PermissionService permissions, HtmlPdf pdf, Clock clock) {
        this.planning = planning;
        this.permissions = permissions;
        this.pdf = pdf;
        this.clock = clock;
    }

    public byte[] pdf(long unitId, long cycleId) {
        XMatrix matrix = planning.matrix(unitId, cycleId);
        String stamp = "Printed " + Formats.DAY_AT_TIME.format(ZonedDateTime.now(clock)) + " by " + permissions.requireUsername();
        return pdf.render(XMatrixPage.xhtml(matrix, stamp));
    }

    /** "x-matrix-W7-2026-27.pdf". */
    public static String fileName(String unitCode, String cycleName) {
        return "x-matrix-" + safe(unitCode) + "-" + safe(cycleName) + ".pdf";
    }

    static String safe(String text) {
        String s = text == null ? "" : text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "plan" : s;
    }
}
