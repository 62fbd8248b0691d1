package app.catchball.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs users in from the database. Deactivated accounts cannot sign in; locks are kept by {@link SignInAttempts}. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final RoleGrantRepository grants;
    DatabaseUserDetailsService(UserRepository users, RoleGrantRepository grants) {
        this.users = users;
        this.grants = grants;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (user.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (grants.existsByUserIdAndRole(user.getId(), Role.COACH)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_COACH"));
        }
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .authorities(authorities)
                .disabled(!user.isActive())
                .build();
    }
}
