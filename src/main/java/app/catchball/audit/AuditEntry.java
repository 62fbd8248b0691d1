package app.catchball.audit;

import java.time.Instant;

/** One recorded change: who, when, what (table, row, operation), where (unit) and before → after as JSON. */
public record AuditEntry(long id, Instant at, String actor, String tableName, Long rowId, String operation, Long unitId,
                         String unitName, String before, String after) {

    /** The fields that changed, e.g. "title: Old → New", computed from before and after. */
    public String changes() {
        return AuditDiff.describe(before, after);
    }
}
