package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.support.SpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

@SpringTest
class PasswordAndHeadersTest {

    @Autowired
    AccessService access;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    AuthenticationConfiguration authentication;

    @LocalServerPort
    int port;

    @Test
    void the_password_policy_wants_twelve_characters_not_common_and_not_the_username() {
        assertThatThrownBy(() -> policy.check("sam", "short-one")).hasMessage("A password needs at least 12 characters.");
        assertThatThrownBy(() -> policy.check("sam", "Password1234")).hasMessage("That password is too common: choose another.");
        assertThatThrownBy(() -> policy.check("sam.jones", "xx-sam.jones-xx")).hasMessage("A password must not contain the username.");
        policy.check("sam", "a long and unusual phrase");
    }

    @Test
    void a_user_changes_their_own_password_and_signs_in_with_the_new_one() throws Exception {
        SystemUser.runAs("admin", () -> access.createUser("pat.change", "Pat Change", null, "first long passphrase", false));

        assertThatThrownBy(() -> SystemUser.runAs("pat.change", () -> access.changeOwnPassword("wrong", "second long passphrase")))
                .isInstanceOf(RuleViolation.class).hasMessage("The current password is not right.");
        assertThatThrownBy(() -> SystemUser.runAs("pat.change", () -> access.changeOwnPassword("first long passphrase", "short")))
                .hasMessage("A password needs at least 12 characters.");
        SystemUser.runAs("pat.change", () -> access.changeOwnPassword("first long passphrase", "second long passphrase"));

        assertThat(authentication.getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("pat.change", "second long passphrase"))
                .isAuthenticated()).isTrue();
    }

    @Test
    void an_admin_reset_forces_a_new_password_at_the_next_sign_in() {
        UserSummary user = SystemUser.runAs("admin", () -> access.createUser("kim.reset", "Kim Reset", null, "original passphrase", false));
        assertThat(SystemUser.runAs("kim.reset", () -> access.mustChangePassword())).isFalse();

        SystemUser.runAs("admin", () -> access.resetPassword(user.id(), "temporary passphrase"));
        assertThat(SystemUser.runAs("kim.reset", () -> access.mustChangePassword())).isTrue();

        SystemUser.runAs("kim.reset", () -> access.changeOwnPassword("temporary passphrase", "my own new passphrase"));
        assertThat(SystemUser.runAs("kim.reset", () -> access.mustChangePassword())).isFalse();
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> access.resetPassword(user.id(), "hijack passphrase")))
                .hasMessage("Only an Admin may do this.");
    }

    @Test
    void pages_carry_the_security_headers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'", "default-src 'self'", "object-src 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }
}
