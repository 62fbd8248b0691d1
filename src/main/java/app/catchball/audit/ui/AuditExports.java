package app.catchball.audit.ui;

import app.catchball.audit.AuditEntry;
import app.catchball.audit.AuditService;
import app.catchball.audit.AuditService.AuditFilter;
import app.catchball.base.export.Pages;
import app.catchball.base.export.TableExport;

/** The Audit screen's export: every entry the filters find, newest first, read a page at a time after the last. */
final class AuditExports {

    private AuditExports() {
    }

    static TableExport<AuditEntry> search(AuditService audit, AuditFilter filter) {
        return TableExport.<AuditEntry>titled("Audit trail")
                .column("When", AuditEntry::at)
                .column("Who", AuditEntry::actor)
                .column("Operation", e -> e.operation().toLowerCase())
                .column("Type", AuditEntry::tableName)
                .column("Row", AuditEntry::rowId)
                .column("Unit", AuditEntry::unitName)
                .column("Change", AuditEntry::changes)
                .column("What happened", AuditEntry::sentence)
                .rows(Pages.afterLast(last -> audit.searchBefore(filter, last == null ? null : last.id(), Pages.SIZE)));
    }
}
