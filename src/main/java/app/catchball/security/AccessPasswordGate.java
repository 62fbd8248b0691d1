package app.catchball.security;

import app.catchball.base.ui.PasswordGate;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class AccessPasswordGate implements PasswordGate {

    private final AccessService access;

    AccessPasswordGate(AccessService access) {
        this.access = access;
    }

    /**
     * Asked on every navigation: answered from what the per-request check ({@link SignedInAccess})
     * read of the user in this same request, else from the database.
     */
    @Override
    public boolean mustChangePassword() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null) {
            Optional<Boolean> known = SignedInAccess.mustChangePasswordInThisRequest(auth.getName());
            if (known.isPresent()) {
                return known.get();
            }
        }
        return access.mustChangePassword();
    }
}
