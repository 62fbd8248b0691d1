package app.catchball.planning;

import app.catchball.base.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Small comparisons and readings for the import: drafts that say the same, directions, link symbols. */
final class ImportDrafts {

    private ImportDrafts() {
    }

    /** Whether a draft from the file says the same as the item's own, for the fields its kind has. */
    static boolean same(ItemDraft item, ItemDraft file, ItemKind kind) {
        return differences(item, file, kind) == null;
    }

    /** "title, target changed", or null when nothing differs. */
    static String differences(ItemDraft item, ItemDraft file, ItemKind kind) {
        List<String> changed = new ArrayList<>();
        note(changed, "title", text(item.title()), text(file.title()));
        note(changed, "description", text(item.description()), text(file.description()));
        note(changed, "accountable person", item.accountableUserId(), file.accountableUserId());
        if (kind == ItemKind.BREAKTHROUGH) {
            note(changed, "True North goal", item.trueNorthId(), file.trueNorthId());
        }
        if (kind == ItemKind.METRIC) {
            note(changed, "unit of measure", text(item.unitOfMeasure()), text(file.unitOfMeasure()));
            note(changed, "direction", item.direction(), file.direction());
            note(changed, "baseline", plain(item.baseline()), plain(file.baseline()));
            note(changed, "target", plain(item.target()), plain(file.target()));
            note(changed, "due date", item.dueDate(), file.dueDate());
        }
        if (kind == ItemKind.OWNER) {
            note(changed, "owner", item.ownerUserId(), file.ownerUserId());
            note(changed, "team", text(item.teamName()), text(file.teamName()));
        }
        return changed.isEmpty() ? null : String.join(", ", changed) + " changed";
    }

    private static void note(List<String> changed, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(what);
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }

    /** "Higher is better" or "UP"; null when empty. */
    static Direction direction(String text) {
        if (text.isEmpty()) {
            return null;
        }
        return Arrays.stream(Direction.values())
                .filter(d -> d.label().equalsIgnoreCase(text) || d.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("The direction “" + text + "” is not one of: "
                        + Arrays.stream(Direction.values()).map(Direction::label).reduce((a, b) -> a + ", " + b).orElse("") + "."));
    }

    /** ●, ○ or △ (or the words strong, important, weak, leads, contributes). */
    static Strength strength(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Strength s : Strength.values()) {
            if (s.symbol().equals(t) || s.label().equals(t) || s.ownerLabel().equals(t)) {
                return s;
            }
        }
        throw new RuleViolation("“" + text + "” is not a link: use ● (strong), ○ (important) or △ (weak).");
    }

    /** A strength's place in the click order none → ● → ○ → △. */
    static int step(Strength s) {
        return s == null ? 0 : s.ordinal() + 1;
    }
}
