package app.catchball.projects;

import java.time.Instant;
import java.time.LocalDate;

/** One Plan-Do-Study-Act cycle of a project's log. */
public record PdsaCycle(long id, LocalDate cycleDate, String plan, String doText, String study, String act,
                        String recordedBy, Instant recordedAt) {
}
