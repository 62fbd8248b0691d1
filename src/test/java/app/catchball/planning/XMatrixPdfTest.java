package app.catchball.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The X-matrix as a PDF, read back with PDFBox: one A3 landscape page, text that can be found, fonts embedded. */
@SpringTest
class XMatrixPdfTest {

    @Autowired
    XMatrixPdf xMatrixPdf;

    @Autowired
    PlanFixture fixture;

    static void assertA3Landscape(PDPage page) {
        PDRectangle box = page.getMediaBox();
        assertThat(box.getWidth()).isCloseTo(PDRectangle.A3.getHeight(), offset(1f));
        assertThat(box.getHeight()).isCloseTo(PDRectangle.A3.getWidth(), offset(1f));
    }

    static void assertFontsEmbedded(PDPage page) throws IOException {
        assertThat(page.getResources().getFontNames()).isNotEmpty();
        for (var name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
    }

    /** The text of the document in the order it is drawn: PDFTextStripper's lines break up text turned by 90°. */
    static String drawnText(PDDocument doc) throws IOException {
        StringBuilder drawn = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                drawn.append(text.getUnicode());
            }
        };
        stripper.getText(doc);
        return drawn.toString();
    }

    @Test
    void ward_7s_x_matrix_is_one_a3_landscape_page_with_its_titles_as_text_and_its_warnings_at_the_foot() throws IOException {
        XMatrix matrix = fixture.matrix("W7");
        byte[] pdf = SystemUser.runAs("ward7.manager", () -> xMatrixPdf.pdf(fixture.unit("W7"), fixture.cycle()));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertA3Landscape(doc.getPage(0));
            assertFontsEmbedded(doc.getPage(0));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Ward 7 — Respiratory", "X-matrix · 2026/27", "Warnings", "Printed ", "by ward7.manager");
            for (ItemView priority : matrix.side(Side.NORTH)) {
                assertThat(text).contains(priority.code() + " " + priority.title());
            }
            // The sides written upwards (west, east, owners) are text too, in the order it is drawn.
            assertThat(drawnText(doc)).contains("Falls with harm", matrix.side(Side.WEST).getFirst().title(),
                    matrix.side(Side.OWNERS).getFirst().title());
            List<String> itemWarnings = matrix.side(Side.NORTH).stream().filter(i -> !matrix.warningsOf(i.id()).isEmpty())
                    .map(i -> i.code() + " " + i.title() + ": " + String.join(", ", matrix.warningsOf(i.id()))).toList();
            assertThat(text.replace("\n", " ")).contains(itemWarnings);

            Path png = Path.of("target", "pdf", "x-matrix-W7.png");
            Files.createDirectories(png.getParent());
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 60);
            ImageIO.write(image, "png", png.toFile());
            assertThat(image.getWidth()).isGreaterThan(image.getHeight());
        }
    }

    @Test
    void the_trust_x_matrix_fits_one_page_too() throws IOException {
        byte[] pdf = SystemUser.runAs("viewer", () -> xMatrixPdf.pdf(fixture.unit("NTH"), fixture.cycle()));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 60), "png",
                    Files.createDirectories(Path.of("target", "pdf")).resolve("x-matrix-NTH.png").toFile());
            assertThat(new PDFTextStripper().getText(doc)).contains(fixture.matrix("NTH").unit().name());
        }
    }
}
