package app.catchball.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A plan item as the screens show it, with the names it refers to. */
public record ItemView(long id, long unitId, Long cycleId, ItemKind kind, int number, int sortOrder, String title,
                       String description, Long accountableUserId, String accountableName, Long trueNorthId,
                       Long sourceItemId, String sourceUnitName, String unitOfMeasure, Direction direction,
                       BigDecimal baseline, BigDecimal target, LocalDate dueDate, Long ownerUserId, String ownerName,
                       String teamName, boolean archived, String updatedBy, Instant updatedAt, long version) {

    public String code() {
        return kind.letter() + number;
    }

    public boolean inherited() {
        return kind == ItemKind.INPUT;
    }

    /** The item's values as a draft, to edit them. */
    public ItemDraft toDraft() {
        return new ItemDraft(title, description, accountableUserId, trueNorthId, unitOfMeasure, direction, baseline,
                target, dueDate, ownerUserId, teamName);
    }

    /** "95 %" for a metric with a target, or null. */
    public String targetText() {
        if (target == null) {
            return null;
        }
        String value = target.stripTrailingZeros().toPlainString();
        return unitOfMeasure == null ? value : value + " " + unitOfMeasure;
    }
}
