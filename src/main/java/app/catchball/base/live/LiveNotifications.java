package app.catchball.base.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends every {@link LiveEvent} to the other nodes with PostgreSQL's {@code NOTIFY} on one channel,
 * {@value #CHANNEL}. The notifications are issued inside the changing transaction, all of them in
 * one statement just before it commits, so PostgreSQL delivers them when, and only when, that
 * transaction commits (the database is the only broker).
 * The payload is small JSON: the type, the event's components (unit, cycle, id, who) and the
 * sending node, e.g. {@code {"type":"planning.PlanChanged","node":"1f2e3d4c","unitId":7,"cycleId":1,
 * "id":42,"actor":"ward7.manager","byName":"Sam Okafor"}}.
 */
@Component
public class LiveNotifications {

    /** The one channel every node listens on. */
    public static final String CHANNEL = "catchball_live";

    private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String PACKAGE = "app.catchball.";
    /** PostgreSQL refuses payloads from 8,000 bytes. */
    private static final int MAX_PAYLOAD = 7_900;

    private final JdbcClient jdbc;
    private final String nodeId;

    LiveNotifications(JdbcClient jdbc, LiveBroadcaster broadcaster) {
        this.jdbc = jdbc;
        this.nodeId = broadcaster.nodeId();
    }

    /**
     * Collects the transaction's events and sends them all in one statement just before it commits
     * (outside a transaction, at once).
     */
    @EventListener
    void published(LiveEvent event) {
        String payload = payload(event, nodeId);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            log.warn("A live event is too large to send to other nodes: {}", event.getClass().getSimpleName());
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(List.of(payload));
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> pending = (List<String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<String> payloads = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, payloads);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    send(payloads);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LiveNotifications.this);
                }
            });
            pending = payloads;
        }
        pending.add(payload);
    }

    private void send(List<String> payloads) {
        jdbc.sql("select pg_notify(:channel, p) from unnest(cast(:payloads as text[])) p").param("channel", CHANNEL)
                .param("payloads", payloads.toArray(String[]::new)).query((rs, n) -> 1).list();
    }

    static String payload(LiveEvent event, String node) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", event.getClass().getName().substring(PACKAGE.length()));
        json.put("node", node);
        json.setAll((ObjectNode) JSON.valueToTree(event));
        return JSON.writeValueAsString(json);
    }

    /** A received notification: the sending node and the event, when the payload is one of ours. */
    record Received(String node, LiveEvent event) {
    }

    /** Reads a payload; anything that is not a {@link LiveEvent} record of this application is ignored. */
    static Optional<Received> read(String payload) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(payload);
            String type = json.path("type").asString();
            String node = json.path("node").asString();
            json.remove("type");
            json.remove("node");
            Class<?> c = ClassUtils.forName(PACKAGE + type, LiveNotifications.class.getClassLoader());
            if (!c.isRecord() || !LiveEvent.class.isAssignableFrom(c)) {
                return Optional.empty();
            }
            return Optional.of(new Received(node, (LiveEvent) JSON.treeToValue(json, c)));
        } catch (JacksonException | ClassNotFoundException | LinkageError | ClassCastException e) {
            log.warn("Ignored a notification on {} that is not a live event: {}", CHANNEL, e.toString());
            return Optional.empty();
        }
    }
}
