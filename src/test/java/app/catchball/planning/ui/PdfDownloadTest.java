package app.catchball.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** "Download PDF" on the X-matrix and Cascade views: there for a reader, and what it downloads is the PDF. */
class PdfDownloadTest extends KaribuTest {

    private static byte[] download() {
        Anchor link = _get(Anchor.class, spec -> spec.withText("Download PDF"));
        return DownloadKt._download(link);
    }

    @Test
    void a_reader_downloads_the_x_matrix_shown_as_a_one_page_pdf() throws IOException {
        login("viewer");
        UI.getCurrent().navigate(XMatrixView.class, QueryParameters.of("unit", "W7"));

        byte[] pdf = download();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("Ward 7 — Respiratory", "Daily discharge huddle");
        }
    }

    @Test
    void the_cascade_view_downloads_the_cascade_of_the_chosen_cycle() throws IOException {
        login("viewer");
        UI.getCurrent().navigate(CascadeView.class);

        byte[] pdf = download();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("Cascade · ", "True North ");
        }
    }
}
