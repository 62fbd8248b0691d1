package app.catchball.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person who signs in to Catchball. Users are deactivated, never deleted. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private boolean admin;

    private boolean active = true;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** Raised when access changes; sessions signed in under an older value end (see {@link SignedInAccessFilter}). */
    @Column(name = "session_version")
    private long sessionVersion;

    @Version
    private long version;

    protected AppUser() {
    }

    AppUser(String username, String displayName, String email, String passwordHash, boolean admin) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.admin = admin;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isAdmin() {
        return admin;
    }

    boolean isActive() {
        return active;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }

    void changePassword(String hash, boolean mustChange, Instant at) {
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
        this.passwordChangedAt = at;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    long getSessionVersion() {
        return sessionVersion;
    }

    /** Every session signed in so far ends at its next request. */
    void endSessions() {
        sessionVersion++;
    }

    UserSummary toSummary() {
        return new UserSummary(id, username, displayName, email, admin, active);
    }
}
