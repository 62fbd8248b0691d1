package app.catchball.planning;

import java.time.Instant;

/** One saved version of an A3, as its history lists it. */
public record A3VersionView(long version, Instant savedAt, String savedBy, A3Status status, int percentComplete) {
}
