package app.catchball.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<AppUser, Long> {

    @Query("select u from AppUser u where lower(u.username) = lower(:username)")
    Optional<AppUser> findByUsername(@Param("username") String username);

    boolean existsByAdminTrue();

    @Query("select u from AppUser u where lower(u.email) = lower(:email)")
    Optional<AppUser> findByEmail(@Param("email") String email);

    /** Counts a failed sign-in atomically; at {@code max} failures the account locks until {@code until}. */
    @Modifying
    @Query(value = """
            update app_user set
                locked_until    = case when failed_attempts + 1 >= :max then :until else locked_until end,
                failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
            where lower(username) = lower(:username)
            """, nativeQuery = true)
    int recordFailedSignIn(@Param("username") String username, @Param("max") int max, @Param("until") Instant until);

    @Modifying
    @Query(value = "update app_user set failed_attempts = 0, locked_until = null where lower(username) = lower(:username)",
            nativeQuery = true)
    int recordSuccessfulSignIn(@Param("username") String username);
}
