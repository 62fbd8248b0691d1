package app.catchball.projects;

import java.time.LocalDate;

/** A PDSA cycle as typed: what was planned, what was done, what was learnt and what comes next. */
public record PdsaDraft(LocalDate cycleDate, String plan, String doText, String study, String act) {
}
