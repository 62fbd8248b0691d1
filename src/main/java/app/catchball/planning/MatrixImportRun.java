package app.catchball.planning;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.planning.MatrixImportPreview.ImportRow;
import app.catchball.planning.MatrixImportPreview.Outcome;
import app.catchball.planning.MatrixImportPreview.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One pass of an import over a unit's X-matrix, inside the caller's transaction: every row goes
 * through {@link PlanningService} (its rules and permission checks), then the correlations, then
 * the order of each side. The preview runs it and rolls back; saving runs it and commits. Rows
 * refused here are reported, not thrown; the caller runs again without them until none is refused.
 */
final class MatrixImportRun {

    private final PlanningService planning;
    private final PlanItemQueries queries;
    private final Map<String, Long> people;
    private final long unitId;
    private final long cycleId;

    private final Map<Integer, Row> checked = new LinkedHashMap<>();
    private final Set<String> unknownPeople = new TreeSet<>();
    private final Map<String, Long> bySheetCode = new HashMap<>();
    private final Map<Integer, Long> itemOfLine = new HashMap<>();
    private final Map<Long, ItemKind> kindOf = new HashMap<>();
    private final Set<String> refusedCodes;
    private XMatrix matrix;

    /** {@code refusedCodes}: the codes of rows refused by an earlier run, whose links are left out. */
    MatrixImportRun(PlanningService planning, PlanItemQueries queries, Map<String, Long> people, long unitId, long cycleId,
                    Set<String> refusedCodes) {
        this.refusedCodes = new HashSet<>(refusedCodes);
        this.planning = planning;
        this.queries = queries;
        this.people = people;
        this.unitId = unitId;
        this.cycleId = cycleId;
    }

    Map<Integer, Row> checked() {
        return checked;
    }

    Set<String> unknownPeople() {
        return unknownPeople;
    }

    /** Runs the rows; returns whether any was refused (then nothing of the links or order was applied). */
    boolean run(List<ImportRow> rows) {
        matrix = planning.matrix(unitId, cycleId);
        Map<String, List<ImportRow>> byCode = new HashMap<>();
        for (ImportRow row : rows) {
            if (!row.code().isEmpty()) {
                byCode.computeIfAbsent(row.code(), k -> new ArrayList<>()).add(row);
            }
        }
        for (ImportRow row : rows) {
            List<ImportRow> same = byCode.getOrDefault(row.code(), List.of());
            if (same.size() > 1 && same.getFirst() != row) {
                refuse(row, "Duplicate code " + row.code() + ": it is also on row " + same.getFirst().line() + ".");
                continue;
            }
            try {
                item(row);
            } catch (RuleViolation e) {
                refuse(row, e.getMessage());
            }
        }
        Map<List<Long>, Wish> wishes = wishes(rows);
        if (checked.values().stream().anyMatch(r -> r.outcome() == Outcome.REFUSED)) {
            return true;
        }
        wishes.forEach(this::link);
        new SideOrder(planning, rows, itemOfLine, this::changed).apply(unitId, cycleId);
        return false;
    }

    // ---------------------------------------------------------------- items

    private void item(ImportRow row) {
        ItemKind kind = kind(row);
        if (row.title().isEmpty()) {
            throw new RuleViolation("Please give the " + kind.label().toLowerCase(Locale.ROOT) + " a title.");
        }
        if (kind == ItemKind.INPUT) {
            ItemView input = input(row);
            done(row, input, Outcome.UNCHANGED, "from " + fromText(input));
            return;
        }
        ItemView existing = existing(row, kind);
        ItemDraft draft = draft(row, kind);
        if (existing == null) {
            ItemView created = planning.createItem(unitId, kind == ItemKind.TRUE_NORTH ? null : cycleId, kind, draft);
            done(row, created, Outcome.NEW, "becomes " + created.code());
        } else if (ImportDrafts.same(existing.toDraft(), draft, kind)) {
            done(row, existing, Outcome.UNCHANGED, existing.unitId() == unitId ? null : "set by the unit above");
        } else {
            if (existing.unitId() != unitId) {
                throw new RuleViolation(existing.code() + " " + existing.title() + " is set by the unit above and cannot be changed here.");
            }
            ItemView saved = planning.updateItem(existing.id(), draft, existing.version());
            done(row, saved, Outcome.UPDATE, ImportDrafts.differences(existing.toDraft(), draft, kind));
        }
    }

    private ItemKind kind(ImportRow row) {
        if (!row.from().isEmpty()) {
            return ItemKind.INPUT;
        }
        String wanted = row.kind().strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(ItemKind.values())
                .filter(k -> k.label().toLowerCase(Locale.ROOT).equals(wanted) || k.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new RuleViolation(row.kind().isEmpty() ? "The kind is missing." : "Unknown kind “" + row.kind()
                        + "”: use True North goal, Breakthrough objective, Cascaded input, Annual objective, "
                        + "Improvement priority, Metric or Owner."));
    }

    /** An item cascaded from the parent is matched on this X-matrix, never created again. */
    private ItemView input(ImportRow row) {
        List<ItemView> inputs = matrix.side(Side.SOUTH).stream().filter(ItemView::inherited).toList();
        Optional<ItemView> match = inputs.stream().filter(i -> i.code().equals(row.code())).findFirst()
                .or(() -> inputs.stream().filter(i -> !row.from().isEmpty() && fromText(i).equalsIgnoreCase(row.from())).findFirst())
                .or(() -> inputs.stream().filter(i -> i.title().strip().equalsIgnoreCase(row.title())).findFirst());
        if (match.isEmpty()) {
            throw new RuleViolation("“" + row.title() + "” is not cascaded to " + matrix.unit().name() + " in "
                    + matrix.cycle().name() + ": the unit above deploys it or agrees it through catchball.");
        }
        ItemView input = match.get();
        if (!input.title().strip().equals(row.title())) {
            throw new RuleViolation(input.code() + " comes from " + fromText(input)
                    + " and can only be changed there, or renegotiated through catchball.");
        }
        return input;
    }

    private ItemView existing(ImportRow row, ItemKind kind) {
        List<ItemView> all = XMatrixExport.itemsInOrder(matrix);
        ItemView byCode = row.code().isEmpty() ? null
                : all.stream().filter(i -> i.code().equals(row.code())).findFirst().orElse(null);
        if (kind == ItemKind.TRUE_NORTH) {
            Optional<ItemView> goal = planning.trueNorthFor(unitId).stream()
                    .filter(g -> g.title().strip().equalsIgnoreCase(row.title())).findFirst();
            if (goal.isPresent()) {
                return goal.get();
            }
        }
        if (byCode != null && byCode.kind() != kind) {
            throw new RuleViolation(row.code() + " on this X-matrix is " + article(byCode.kind()) + ", not "
                    + article(kind) + ". Leave the code empty to add a new item.");
        }
        return byCode;
    }

    private ItemDraft draft(ImportRow row, ItemKind kind) {
        ItemDraft draft = ItemDraft.titled(row.title())
                .withDescription(row.description().isEmpty() ? null : row.description())
                .withAccountable(person(row.accountable()));
        switch (kind) {
            case BREAKTHROUGH -> draft = draft.withTrueNorth(goal(row.trueNorth()));
            case METRIC -> draft = draft.withMetric(row.unitOfMeasure().isEmpty() ? null : row.unitOfMeasure(),
                    ImportDrafts.direction(row.direction()), number("baseline", row.baseline()), number("target", row.target()),
                    date(row.due()));
            case OWNER -> {
                Long person = person(row.ownerPerson());
                if (person == null && !row.ownerPerson().isEmpty() && row.team().isEmpty()) {
                    throw new RuleViolation("The owner “" + row.ownerPerson() + "” is not a Catchball user: an Admin creates "
                            + "them first, or give a team instead.");
                }
                draft = draft.withOwner(person, row.team().isEmpty() ? null : row.team());
            }
            default -> {
            }
        }
        return draft;
    }

    private Long person(String name) {
        if (name.isEmpty()) {
            return null;
        }
        Long id = people.get(name.toLowerCase(Locale.ROOT));
        if (id == null) {
            unknownPeople.add(name);
        }
        return id;
    }

    /** "T1 Outstanding care" or "T1" or the goal's title: a goal of this file or of the trust. */
    private Long goal(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String code = text.split("\\s+")[0].toUpperCase(Locale.ROOT);
        if (bySheetCode.containsKey(code) && kindOf.get(bySheetCode.get(code)) == ItemKind.TRUE_NORTH) {
            return bySheetCode.get(code);
        }
        List<ItemView> goals = planning.trueNorthFor(unitId);
        return goals.stream().filter(g -> (g.code() + " " + g.title()).equalsIgnoreCase(text) || g.title().equalsIgnoreCase(text))
                .findFirst().or(() -> goals.stream().filter(g -> g.code().equals(code)).findFirst())
                .map(ItemView::id)
                .orElseThrow(() -> new RuleViolation("The True North goal “" + text + "” is not one of the trust's goals."));
    }

    private static BigDecimal number(String what, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new RuleViolation("The " + what + " “" + text + "” is not a number.");
        }
    }

    private static LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : LocalDate.parse(text, Formats.DAY);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("The due date “" + text + "” is not a date (such as 31 Mar 2027).");
        }
    }

    private String fromText(ItemView input) {
        String code = input.sourceItemId() == null ? "" : queries.item(input.sourceItemId()).map(ItemView::code).orElse("");
        return ((input.sourceUnitName() == null ? "" : input.sourceUnitName()) + " " + code).strip();
    }

    private static String article(ItemKind kind) {
        String label = kind == ItemKind.TRUE_NORTH ? kind.label() : kind.label().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    private void done(ImportRow row, ItemView item, Outcome outcome, String note) {
        checked.put(row.line(), new Row(row.line(), row.code().isEmpty() ? item.code() : row.code(), item.kind().label(),
                row.title(), outcome, note));
        itemOfLine.put(row.line(), item.id());
        kindOf.put(item.id(), item.kind());
        if (!row.code().isEmpty()) {
            bySheetCode.put(row.code(), item.id());
        }
    }

    private void refuse(ImportRow row, String reason) {
        if (!row.code().isEmpty()) {
            refusedCodes.add(row.code());
        }
        checked.put(row.line(), new Row(row.line(), row.code(), row.kind(), row.title(), Outcome.REFUSED, reason));
        itemOfLine.remove(row.line());
    }

    /** Adds a remark to a row without changing what saving does with it. */
    private void note(int line, String what) {
        Row row = checked.get(line);
        if (row != null && row.outcome() != Outcome.REFUSED) {
            checked.put(line, new Row(row.line(), row.code(), row.kind(), row.title(), row.outcome(),
                    row.note() == null ? what : row.note() + "; " + what));
        }
    }

    /** Marks the row of an item as changed (a link or its place), unless it is new already. */
    private void changed(int line, String what) {
        Row row = checked.get(line);
        if (row != null && row.outcome() != Outcome.NEW && row.outcome() != Outcome.REFUSED) {
            String note = row.outcome() == Outcome.UPDATE && row.note() != null ? row.note() + "; " + what : what;
            checked.put(line, new Row(row.line(), row.code(), row.kind(), row.title(), Outcome.UPDATE, note));
        }
    }

    // ---------------------------------------------------------------- correlations

    private record Wish(Strength strength, int line, Corner corner, long a, long b) {
    }

    /** What the file says about each pair of its items, checked; conflicting or impossible links refuse their row. */
    private Map<List<Long>, Wish> wishes(List<ImportRow> rows) {
        Map<List<Long>, Wish> wishes = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            Long x = itemOfLine.get(row.line());
            if (x == null) {
                continue;
            }
            for (var cell : row.links().entrySet()) {
                Long y = bySheetCode.get(cell.getKey());
                boolean blank = cell.getValue().isBlank();
                try {
                    if (y == null && !blank && refusedCodes.contains(cell.getKey())) {
                        note(row.line(), "link to " + cell.getKey() + " left out: that row is refused");
                        continue;
                    }
                    if (y == null || y.equals(x)) {
                        if (!blank) {
                            throw new RuleViolation("The link to " + cell.getKey() + " names no other item of this file.");
                        }
                        continue;
                    }
                    Strength s = blank ? null : ImportDrafts.strength(cell.getValue());
                    List<Long> pair = List.of(Math.min(x, y), Math.max(x, y));
                    Wish wish = wish(x, y, s, row.line());
                    Wish earlier = wishes.get(pair);
                    if (earlier == null || (earlier.strength() == null && s != null)) {
                        wishes.put(pair, wish);
                    } else if (s != null && earlier.strength() != s) {
                        throw new RuleViolation("The link with " + cell.getKey() + " is " + earlier.strength().symbol()
                                + " on row " + earlier.line() + " but " + s.symbol() + " here.");
                    }
                } catch (RuleViolation e) {
                    refuse(row, e.getMessage());
                    break;
                }
            }
        }
        return wishes;
    }

    private Wish wish(long x, long y, Strength s, int line) {
        Side sx = kindOf.get(x).side();
        Side sy = kindOf.get(y).side();
        for (Corner corner : Corner.values()) {
            if (corner.sideA() == sx && corner.sideB() == sy) {
                return new Wish(s, line, corner, x, y);
            }
            if (corner.sideA() == sy && corner.sideB() == sx) {
                return new Wish(s, line, corner, y, x);
            }
        }
        if (s != null) {
            throw new RuleViolation("Only items on adjacent sides of the X-matrix can be linked: not a "
                    + kindOf.get(x).label().toLowerCase(Locale.ROOT) + " and a " + kindOf.get(y).label().toLowerCase(Locale.ROOT) + ".");
        }
        return new Wish(null, line, null, x, y);
    }

    /** Sets a link to the wished strength through the X-matrix's own rule (none → ● → ○ → △ → none). */
    private void link(List<Long> pair, Wish wish) {
        if (wish.corner() == null) {
            return;
        }
        Strength now = matrix.strength(wish.corner(), wish.a(), wish.b());
        if (Objects.equals(now, wish.strength())) {
            return;
        }
        int clicks = Math.floorMod(ImportDrafts.step(wish.strength()) - ImportDrafts.step(now), 4);
        for (int i = 0; i < clicks; i++) {
            planning.cycleCorrelation(wish.corner(), wish.a(), wish.b());
        }
        changed(wish.line(), "link " + (wish.strength() == null ? "removed" : wish.strength().symbol()));
    }
}
