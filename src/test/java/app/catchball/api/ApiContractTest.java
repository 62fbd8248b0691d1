package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The API's contract over real HTTP: JSON for every answer, 404/405/413, no sessions, quiet token bookkeeping. */
@SpringTest
class ApiContractTest {

    static final String ANALYST = "cb_demo_analyst_0000000000000000";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    TokenUses uses;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void an_unknown_path_answers_404_json_even_to_a_browser_and_sets_no_cookie() throws Exception {
        for (String accept : new String[] {"application/json", "text/html,application/xhtml+xml,*/*;q=0.8"}) {
            HttpResponse<String> response = send(request("/api/v1/nonexistent").header("Accept", accept).GET());

            assertThat(response.statusCode()).isEqualTo(404);
            assertJsonError(response);
        }
        assertThat(send(request("/api/v2/units").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void an_unsupported_verb_on_a_known_path_answers_405_json_with_allow() throws Exception {
        long unit = jdbc.sql("select id from org_unit order by id limit 1").query(Long.class).single();

        HttpResponse<String> delete = send(request("/api/v1/units/" + unit + "/x-matrix").DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertJsonError(delete);

        HttpResponse<String> post = send(request("/api/v1/units").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET").doesNotContain("POST"));
        assertJsonError(post);
    }

    @Test
    void bodies_over_1_mb_are_refused_with_413_json_whether_their_length_is_declared_or_not() throws Exception {
        byte[] big = ("{\"values\":[" + "1,".repeat(600_000) + "1],\"improvementDirection\":\"increase\"}").getBytes();
        assertThat(big.length).isGreaterThan(1024 * 1024);

        HttpResponse<String> declared = send(request("/api/v1/spc").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertJsonError(declared);
        assertThat(declared.body()).isEqualTo("{\"error\":\"The request body is larger than 1 MB.\"}");

        HttpResponse<String> chunked = send(request("/api/v1/spc").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertJsonError(chunked);
        assertThat(chunked.body()).as("the same answer").isEqualTo(declared.body());

        HttpResponse<String> small = send(request("/api/v1/spc").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"values\":[1,2,3,4,5],\"improvementDirection\":\"increase\"}")));
        assertThat(small.statusCode()).isEqualTo(200);
    }

    @Test
    void token_requests_create_no_session() throws Exception {
        HttpResponse<String> units = send(request("/api/v1/units").GET());

        assertThat(units.statusCode()).isEqualTo(200);
        assertThat(units.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void a_token_use_is_recorded_at_most_once_an_hour_and_never_in_the_audit_trail() throws Exception {
        CreatedToken token = SystemUser.runAs("analyst", () -> tokens.create("Hourly"));
        long auditBefore = auditRowsOf(token.id());

        assertThat(send(request("/api/v1/units", token.token()).GET()).statusCode()).isEqualTo(200);
        assertThat(lastUsed(token.id())).as("the request itself writes nothing").isNull();
        uses.flush();
        Instant first = lastUsed(token.id());
        assertThat(first).isNotNull();
        assertThat(send(request("/api/v1/units", token.token()).GET()).statusCode()).isEqualTo(200);
        uses.flush();
        assertThat(lastUsed(token.id())).as("a second use within the hour writes nothing").isEqualTo(first);

        jdbc.sql("update api_token set last_used_at = :t where id = :id")
                .param("t", Timestamp.from(Instant.now().minus(Duration.ofMinutes(61)))).param("id", token.id()).update();
        assertThat(send(request("/api/v1/units", token.token()).GET()).statusCode()).isEqualTo(200);
        uses.flush();
        assertThat(lastUsed(token.id())).isAfter(first.minusSeconds(1));

        assertThat(auditRowsOf(token.id())).as("token bookkeeping is not an audit event").isEqualTo(auditBefore);
        SystemUser.runAs("analyst", () -> tokens.revoke(token.id()));
        assertThat(auditRowsOf(token.id())).as("a revocation still is").isEqualTo(auditBefore + 1);
    }

    private long auditRowsOf(long tokenId) {
        return jdbc.sql("select count(*) from audit.audit_event where table_name = 'api_token' and row_id = :id")
                .param("id", tokenId).query(Long.class).single();
    }

    private Instant lastUsed(long tokenId) {
        Timestamp at = jdbc.sql("select last_used_at from api_token where id = :id").param("id", tokenId)
                .query((rs, n) -> rs.getTimestamp(1)).list().getFirst();
        return at == null ? null : at.toInstant();
    }

    private static void assertJsonError(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).startsWith("{\"error\":").doesNotContain("<html", "<!doctype");
        assertThat(response.headers().allValues("Set-Cookie")).as("no session").isEmpty();
    }

    private HttpRequest.Builder request(String path) {
        return request(path, ANALYST);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
