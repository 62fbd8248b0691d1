package app.catchball.planning;

import java.time.LocalDate;

/** An action of a priority's A3, with its owner and milestone date. */
public record A3Action(String text, Long ownerUserId, String ownerName, LocalDate milestone, boolean done) {
}
