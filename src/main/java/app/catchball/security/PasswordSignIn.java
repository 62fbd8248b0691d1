package app.catchball.security;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password sign-in: throttled per account and source ({@link SignInAttempts}), then
 * checked by Spring's {@link DaoAuthenticationProvider}. The password is always hashed before
 * anything about the account is looked at (unknown users are hashed against a dummy, deactivated
 * ones are refused only after the hash), so the time taken never tells whether an account exists.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInAttempts attempts;

    PasswordSignIn(DatabaseUserDetailsService users, PasswordEncoder passwordEncoder, SignInAttempts attempts) {
        this.attempts = attempts;
        this.passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setPreAuthenticationChecks(user -> {
        });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String source = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        try (SignInAttempts.Attempt attempt = attempts.begin(username, source)) {
            Authentication result;
            try {
                result = passwords.authenticate(authentication);
            } catch (AuthenticationException e) {
                attempts.recordFailure(username, source, e.getClass().getSimpleName());
                throw e;
            }
            attempts.recordSuccess(username, source);
            return result;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
