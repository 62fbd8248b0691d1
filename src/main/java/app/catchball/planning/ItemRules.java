package app.catchball.planning;

import app.catchball.base.RuleViolation;
import java.math.BigDecimal;
import java.util.function.LongPredicate;

/**
 * What a plan item's draft must hold, by kind: a title; for a breakthrough objective one of the
 * trust's True North goals; for a metric its unit of measure, direction and a target on the
 * improving side of the baseline; for an owner a person or a team.
 */
final class ItemRules {

    private ItemRules() {
    }

    static void check(ItemKind kind, ItemDraft draft, LongPredicate isTrueNorthGoal) {
        if (draft == null || draft.title() == null || draft.title().isBlank()) {
            throw new RuleViolation("Please give the " + kind.label().toLowerCase() + " a title.");
        }
        if (draft.title().strip().length() > 300) {
            throw new RuleViolation("A title has at most 300 characters.");
        }
        switch (kind) {
            case BREAKTHROUGH -> {
                if (draft.trueNorthId() == null) {
                    throw new RuleViolation("A breakthrough objective sits under a True North goal: please choose one.");
                }
                if (!isTrueNorthGoal.test(draft.trueNorthId())) {
                    throw new RuleViolation("Please choose one of the trust's True North goals.");
                }
            }
            case METRIC -> {
                if (draft.unitOfMeasure() == null || draft.unitOfMeasure().isBlank()) {
                    throw new RuleViolation("Please give the metric's unit of measure (e.g. %, days, count).");
                }
                if (draft.unitOfMeasure().strip().length() > 40) {
                    throw new RuleViolation("A unit of measure has at most 40 characters.");
                }
                if (draft.direction() == null) {
                    throw new RuleViolation("Please say which way the metric improves.");
                }
                if (draft.direction() != Direction.NEUTRAL && draft.baseline() != null && draft.target() != null
                        && draft.baseline().compareTo(draft.target()) != 0
                        && (draft.direction() == Direction.UP) != (draft.target().compareTo(draft.baseline()) > 0)) {
                    throw new RuleViolation("The target should be " + (draft.direction() == Direction.UP ? "above" : "below")
                            + " the baseline for a metric where " + draft.direction().label().toLowerCase() + ".");
                }
                for (var n : new BigDecimal[] {draft.baseline(), draft.target()}) {
                    if (n != null && n.abs().compareTo(new BigDecimal("1e10")) >= 0) {
                        throw new RuleViolation("Baseline and target must be below 10,000,000,000.");
                    }
                }
            }
            case OWNER -> {
                boolean hasUser = draft.ownerUserId() != null;
                boolean hasTeam = draft.teamName() != null && !draft.teamName().isBlank();
                if (hasUser == hasTeam) {
                    throw new RuleViolation("An owner is either a person or a named team: choose one.");
                }
            }
            default -> {
            }
        }
        if (draft.description() != null && draft.description().length() > 4000) {
            throw new RuleViolation("A description has at most 4,000 characters.");
        }
    }
}
