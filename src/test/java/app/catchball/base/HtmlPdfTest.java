package app.catchball.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import app.catchball.base.export.CellText;
import app.catchball.base.pdf.HtmlPdf;

/** The one PDF writer: A4 landscape when asked, text selectable, fonts embedded, SVG kept. */
class HtmlPdfTest {

    @Test
    void writes_selectable_text_in_an_embedded_font_on_the_page_size_asked_for() throws IOException {
        String xhtml = """
                <html><head><style>
                @page { size: A4 landscape; margin: 15mm; }
                body { font-family: '%s'; }
                </style></head><body>
                <h1>%s</h1>
                <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="80" height="40" fill="#005eb8"/></svg>
                <p style="page-break-before: always">Second page</p>
                </body></html>
                """.formatted(HtmlPdf.FONT, HtmlPdf.escape("Falls & <harm>"));

        byte[] pdf = new HtmlPdf().render(xhtml);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), offset(1f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), offset(1f));
            assertThat(new PDFTextStripper().getText(doc)).contains("Falls & <harm>", "Second page");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(doc.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
    }

    @Test
    void spreadsheet_text_that_would_run_as_a_formula_is_neutralised() {
        assertThat(CellText.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CellText.neutralise("+1")).isEqualTo("'+1");
        assertThat(CellText.neutralise("-1")).isEqualTo("'-1");
        assertThat(CellText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CellText.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CellText.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CellText.neutralise("Ward 7")).isEqualTo("Ward 7");
        assertThat(CellText.neutralise("")).isEmpty();
        assertThat(CellText.neutralise(null)).isNull();
    }
}
