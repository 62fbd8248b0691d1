package app.catchball.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.rendering.PDFRenderer;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The cascade as PDF: A3 landscape pages in tree order, each headed by its path, bounded on a large plan. */
@SpringTest
class CascadePdfTest {

    @Autowired
    CascadePdf cascadePdf;

    @Autowired
    CascadeTree tree;

    @Autowired
    PlanFixture fixture;

    private static String page(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    @Test
    void the_whole_cascade_reads_from_true_north_down_with_the_trust_named() throws IOException {
        List<PlanNode> roots = SystemUser.runAs("viewer", () -> tree.roots(fixture.cycle()));
        PlanNode goal = roots.getFirst();
        PlanNode beneath = SystemUser.runAs("viewer", () -> tree.children(goal.id(), fixture.cycle())).getFirst();

        byte[] pdf = SystemUser.runAs("viewer", () -> cascadePdf.pdf(fixture.cycle()));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                XMatrixPdfTest.assertA3Landscape(doc.getPage(p));
            }
            XMatrixPdfTest.assertFontsEmbedded(doc.getPage(0));
            String first = page(doc, 1);
            assertThat(first).contains("Cascade · " + goal.unitName() + " · 2026/27", "Page 1 of " + doc.getNumberOfPages(),
                    goal.label(), beneath.title(), "From True North down to the wards");
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("not printed", "stops at");
        }
    }

    @Test
    void a_cascade_past_the_limit_stops_there_repeats_the_path_on_each_page_and_says_so_at_the_end() throws IOException {
        byte[] pdf = SystemUser.runAs("viewer", () -> cascadePdf.pdf(fixture.cycle(), 60));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String second = page(doc, 2).replace("\n", " ");
            assertThat(second).contains("Page 2 of 2", "Continued: True North ", " › ", "this one stops at 60 rows",
                    "more beneath, not printed");
            assertThat(page(doc, 1)).doesNotContain("stops at");
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(1, 50), "png",
                    Files.createDirectories(Path.of("target", "pdf")).resolve("cascade-page-2.png").toFile());
        }
    }
}
