package app.catchball.projects.ui;

import app.catchball.base.RuleViolation;
import app.catchball.base.UnitRef;
import app.catchball.base.export.Pages;
import app.catchball.base.export.TableExport;
import app.catchball.projects.ContinuityBoard;
import app.catchball.projects.ContinuityService;
import app.catchball.projects.LinkedItem;
import app.catchball.projects.Measure;
import app.catchball.projects.ProjectRegisterService;
import app.catchball.projects.ProjectSummary;
import app.catchball.projects.RegisterEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The exports of the Projects and Continuity screens: the projects register with alignment, and the continuity board. */
final class ProjectExports {

    private ProjectExports() {
    }

    /** Every project of the unit (and below, when the screen includes them), a page at a time, with what it serves and how it is measured. */
    static TableExport<RegisterEntry> register(ProjectRegisterService register, UnitRef unit, boolean below) {
        requireUnit(unit);
        return TableExport.<RegisterEntry>titled("Projects " + unit.shortCode() + (below ? " and below" : ""))
                .column("Project", e -> e.project().title())
                .column("Unit", e -> e.project().unitName())
                .column("Stage", e -> e.project().stage().label())
                .column("Lead", e -> e.project().leadText())
                .column("Team", e -> e.project().team())
                .column("Start", e -> e.project().startDate())
                .column("End", e -> e.project().endDate())
                .column("Approved", e -> e.project().approved())
                .column("True North", e -> e.project().aligned() ? "Aligned" : "Not aligned")
                .column("Linked to", e -> e.links().stream().map(LinkedItem::label).collect(Collectors.joining("; ")))
                .column("Measures", e -> e.measures().stream().map(Measure::label).collect(Collectors.joining("; ")))
                .column("Attention", e -> ProjectsView.flags(e.project()))
                .column("Aim", e -> e.project().aim())
                .rows(Pages.byOffset((offset, limit) -> register.page(unit.id(), below, offset, limit)));
    }

    /** A row of the continuity board: which list it is on, the project or item, and why. */
    record BoardRow(String list, String item, String unitName, String stage, String person, LocalDate ended, String why) {
    }

    /** The three lists of the continuity board in one table, each row saying which list it is on. */
    static TableExport<BoardRow> continuity(ContinuityService continuity, UnitRef unit) {
        requireUnit(unit);
        ContinuityBoard board = continuity.continuity(unit.id());
        List<BoardRow> rows = Stream.of(
                board.needsNewLead().stream().map(o -> new BoardRow("Needs a new lead", o.project().title(),
                        o.project().unitName(), o.project().stage().label(), o.project().leadName(), null, o.reason())),
                board.responsibilities().stream().map(r -> new BoardRow("X-matrix item needs a new person",
                        r.code() + " " + r.title(), r.unitName(), null, r.accountableName(), null, r.reason())),
                board.slipping().stream().map((ProjectSummary p) -> new BoardRow("Slipping", p.title(), p.unitName(),
                        p.stage().label(), p.leadText(), p.endDate(), "Special-cause concern after the project ended")))
                .flatMap(s -> s).toList();
        return TableExport.<BoardRow>titled("Continuity " + unit.shortCode())
                .column("List", BoardRow::list)
                .column("Project or item", BoardRow::item)
                .column("Unit", BoardRow::unitName)
                .column("Stage", BoardRow::stage)
                .column("Lead or accountable", BoardRow::person)
                .column("Ended", BoardRow::ended)
                .column("Why", BoardRow::why)
                .rows(rows);
    }

    private static void requireUnit(UnitRef unit) {
        if (unit == null) {
            throw new RuleViolation("Choose a unit first.");
        }
    }
}
