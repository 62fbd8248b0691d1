package app.catchball.audit;

import java.time.Instant;

/** One recorded change: who, when, what (table, row, operation), where (unit) and before → after as JSON. */
public record AuditEntry(long id, Instant at, String actor, String actorName, String tableName, Long rowId,
                         String operation, Long unitId, String unitName, String before, String after) {

    /** The entry as a sentence with names, e.g. "Priya Nair created project ‘Board round by 10:00’ in Acute Medical Unit". */
    public String sentence() {
        return AuditSentence.of(this);
    }

    /** The fields that changed, e.g. "title: Old → New", with the column names in words, computed from before and after. */
    public String changes() {
        return AuditDiff.describe(before, after);
    }
}
