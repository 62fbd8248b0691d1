package app.catchball.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on (OpenID Connect, e.g. Microsoft Entra ID): the identity provider vouches for an
 * e-mail address, and the active Catchball user with that address is signed in, with the same
 * roles as with a password. Nobody is created automatically.
 */
@Component
class SingleSignOnUsers extends OidcUserService {

    private final UserRepository users;
    private final PermissionService permissions;

    SingleSignOnUsers(UserRepository users, PermissionService permissions) {
        this.users = users;
        this.permissions = permissions;
    }

    @Override
    @Transactional(readOnly = true)
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser identity = super.loadUser(request);
        String email = identity.getEmail() != null ? identity.getEmail() : identity.getPreferredUsername();
        AppUser user = email == null ? null : users.findByEmail(email).filter(AppUser::isActive).orElse(null);
        if (user == null) {
            SignInAttempts.SECURITY_LOG.info("Single sign-on refused: no active account for the identity's e-mail address");
            throw new OAuth2AuthenticationException(new OAuth2Error("no_account",
                    "No active Catchball account has this e-mail address.", null));
        }
        List<GrantedAuthority> authorities = permissions.signInAuthorities(user);
        String username = user.getUsername();
        SignInAttempts.SECURITY_LOG.info("Signed in with single sign-on: user={}", username);
        return new DefaultOidcUser(authorities, identity.getIdToken(), identity.getUserInfo()) {
            @Override
            public String getName() {
                return username;
            }
        };
    }
}
