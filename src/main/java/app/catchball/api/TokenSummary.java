package app.catchball.api;

import java.time.Instant;

/** A personal access token as its owner sees it: never the token itself, only its first characters. */
public record TokenSummary(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    public String status() {
        return active() ? "Active" : "Revoked";
    }
}
