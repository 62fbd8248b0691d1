package app.catchball.capability;

import java.util.List;

/** Someone without a coach and the nearest people who could coach them (by distance in the tree). */
public record CoachingSuggestion(long coacheeUserId, String coacheeName, String levelName, String unitName,
                                 List<String> candidates) {
}
