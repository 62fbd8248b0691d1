package app.catchball.planning.ui;

import app.catchball.base.RuleViolation;
import app.catchball.base.ui.Notices;
import app.catchball.planning.CascadePdf;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.XMatrix;
import app.catchball.planning.XMatrixPdf;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Download PDF" on the X-matrix and Cascade views: a link whose file the server writes
 * when it is followed (a Vaadin {@link DownloadHandler}), through the same services, and so the same
 * permission checks, as the API. A refusal is shown as a notice and answered 403.
 */
final class PdfDownload {

    static final String LABEL = "Download PDF";

    private PdfDownload() {
    }

    /** The unit and cycle shown ({@code shown} gives null while there is none). */
    static Anchor xMatrix(XMatrixPdf pdf, Supplier<XMatrix> shown) {
        return link(() -> {
            XMatrix matrix = shown.get();
            if (matrix == null) {
                throw new RuleViolation("Choose a unit and a cycle first.");
            }
            return new File(XMatrixPdf.fileName(matrix.unit().shortCode(), matrix.cycle().name()),
                    pdf.pdf(matrix.unit().id(), matrix.cycle().id()));
        });
    }

    /** The cascade of the chosen cycle. */
    static Anchor cascade(CascadePdf pdf, Supplier<CycleSummary> chosen) {
        return link(() -> {
            CycleSummary cycle = chosen.get();
            if (cycle == null) {
                throw new RuleViolation("Choose a cycle first.");
            }
            return new File(CascadePdf.fileName(cycle.name()), pdf.pdf(cycle.id()));
        });
    }

    private record File(String name, byte[] bytes) {
    }

    private static Anchor link(Supplier<File> write) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            Optional<File> file = Notices.attemptOutsideUi(event.getUI(), write, refused -> { });
            return file.map(f -> new DownloadResponse(new ByteArrayInputStream(f.bytes()), f.name(), "application/pdf",
                    f.bytes().length)).orElseGet(() -> DownloadResponse.error(HttpStatusCode.FORBIDDEN));
        });
        // The link itself is the control (a button inside a link would be two targets, one hiding the other).
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, LABEL);
        anchor.addClassName("pdf-download");
        return anchor;
    }
}
