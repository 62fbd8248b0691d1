package app.catchball.planning;

import java.util.Map;
import java.util.Optional;

/**
 * Published by {@link CycleService#rollForward} inside its transaction, after the next cycle's plan
 * items, correlations and cascade links were copied: from which cycle to which, and which new item
 * copies which old one ({@code carriedItems}, old item id to new item id; the same pairs as
 * {@code carried_from_id} in {@code planning.sql.PlanRelations}'s {@code {plan_items}}). A carried
 * thread is the cascade link of the carried source item to the same child unit. Each module copies its
 * own rows of the carried items and threads in a plain, synchronous {@code @EventListener}: a listener
 * that fails rolls the whole roll-forward back.
 */
public record CycleRolledForward(long fromCycleId, long toCycleId, Map<Long, Long> carriedItems) {

    public CycleRolledForward {
        carriedItems = Map.copyOf(carriedItems);
    }

    /** The new cycle's copy of an item of the old cycle; empty for an item that was not carried (archived). */
    public Optional<Long> copyOf(long oldItemId) {
        return Optional.ofNullable(carriedItems.get(oldItemId));
    }
}
