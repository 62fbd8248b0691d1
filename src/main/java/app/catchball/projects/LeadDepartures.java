package app.catchball.projects;

import app.catchball.security.RoleRevoked;
import app.catchball.security.UserDeactivated;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notes when someone was deactivated or left a unit, so the continuity board can say why and since
 * when. Whether a project needs a new lead is always derived from the data, not from these notes.
 */
@Component
class LeadDepartures {

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadDepartures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(UserDeactivated event) {
        record(event.userId(), null, "DEACTIVATED");
    }

    @EventListener
    void on(RoleRevoked event) {
        record(event.userId(), event.unitId(), "ROLE_REVOKED");
    }

    private void record(long userId, Long unitId, String reason) {
        jdbc.sql("insert into lead_departure (user_id, unit_id, reason, at) values (:u, :unit, :r, :at)")
                .param("u", userId).param("unit", unitId).param("r", reason)
                .param("at", Timestamp.from(clock.instant())).update();
    }
}
