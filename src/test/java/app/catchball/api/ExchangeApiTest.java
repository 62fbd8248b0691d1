package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.planning.PlanFixture;
import app.catchball.security.AccessService;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/units/{id}/x-matrix.xlsx} over real HTTP: the workbook, and 401, 403 and 404. */
@SpringTest
class ExchangeApiTest {

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
        viewer = SystemUser.runAs("viewer", () -> tokens.create("Excel")).token();
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_reader_downloads_a_units_x_matrix_as_a_workbook() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.xlsx?cycle=" + fixture.cycle(), viewer);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("x-matrix-W7-").contains(".xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheet("About").getRow(0).getCell(1).getStringCellValue()).startsWith("Ward 7 — Respiratory");
        }
        assertThat(get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.xlsx", viewer).statusCode())
                .as("the current cycle without ?cycle=").isEqualTo(200);
    }

    @Test
    void without_a_token_the_answer_is_401() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.xlsx", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new String(response.body())).contains("\"error\"");
    }

    @Test
    void an_account_that_must_choose_a_new_password_is_refused_with_403() throws Exception {
        String username = "excel." + UUID.randomUUID().toString().substring(0, 8);
        long id = SystemUser.runAs("admin", () -> access.createUser(username, "Excel Reader", null,
                "a long first passphrase", false)).id();
        String token = SystemUser.runAs(username, () -> tokens.create("Script")).token();
        SystemUser.runAs("admin", () -> access.resetPassword(id, "a temporary passphrase"));

        HttpResponse<byte[]> response = get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.xlsx", token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body())).contains("\"error\"");
    }

    @Test
    void an_unknown_unit_or_cycle_is_404_and_a_bad_id_400() throws Exception {
        HttpResponse<byte[]> unit = get("/api/v1/units/999999/x-matrix.xlsx", viewer);
        assertThat(unit.statusCode()).isEqualTo(404);
        assertThat(new String(unit.body())).contains("There is no unit 999999.");
        assertThat(get("/api/v1/units/" + fixture.unit("W7") + "/x-matrix.xlsx?cycle=999999", viewer).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/units/abc/x-matrix.xlsx", viewer).statusCode()).isEqualTo(400);
    }

    @Test
    void the_workbook_endpoint_is_in_the_openapi_document() throws Exception {
        String document = new String(get("/api/v1/openapi.json", viewer).body());

        assertThat(document).contains("/api/v1/units/{id}/x-matrix.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "A unit's X-matrix as Excel");
    }
}
