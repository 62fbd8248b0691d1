package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.planning.Side;
import app.catchball.security.AccessService;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/units/{id}/x-matrix.pdf}: the PDF for whoever may read the X-matrix, JSON refusals for the rest. */
@SpringTest
class PdfApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AccessService access;

    @Autowired
    PlanFixture fixture;

    String viewer;

    @BeforeEach
    void setUp() {
        viewer = SystemUser.runAs("viewer", () -> tokens.create("PDF tests")).token();
    }

    private HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String json(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return new String(response.body());
    }

    @Test
    void a_reader_gets_ward_7s_x_matrix_as_a_pdf_file() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.pdf?cycle=" + fixture.cycle(), viewer);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment", "x-matrix-W7-2026-27.pdf"));
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("Ward 7 — Respiratory",
                    fixture.matrix("W7").side(Side.NORTH).getFirst().title());
        }
        assertThat(get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.pdf", viewer).statusCode())
                .as("the current cycle").isEqualTo(200);
    }

    @Test
    void without_a_token_the_answer_is_401_json() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.pdf", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).contains("\"error\"");
    }

    @Test
    void a_user_who_must_first_choose_a_new_password_is_refused_403() throws Exception {
        String username = "pdf.reset." + UUID.randomUUID().toString().substring(0, 8);
        long id = SystemUser.runAs("admin", () -> access.createUser(username, "PDF reset", null,
                "a long enough passphrase", false)).id();
        SystemUser.runAs("admin", () -> access.resetPassword(id, "a temporary passphrase"));
        String token = SystemUser.runAs(username, () -> tokens.create("Script")).token();

        HttpResponse<byte[]> response = get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.pdf", token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response)).contains("\"error\"");
    }

    @Test
    void an_unknown_unit_or_cycle_is_404_json() throws Exception {
        HttpResponse<byte[]> unit = get("/api/v1/units/999999/x-matrix.pdf", viewer);
        assertThat(unit.statusCode()).isEqualTo(404);
        assertThat(json(unit)).contains("There is no unit 999999.");

        HttpResponse<byte[]> cycle = get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.pdf?cycle=999999", viewer);
        assertThat(cycle.statusCode()).isEqualTo(404);
        assertThat(json(cycle)).contains("There is no planning cycle 999999.");
    }

    @Test
    void the_openapi_document_describes_the_pdf() throws Exception {
        String doc = new String(get("/api/v1/openapi.json", viewer).body());

        assertThat(doc).contains("/api/v1/units/{id}/x-matrix.pdf", "application/pdf");
    }
}
