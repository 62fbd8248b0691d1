package app.catchball.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpringTest
class ApiTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    TokenUses uses;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void a_new_token_is_shown_once_and_only_its_hash_is_stored() {
        CreatedToken token = SystemUser.runAs("ward7.manager", () -> tokens.create("Data upload"));

        assertThat(token.token()).matches("cb_[0-9A-Za-z]{32}");
        assertThat(token.prefix()).isEqualTo(token.token().substring(0, 12));
        record Row(String name, String tokenHash, String tokenPrefix) {
        }
        Row row = jdbc.sql("select name, token_hash, token_prefix from api_token where id = :id").param("id", token.id())
                .query(Row.class).single();
        assertThat(row.tokenHash()).isEqualTo(ApiTokenService.hash(token.token())).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(row.tokenPrefix()).isEqualTo(token.prefix());
        List<String> everything = jdbc.sql("select concat_ws('|', name, token_hash, token_prefix) from api_token")
                .query(String.class).list();
        assertThat(everything).noneMatch(text -> text.contains(token.token()));

        assertThat(tokens.authenticate(token.token())).contains("ward7.manager");
        uses.flush();
        assertThat(tokens.authenticate(token.token() + "x")).isEmpty();
        assertThat(SystemUser.runAs("ward7.manager", () -> tokens.myTokens()))
                .anySatisfy(t -> {
                    assertThat(t.id()).isEqualTo(token.id());
                    assertThat(t.lastUsedAt()).isNotNull();
                    assertThat(t.status()).isEqualTo("Active");
                });
    }

    @Test
    void two_tokens_differ() {
        CreatedToken a = SystemUser.runAs("ward7.nurse", () -> tokens.create("a"));
        CreatedToken b = SystemUser.runAs("ward7.nurse", () -> tokens.create("b"));
        assertThat(a.token()).isNotEqualTo(b.token());
    }

    @Test
    void a_token_needs_a_name() {
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> tokens.create("  ")))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void without_a_token_the_api_answers_401_json_and_never_redirects() {
        HttpResponse<String> response = api.get("/api/v1/units", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"error\":\"Sign in or send Authorization: Bearer <token>.\"}");
        assertThat(api.get("/api/v1/openapi.json", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/docs", null).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/spc", null, "{\"values\":[1,2,3],\"improvementDirection\":\"increase\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void an_unknown_token_is_refused() {
        assertThat(api.get("/api/v1/units", "cb_" + "x".repeat(32)).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/units", "nonsense").statusCode()).isEqualTo(401);
    }

    @Test
    void a_revoked_token_is_refused() {
        CreatedToken token = SystemUser.runAs("ward7.manager", () -> tokens.create("Short-lived"));
        assertThat(api.get("/api/v1/units", token.token()).statusCode()).isEqualTo(200);

        SystemUser.runAs("ward7.manager", () -> tokens.revoke(token.id()));

        HttpResponse<String> response = api.get("/api/v1/units", token.token());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\"");
        assertThat(SystemUser.runAs("ward7.manager", () -> tokens.myTokens()))
                .filteredOn(t -> t.id() == token.id()).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("Revoked"));
    }

    @Test
    void only_the_owner_or_an_admin_may_revoke() {
        CreatedToken token = SystemUser.runAs("ward7.manager", () -> tokens.create("Mine"));

        assertThatThrownBy(() -> SystemUser.runAs("ward7.nurse", () -> tokens.revoke(token.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tokens.authenticate(token.token())).isPresent();

        SystemUser.runAs("admin", () -> tokens.revoke(token.id()));
        assertThat(tokens.authenticate(token.token())).isEmpty();
    }

    @Test
    void demo_tokens_with_a_known_value_need_an_admin_and_the_cb_prefix() {
        String raw = "cb_demoWard7Nurse000000000000000001";
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> tokens.createWithValue("ward7.nurse", "Demo", raw)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemUser.runAs("admin", () -> tokens.createWithValue("ward7.nurse", "Demo", "xx_abc")))
                .isInstanceOf(RuleViolation.class);

        SystemUser.runAs("admin", () -> tokens.createWithValue("ward7.nurse", "Demo", raw));

        assertThat(tokens.authenticate(raw)).contains("ward7.nurse");
        assertThat(api.get("/api/v1/units", raw).statusCode()).isEqualTo(200);
    }
}
