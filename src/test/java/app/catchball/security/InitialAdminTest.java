package app.catchball.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InitialAdminTest {

    @Test
    void production_refuses_to_start_without_an_admin_password_or_with_a_short_one() {
        assertThatThrownBy(() -> InitialAdmin.validated(null)).hasMessageContaining("CATCHBALL_ADMIN_PASSWORD is not set");
        assertThatThrownBy(() -> InitialAdmin.validated("  ")).hasMessageContaining("is not set");
        assertThatThrownBy(() -> InitialAdmin.validated("elevenchars")).hasMessageContaining("at least 12 characters");
        assertThat(InitialAdmin.validated("twelve-chars")).isEqualTo("twelve-chars");
    }
}
