package app.catchball.reminders;

import app.catchball.security.PermissionService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own reminders (what the reminder job recorded for them and is still due). */
@Service
@Transactional(readOnly = true)
public class ReminderService {

    private final ReminderQueries queries;
    private final PermissionService permissions;
    private final Clock clock;

    ReminderService(ReminderQueries queries, PermissionService permissions, Clock clock) {
        this.queries = queries;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** How many reminders wait on the signed-in person. */
    public int myReminderCount() {
        return queries.countOpenOf(permissions.requireUsername());
    }

    /** A page of the signed-in person's reminders, the most overdue first. */
    public List<Reminder> myReminders(int offset, int limit) {
        return queries.openOf(permissions.requireUsername(), LocalDate.now(clock), offset, limit);
    }
}
