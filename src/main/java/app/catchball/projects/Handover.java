package app.catchball.projects;

import java.time.Instant;

/** A change of a project's lead, with the note written for the new lead. */
public record Handover(long id, String fromName, String toName, String note, String handedOverBy, Instant handedOverAt) {
}
