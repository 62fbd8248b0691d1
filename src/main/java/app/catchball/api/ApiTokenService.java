package app.catchball.api;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.security.PermissionService;
import app.catchball.security.sql.UserRelations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the REST API. A raw token ({@code cb_} and 32 random base62
 * characters) is shown once when it is created; only its SHA-256 is stored.
 */
@Service
@Transactional
public class ApiTokenService {

    static final String PREFIX = "cb_";
    static final int RANDOM_CHARS = 32;
    static final int DISPLAY_PREFIX = 12;
    private static final int MAX_NAME = 100;
    private static final int MAX_RAW = 200;
    private static final Duration LAST_USED_PRECISION = Duration.ofHours(1);
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final JdbcClient jdbc;
    private final PermissionService permissions;
    private final Clock clock;
    private final TokenUses uses;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(JdbcClient jdbc, PermissionService permissions, Clock clock, TokenUses uses) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.clock = clock;
        this.uses = uses;
    }

    /** Creates a token for the signed-in user; the raw value is in the result and nowhere else. */
    public CreatedToken create(String name) {
        String username = permissions.requireUsername();
        String raw = PREFIX + randomBase62(RANDOM_CHARS);
        return insert(username, name, raw);
    }

    /** The signed-in user's tokens, newest first. */
    @Transactional(readOnly = true)
    public List<TokenSummary> myTokens() {
        String username = permissions.requireUsername();
        return jdbc.sql(SqlText.using("""
                        select t.id, t.name, t.token_prefix as prefix, t.created_at, t.last_used_at, t.revoked_at
                        from api_token t join {users} u on u.id = t.user_id
                        where lower(u.username) = lower(:u)
                        order by t.created_at desc, t.id desc
                        """, UserRelations.USERS))
                .param("u", username).query(Rows.of(TokenSummary.class)).list();
    }

    /** Revokes a token: the owner's own, or any token for an Admin. Revoking twice changes nothing. */
    public void revoke(long id) {
        String username = permissions.requireUsername();
        String owner = jdbc.sql(SqlText.using("select u.username from api_token t join {users} u on u.id = t.user_id where t.id = :id", UserRelations.USERS))
                .param("id", id).query(String.class).optional()
                .orElseThrow(() -> new RuleViolation("That token does not exist."));
        if (!owner.equalsIgnoreCase(username) && !permissions.isAdmin(username)) {
            throw new AccessDeniedException("You may only revoke your own tokens.");
        }
        jdbc.sql("update api_token set revoked_at = :now, version = version + 1 where id = :id and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /**
     * The username of the token's owner when the token is known, not revoked and its owner is
     * active. Reads only: when the token was last more than an hour ago, the use is noted for
     * {@link TokenUses} to record off the request path.
     */
    @Transactional(readOnly = true)
    public Optional<String> authenticate(String rawToken) {
        return owner(rawToken).map(TokenOwner::username);
    }

    /** Who a request's token speaks for, read in the one statement that checks the token. */
    record TokenOwner(String username, boolean admin, boolean mustChangePassword) {
    }

    /**
     * As {@link #authenticate}, with whether the owner is an Admin and must change their password:
     * everything a request's sign-in needs, in one statement. It runs on every token request, so it
     * opens no transaction of its own (the one statement reads, and writes nothing).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<TokenOwner> owner(String rawToken) {
        if (rawToken == null || !rawToken.startsWith(PREFIX) || rawToken.length() > MAX_RAW) {
            return Optional.empty();
        }
        record Match(long id, String username, boolean admin, boolean mustChangePassword, Timestamp lastUsedAt) {
        }
        Optional<Match> match = jdbc.sql(SqlText.using("""
                        select t.id, u.username, u.admin, u.must_change_password, t.last_used_at
                        from api_token t join {users} u on u.id = t.user_id
                        where t.token_hash = :h and t.revoked_at is null and u.active
                        """, UserRelations.USERS))
                .param("h", hash(rawToken)).query(Rows.of(Match.class)).optional();
        Instant now = clock.instant();
        match.filter(m -> m.lastUsedAt() == null || !m.lastUsedAt().toInstant().isAfter(now.minus(LAST_USED_PRECISION)))
                .ifPresent(m -> uses.used(m.id(), now));
        return match.map(m -> new TokenOwner(m.username(), m.admin(), m.mustChangePassword()));
    }

    /** For demo data: a token with a known value for a user. Only an Admin may. */
    public void createWithValue(String username, String name, String rawToken) {
        permissions.checkAdmin();
        if (rawToken == null || !rawToken.startsWith(PREFIX) || rawToken.length() <= PREFIX.length()) {
            throw new RuleViolation("A token starts with \"" + PREFIX + "\".");
        }
        if (rawToken.length() > MAX_RAW || rawToken.chars().anyMatch(Character::isWhitespace)) {
            throw new RuleViolation("A token has at most " + MAX_RAW + " characters and no spaces.");
        }
        insert(username, name, rawToken);
    }

    private CreatedToken insert(String username, String name, String raw) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new RuleViolation("Please give the token a name, e.g. what will use it.");
        }
        if (clean.length() > MAX_NAME) {
            throw new RuleViolation("A token name has at most " + MAX_NAME + " characters.");
        }
        Long userId = jdbc.sql(SqlText.using("select id from {users} where lower(username) = lower(:u) and active", UserRelations.USERS))
                .param("u", username).query(Long.class).optional()
                .orElseThrow(() -> new RuleViolation("There is no active user " + username + "."));
        String hash = hash(raw);
        if (jdbc.sql("select count(*) from api_token where token_hash = :h").param("h", hash).query(Integer.class).single() > 0) {
            throw new RuleViolation("That token value is already in use.");
        }
        String prefix = raw.substring(0, Math.min(DISPLAY_PREFIX, raw.length()));
        long id = jdbc.sql("""
                        insert into api_token (user_id, name, token_hash, token_prefix, created_at)
                        values (:user, :name, :hash, :prefix, :now) returning id
                        """)
                .param("user", userId).param("name", clean).param("hash", hash).param("prefix", prefix)
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        return new CreatedToken(id, clean, raw, prefix);
    }

    /** SHA-256 of the raw token, as 64 lower-case hex digits. */
    static String hash(String rawToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomBase62(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62[random.nextInt(BASE62.length)];
        }
        return new String(chars);
    }
}
