package app.catchball.planning;

import app.catchball.base.RuleViolation;
import app.catchball.base.export.XlsxRows;
import app.catchball.planning.MatrixImportPreview.ImportRow;
import app.catchball.planning.MatrixImportPreview.Outcome;
import app.catchball.planning.MatrixImportPreview.Row;
import app.catchball.security.AccessService;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.UserSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Import from Excel" on an X-matrix: the "Items" sheet of an exported workbook (or that sheet
 * alone, as a template) is read as it arrives with POI's streaming reader, refused past
 * {@value #MAX_BYTES} bytes or {@value #MAX_ROWS} rows, and checked row by row by running it
 * through the planning rules in a transaction that is rolled back. Saving runs it again and
 * commits everything, or nothing when any row is refused by then.
 */
@Service
public class XMatrixImport {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 1_000;
    /** A link refused in one pass only leaves out links to it in the next: two passes settle any file. */
    private static final int MAX_PASSES = 3;
    private static final int MAX_COLUMNS = 1_000;

    /** What a save did. */
    public record Saved(long added, long updated) {
    }

    private final PlanningService planning;
    private final PlanItemQueries queries;
    private final CycleService cycles;
    private final AccessService access;
    private final PermissionService permissions;
    private final TransactionTemplate transactions;

    XMatrixImport(PlanningService planning, PlanItemQueries queries, CycleService cycles, AccessService access,
                  PermissionService permissions, PlatformTransactionManager transactionManager) {
        this.planning = planning;
        this.queries = queries;
        this.cycles = cycles;
        this.access = access;
        this.permissions = permissions;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Reads and checks a workbook; nothing is saved. No transaction is held while the file arrives. */
    public MatrixImportPreview preview(long unitId, long cycleId, String fileName, InputStream content) {
        requireEditable(unitId, cycleId);
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new RuleViolation("Choose an Excel workbook (.xlsx). " + ItemsSheetParser.HOW);
        }
        List<XlsxRows.SheetRow> sheet;
        try {
            sheet = XlsxRows.read(bounded(content), "Items", MAX_ROWS + 1, MAX_COLUMNS);
        } catch (RuleViolation e) {
            throw e;
        } catch (XlsxRows.TooManyRows e) {
            throw tooManyRows();
        } catch (IOException | RuntimeException e) {
            throw new RuleViolation("The file could not be read as an Excel workbook. " + ItemsSheetParser.HOW);
        }
        List<ImportRow> rows = ItemsSheetParser.parse(sheet);
        if (rows.size() > MAX_ROWS) {
            throw tooManyRows();
        }
        Map<String, Long> people = people();
        Map<Integer, Row> refused = new LinkedHashMap<>();
        MatrixImportRun last;
        for (int pass = 1; ; pass++) {
            List<ImportRow> remaining = rows.stream().filter(r -> !refused.containsKey(r.line())).toList();
            Set<String> refusedCodes = codes(rows, refused.keySet());
            last = transactions.execute(status -> {
                status.setRollbackOnly();
                MatrixImportRun run = new MatrixImportRun(planning, queries, people, unitId, cycleId, refusedCodes);
                run.run(remaining);
                return run;
            });
            Map<Integer, Row> newly = new LinkedHashMap<>();
            last.checked().forEach((line, row) -> {
                if (row.outcome() == Outcome.REFUSED) {
                    newly.put(line, row);
                }
            });
            if (newly.isEmpty()) {
                break;
            }
            if (pass == MAX_PASSES) {
                throw new RuleViolation("The file could not be checked: its rows keep refusing each other. " + ItemsSheetParser.HOW);
            }
            refused.putAll(newly);
        }
        List<Row> checked = new ArrayList<>();
        for (ImportRow row : rows) {
            checked.add(refused.containsKey(row.line()) ? refused.get(row.line()) : last.checked().get(row.line()));
        }
        return new MatrixImportPreview(unitId, cycleId, fileName, checked, List.copyOf(last.unknownPeople()), rows);
    }

    /**
     * Saves what the preview showed, in one transaction: the rows it did not refuse go through the
     * planning rules again, and when any is refused now (the X-matrix changed meanwhile) nothing is
     * saved. People the file names who are not users are left unassigned only when {@code leaveUnassigned}.
     */
    public Saved save(MatrixImportPreview preview, boolean leaveUnassigned) {
        requireEditable(preview.unitId(), preview.cycleId());
        if (!preview.unknownPeople().isEmpty() && !leaveUnassigned) {
            throw new RuleViolation("These people are not Catchball users: " + String.join(", ", preview.unknownPeople())
                    + ". Ask an Admin to create them (or correct the names in the file), or confirm that their items "
                    + "are imported without them.");
        }
        if (!preview.changes()) {
            throw new RuleViolation("There is nothing to save: every row is unchanged or refused.");
        }
        Set<Integer> refused = new HashSet<>();
        preview.checked().stream().filter(r -> r.outcome() == Outcome.REFUSED).forEach(r -> refused.add(r.line()));
        List<ImportRow> good = preview.rows().stream().filter(r -> !refused.contains(r.line())).toList();
        Map<String, Long> people = people();
        Set<String> refusedCodes = codes(preview.rows(), refused);
        return transactions.execute(status -> {
            MatrixImportRun run = new MatrixImportRun(planning, queries, people, preview.unitId(), preview.cycleId(), refusedCodes);
            if (run.run(good)) {
                Row first = run.checked().values().stream().filter(r -> r.outcome() == Outcome.REFUSED).findFirst().orElseThrow();
                throw new RuleViolation("Row " + first.line() + ": " + first.note() + " The X-matrix changed since the "
                        + "preview, so nothing was saved. Import the file again to see what it would do now.");
            }
            Set<String> newlyUnknown = new TreeSet<>(run.unknownPeople());
            newlyUnknown.removeAll(preview.unknownPeople());
            if (!newlyUnknown.isEmpty()) {
                throw new RuleViolation("These people are no longer Catchball users: " + String.join(", ", newlyUnknown)
                        + ". Nothing was saved. Import the file again to see what it would do now.");
            }
            return new Saved(run.checked().values().stream().filter(r -> r.outcome() == Outcome.NEW).count(),
                    run.checked().values().stream().filter(r -> r.outcome() == Outcome.UPDATE).count());
        });
    }

    private static Set<String> codes(List<ImportRow> rows, Set<Integer> lines) {
        Set<String> codes = new HashSet<>();
        rows.stream().filter(r -> lines.contains(r.line()) && !r.code().isEmpty()).forEach(r -> codes.add(r.code()));
        return codes;
    }

    private void requireEditable(long unitId, long cycleId) {
        permissions.check(Action.EDIT_PLAN, unitId);
        CycleSummary cycle = cycles.get(cycleId);
        if (cycle.closed()) {
            throw new RuleViolation("The cycle " + cycle.name() + " is closed: its plan can no longer be changed.");
        }
    }

    /** Active users by display name and by username, in lower case. */
    private Map<String, Long> people() {
        Map<String, Long> people = new HashMap<>();
        for (UserSummary user : access.users()) {
            if (user.active()) {
                people.putIfAbsent(user.displayName().toLowerCase(Locale.ROOT), user.id());
                people.putIfAbsent(user.username().toLowerCase(Locale.ROOT), user.id());
            }
        }
        return people;
    }

    /** The upload as it arrives, refused as soon as it passes {@value #MAX_BYTES} bytes. */
    private static InputStream bounded(InputStream content) throws IOException {
        return BoundedInputStream.builder().setInputStream(content).setMaxCount(MAX_BYTES + 1L)
                .setOnMaxCount((max, count) -> {
                    throw new RuleViolation("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB. An X-matrix "
                            + "workbook is far smaller: use the \"Items\" sheet of an export or the template.");
                }).get();
    }

    private static RuleViolation tooManyRows() {
        return new RuleViolation("The sheet has more than " + String.format(Locale.UK, "%,d", MAX_ROWS)
                + " rows; an X-matrix holds far fewer items.");
    }
}
