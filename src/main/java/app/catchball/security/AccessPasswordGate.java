package app.catchball.security;

import app.catchball.base.ui.PasswordGate;
import org.springframework.stereotype.Component;

@Component
class AccessPasswordGate implements PasswordGate {

    private final AccessService access;

    AccessPasswordGate(AccessService access) {
        this.access = access;
    }

    @Override
    public boolean mustChangePassword() {
        return access.mustChangePassword();
    }
}
