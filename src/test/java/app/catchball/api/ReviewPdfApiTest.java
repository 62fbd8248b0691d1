package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /api/v1/units/{id}/review.pdf over real HTTP: the PDF, 400, 401, 403, 404, and its place in the OpenAPI document. */
@SpringTest
class ReviewPdfApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_review_pdf_answers_with_the_pdf_and_the_api_s_usual_refusals() {
        ApiClient api = new ApiClient(port);
        String analyst = SystemUser.runAs("analyst", () -> tokens.create("Board pack")).token();
        String path = "/api/v1/units/" + fixture.unit("NTH") + "/review.pdf?month=2026-10";

        HttpResponse<String> ok = api.get(path, analyst);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(ok.body()).startsWith("%PDF-");

        assertThat(api.get(path, null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/units/999999/review.pdf?month=2026-10", analyst).statusCode()).isEqualTo(404);
        HttpResponse<String> badMonth = api.get("/api/v1/units/" + fixture.unit("NTH") + "/review.pdf?month=Oct", analyst);
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(badMonth.body()).contains("yyyy-mm");
        jdbc.sql("update app_user set must_change_password = true where username = 'analyst'").update();
        try {
            assertThat(api.get(path, analyst).statusCode()).isEqualTo(403);
        } finally {
            jdbc.sql("update app_user set must_change_password = false where username = 'analyst'").update();
        }

        String openApi = api.get("/api/v1/openapi.json", analyst).body();
        assertThat(openApi).contains("/api/v1/units/{id}/review.pdf", "application/pdf");
    }
}
