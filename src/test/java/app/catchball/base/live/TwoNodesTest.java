package app.catchball.base.live;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.catchball.CatchballApplication;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanChanged;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.planning.ui.XMatrixElement;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two application nodes on one PostgreSQL: this test's context (node A, with the demo trust) and a
 * second one started here on A's database (node B: no embedded database, no migrations, no demo
 * data, its own random port), kept for the whole class. Changes made through A's services reach a
 * screen open on B through LISTEN/NOTIFY, also after B's listening connection was killed.
 */
class TwoNodesTest extends KaribuTest {

    private static ConfigurableApplicationContext nodeB;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiveBroadcaster broadcasterA;
    @Autowired
    PlanFixture fixture;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PlanningService planning;

    @BeforeEach
    void startNodeB() throws Exception {
        if (nodeB == null) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            nodeB = new SpringApplicationBuilder(CatchballApplication.class).run("--spring.profiles.active=test",
                    "--server.port=0", "--vaadin.launch-browser=false", "--spring.flyway.enabled=false",
                    "--spring.datasource.url=" + pool.getJdbcUrl(), "--spring.datasource.username=" + pool.getUsername(),
                    "--spring.datasource.password=" + pool.getPassword(), "--spring.datasource.hikari.maximum-pool-size=3",
                    "--catchball.live.max-backoff=200ms");
            // Starting B made its security holder the JVM's; this test's services run on A's (see SecurityContextStrategyListener).
            SecurityContextHolder.setContextHolderStrategy(context.getBean(SecurityContextHolderStrategy.class));
        }
        awaitListening(nodeB.getBean(LiveListener.class));
        awaitListening(context.getBean(LiveListener.class));
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    /** The class's own ward, whose X-matrix node B shows and node A changes. */
    private Fixtures.Ward ward() {
        return fixtures.wardOf(TwoNodesTest.class, "Two-node ward");
    }

    private ItemView createOnA(String title) {
        return SystemUser.runAs(ward().lead(), () -> planning.createItem(ward().id(), fixture.cycle(), ItemKind.PRIORITY,
                ItemDraft.titled(title)));
    }

    /** Opens the ward's X-matrix in a browserless UI on node B and returns it. */
    private XMatrixElement xMatrixOnB() {
        MockVaadin.tearDown();
        openVaadinOn(nodeB);
        login("viewer");
        UI.getCurrent().navigate("x-matrix", QueryParameters.fromString("unit=" + ward().code() + "&cycle=" + fixture.cycle()));
        return _get(XMatrixElement.class);
    }

    private static List<String> labels(XMatrixElement matrix) {
        return matrix.getElement().getPropertyBean("model", XMatrixElement.Model.class).sides().values().stream()
                .flatMap(List::stream).map(XMatrixElement.Item::label).toList();
    }

    @Test
    void a_change_made_on_node_a_reaches_an_x_matrix_open_on_node_b_within_2_seconds() {
        XMatrixElement matrix = xMatrixOnB();

        ItemView item = createOnA("Same-day emergency care seven days a week");

        within2s(() -> assertThat(labels(matrix)).anyMatch(l -> l.contains("Same-day emergency care seven days a week")));
        SystemUser.runAs(ward().lead(), () -> planning.archiveItem(item.id(), planning.item(item.id()).version()));
    }

    @Test
    void after_node_bs_listening_connection_is_killed_it_reconnects_and_changes_still_arrive() {
        LiveListener listenerB = nodeB.getBean(LiveListener.class);
        XMatrixElement matrix = xMatrixOnB();

        List<Boolean> killed = jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = :name")
                .param("name", listenerB.connectionName()).query(Boolean.class).list();
        assertThat(killed).containsExactly(true);
        ItemView item = createOnA("Frailty team at the front door");

        within2s(() -> assertThat(labels(matrix)).anyMatch(l -> l.contains("Frailty team at the front door")));
        awaitListening(listenerB);
        ItemView next = createOnA("Ambulatory emergency care until midnight");
        within2s(() -> assertThat(labels(matrix)).anyMatch(l -> l.contains("Ambulatory emergency care until midnight")));
        SystemUser.runAs(ward().lead(), () -> {
            planning.archiveItem(item.id(), planning.item(item.id()).version());
            planning.archiveItem(next.id(), planning.item(next.id()).version());
        });
    }

    @Test
    void a_node_ignores_its_own_notifications_and_20_changes_cross_quickly() throws Exception {
        LiveBroadcaster broadcasterB = nodeB.getBean(LiveBroadcaster.class);
        AtomicInteger seenOnA = new AtomicInteger();
        List<Long> millis = new ArrayList<>();
        try (AutoCloseable onA = broadcasterA.subscribe(c -> c.event() instanceof PlanChanged p && p.unitId() == ward().id(),
                batch -> seenOnA.addAndGet(batch.size()))) {
            // Only the new item's own change counts: its id is above every id made before (archiving one is not).
            long[] newerThan = {jdbc.sql("select max(id) from plan_item").query(Long.class).single()};
            for (int i = 0; i < 20; i++) {
                BlockingQueue<Long> arrived = new LinkedBlockingQueue<>();
                String title = "Cross-node change " + i;
                long floor = newerThan[0];
                // A fresh subscription per change, so that the 500 ms coalescing of one screen does not delay the next.
                try (AutoCloseable onB = broadcasterB.subscribe(c -> c.event() instanceof PlanChanged p && p.id() > floor,
                        batch -> arrived.add(System.nanoTime()))) {
                    long start = System.nanoTime();
                    ItemView item = createOnA(title);
                    Long at = arrived.poll(2, TimeUnit.SECONDS);
                    assertThat(at).as("change %s reached node B within 2 s", i).isNotNull();
                    millis.add(TimeUnit.NANOSECONDS.toMillis(at - start));
                    newerThan[0] = item.id();
                    SystemUser.runAs(ward().lead(), () -> planning.archiveItem(item.id(), planning.item(item.id()).version()));
                }
            }
            // Node A's own subscriber hears its 40 changes once its coalescing window has passed.
            await().atMost(5, TimeUnit.SECONDS).until(() -> seenOnA.get() >= 40);
        }
        Collections.sort(millis);
        // From the call to node A's service (including its commit) to the change reaching node B's subscriber.
        System.out.println("LIVE cross-node median " + (millis.get(9) + millis.get(10)) / 2 + " ms max " + millis.getLast() + " ms");
        assertThat(seenOnA.get()).as("changes node A saw of its own 40 (20 added, 20 archived), each once").isEqualTo(40);
    }

    private static void awaitListening(LiveListener listener) {
        await().alias("listening again within 10 s").atMost(10, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS)
                .until(listener::listening);
    }
}
