package app.catchball.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.catchball.base.BeforeServing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production: the first Admin, {@code admin}, gets its password from {@code CATCHBALL_ADMIN_PASSWORD}.
 * The application refuses to start without it or with a password shorter than 12 characters. The
 * Admin exists before the first request is answered ({@link BeforeServing}).
 */
@Component
@Profile("prod")
@Order(0)
class InitialAdmin implements BeforeServing {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    static final int MIN_LENGTH = 12;

    private final AccessService access;
    private final String password;

    InitialAdmin(AccessService access, @Value("${catchball.admin-password:}") String password) {
        this.access = access;
        this.password = validated(password);
    }

    static String validated(String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(
                    "CATCHBALL_ADMIN_PASSWORD is not set: the prod profile needs it for the initial admin user.");
        }
        if (password.length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    "CATCHBALL_ADMIN_PASSWORD is too short: it needs at least " + MIN_LENGTH + " characters.");
        }
        return password;
    }

    @Override
    public void prepare() {
        if (!access.anyAdminExists()) {
            access.bootstrapAdmin("admin", "Administrator", password);
            log.info("Created the initial admin user 'admin'.");
        }
    }
}
