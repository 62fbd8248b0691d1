package app.catchball.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The board pack read back with PDFBox: pages, A4 landscape, the words it must carry, fonts embedded. */
@SpringTest
class ReviewPdfTest {

    @Autowired
    ReviewService reviews;

    @Autowired
    DecisionService decisions;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_board_pack_has_a_page_per_exception_and_carries_the_trust_the_exceptions_and_the_decisions() throws Exception {
        long eam = fixture.unit("EAM");
        YearMonth october = YearMonth.of(2026, 10);
        long owner = jdbc.sql("select id from app_user where username = 'acute.lead'").query(Long.class).single();
        SystemUser.runAs("acute.lead", () -> decisions.add(eam, fixture.cycle(), october, new DecisionDraft(
                "Open the frailty assessment area at weekends", owner, LocalDate.of(2026, 12, 31), DecisionStatus.OPEN, null)));
        ReviewContent content = SystemUser.runAs("viewer", () -> reviews.content(eam, october));
        assertThat(content.exceptions()).extracting(ReviewContent.MetricLine::label).contains("M2 Average length of stay");
        // The SPC summary carries the Making Data Count icons, the same SVG the screens show.
        ReviewContent.MetricLine stay = content.metrics().stream().filter(m -> m.label().equals("M2 Average length of stay"))
                .findFirst().orElseThrow();
        assertThat(stay.assuranceIcon()).startsWith("<svg").contains(">F</text>", "Assurance: consistently fails the target");
        assertThat(stay.variationIcon()).startsWith("<svg").contains("<title>Variation: ");

        byte[] pdf = SystemUser.runAs("viewer", () -> reviews.pdf(eam, october));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // cover, contents, SPC summary, one page per exception, decisions, priorities
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(5 + content.exceptions().size());
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getHeight(), offset(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getWidth(), offset(1f));
            }
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Northshore Teaching Hospitals NHS Foundation Trust", "Emergency & Acute Medicine",
                    "M2 Average length of stay", "Consistently fails the target",
                    "Open the frailty assessment area at weekends", "SPC summary");
            PDFTextStripper page4 = new PDFTextStripper();
            page4.setStartPage(4);
            page4.setEndPage(4);
            assertThat(page4.getText(doc)).contains(content.exceptions().getFirst().label());
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            BufferedImage cover = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            Path png = Path.of("target", "review-pdf", "review-EAM-2026-10-page-1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(cover, "png", png.toFile());
            assertThat(new File(png.toString())).isFile();
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(2, 72), "png", png.resolveSibling("review-EAM-2026-10-page-3.png").toFile());
            BufferedImage chartPage = new PDFRenderer(doc).renderImageWithDPI(3, 72);
            ImageIO.write(chartPage, "png", png.resolveSibling("review-EAM-2026-10-page-4.png").toFile());
        }
    }

    @Test
    void a_published_review_pdf_is_built_from_its_snapshot() throws Exception {
        byte[] pdf = SystemUser.runAs("viewer", () -> reviews.pdf(fixture.unit("NTH"), YearMonth.of(2026, 10)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Published ", "Agree winter escalation beds with the Division of Medicine",
                    "2 of 4 priorities on track");
        }
    }
}
