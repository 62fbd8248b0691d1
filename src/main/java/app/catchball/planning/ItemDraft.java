package app.catchball.planning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a user typed for a plan item. Only the fields of the item's kind are used: metrics have a
 * unit of measure, direction, baseline, target and due date; owners a user or a team name;
 * breakthrough objectives their True North goal.
 */
public record ItemDraft(String title, String description, Long accountableUserId, Long trueNorthId,
                        String unitOfMeasure, Direction direction, BigDecimal baseline, BigDecimal target,
                        LocalDate dueDate, Long ownerUserId, String teamName) {

    public static ItemDraft titled(String title) {
        return new ItemDraft(title, null, null, null, null, null, null, null, null, null, null);
    }

    public ItemDraft withTitle(String newTitle) {
        return new ItemDraft(newTitle, description, accountableUserId, trueNorthId, unitOfMeasure, direction,
                baseline, target, dueDate, ownerUserId, teamName);
    }

    public ItemDraft withTrueNorth(Long id) {
        return new ItemDraft(title, description, accountableUserId, id, unitOfMeasure, direction,
                baseline, target, dueDate, ownerUserId, teamName);
    }

    public ItemDraft withMetric(String unit, Direction dir, BigDecimal base, BigDecimal tgt, LocalDate due) {
        return new ItemDraft(title, description, accountableUserId, trueNorthId, unit, dir, base, tgt, due,
                ownerUserId, teamName);
    }

    public ItemDraft withOwner(Long userId, String team) {
        return new ItemDraft(title, description, accountableUserId, trueNorthId, unitOfMeasure, direction,
                baseline, target, dueDate, userId, team);
    }

    public ItemDraft withAccountable(Long userId) {
        return new ItemDraft(title, description, userId, trueNorthId, unitOfMeasure, direction,
                baseline, target, dueDate, ownerUserId, teamName);
    }

    public ItemDraft withDescription(String text) {
        return new ItemDraft(title, text, accountableUserId, trueNorthId, unitOfMeasure, direction,
                baseline, target, dueDate, ownerUserId, teamName);
    }
}
