package app.catchball.catchball.ui;

import app.catchball.base.export.TableExport;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.InboxRow;
import app.catchball.catchball.InboxRow.Bucket;
import app.catchball.planning.CycleSummary;
import app.catchball.base.UnitRef;

/** The catchball inbox's export: the threads of the chosen tab, with the cycle and unit filters of the screen. */
final class CatchballExports {

    private CatchballExports() {
    }

    static TableExport<InboxRow> inbox(CatchballService catchball, CycleSummary cycle, UnitRef unit, Bucket bucket) {
        return TableExport.<InboxRow>titled("Catchball " + bucket.label())
                .column("Proposal", InboxRow::title)
                .column("Target", InboxRow::target)
                .column("Between", InboxRow::between)
                .column("Status", r -> r.status().name().charAt(0) + r.status().name().substring(1).toLowerCase())
                .column("Waiting on", InboxRow::waitingOn)
                .column("Rounds", InboxRow::rounds)
                .column("Updated", InboxRow::updatedAt)
                .rows(catchball.inbox(cycle == null ? null : cycle.id(), unit == null ? null : unit.id()).stream()
                        .filter(r -> r.bucket() == bucket));
    }
}
