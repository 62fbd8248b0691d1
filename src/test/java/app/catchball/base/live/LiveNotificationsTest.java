package app.catchball.base.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.catchball.CatchballThreadChanged;
import app.catchball.catchball.Move;
import app.catchball.metrics.CountermeasureChanged;
import app.catchball.metrics.MetricChanged;
import app.catchball.planning.PlanChanged;
import app.catchball.projects.ProjectChanged;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NOTIFY payload: every event screens listen to travels as small JSON and comes back the same; nothing else is taken. */
class LiveNotificationsTest {

    @Test
    void every_live_event_comes_back_from_its_payload_with_the_sending_node() {
        List<LiveEvent> events = List.of(
                new PlanChanged(7, null, 42, "chief.exec", "Sarah Okafor"),
                new MetricChanged(7, 1L, 43, "ward7.nurse", "Grace Mensah"),
                new CountermeasureChanged(7, 1L, 43, 5, "ward7.nurse", "Grace Mensah"),
                new ProjectChanged(9, null, 44, "coach", "Alex Morgan"),
                new CatchballThreadChanged(3, 1L, 45, 7, 0, Move.AGREE, "acute.lead", "Priya Nair — “Acute” lead"));
        for (LiveEvent event : events) {
            String payload = LiveNotifications.payload(event, "node-a");
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).as(payload).isLessThan(300);
            assertThat(LiveNotifications.read(payload)).hasValueSatisfying(r -> {
                assertThat(r.node()).isEqualTo("node-a");
                assertThat(r.event()).isEqualTo(event);
            });
        }
        assertThat(LiveNotifications.payload(events.getFirst(), "n"))
                .isEqualTo("{\"type\":\"planning.PlanChanged\",\"node\":\"n\",\"unitId\":7,\"cycleId\":null,\"id\":42,"
                        + "\"actor\":\"chief.exec\",\"byName\":\"Sarah Okafor\"}");
    }

    @Test
    void a_payload_that_is_not_one_of_our_live_events_is_ignored() {
        assertThat(LiveNotifications.read("{\"type\":\"base.live.LiveListener\",\"node\":\"x\"}")).isEmpty();
        assertThat(LiveNotifications.read("{\"type\":\"no.Such\",\"node\":\"x\"}")).isEmpty();
        assertThat(LiveNotifications.read("not json")).isEmpty();
    }
}
