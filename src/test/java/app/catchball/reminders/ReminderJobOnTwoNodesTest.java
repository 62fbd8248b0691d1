package app.catchball.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.catchball.CatchballApplication;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database, each with SMTP configured (a real SMTP server, GreenMail):
 * the reminder job runs on both at once, then on both again, and every reminder is recorded once and
 * e-mailed once (one digest per person).
 */
class ReminderJobOnTwoNodesTest {

    private static GreenMail smtp;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startSmtpAndTwoNodes() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        String[] mail = {"spring.mail.host=localhost", "spring.mail.port=" + smtp.getSmtp().getPort(), "server.port=0"};
        // Node A starts the (throwaway) embedded PostgreSQL and seeds the demo trust.
        nodeA = new SpringApplicationBuilder(CatchballApplication.class).profiles("test")
                .properties(mail)
                .properties("catchball.embedded-postgres.data-dir=target/test-postgres/reminders-" + UUID.randomUUID())
                .run();
        HikariDataSource db = nodeA.getBean(DataSource.class).unwrap(HikariDataSource.class);
        // Node B is a second node on the same database (migrated already by node A).
        nodeB = new SpringApplicationBuilder(CatchballApplication.class).profiles("test")
                .properties(mail)
                .properties("spring.datasource.url=" + db.getJdbcUrl(), "spring.datasource.username=" + db.getUsername(),
                        "spring.datasource.password=" + db.getPassword(), "spring.flyway.enabled=false")
                .run();
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void the_job_on_two_nodes_records_and_mails_each_reminder_once() throws Exception {
        JdbcClient db = JdbcClient.create(nodeA.getBean(DataSource.class));
        ReminderJob jobA = nodeA.getBean(ReminderJob.class);
        ReminderJob jobB = nodeB.getBean(ReminderJob.class);
        assertThat(db.sql("select count(*) from reminder").query(Integer.class).single()).isZero();
        smtp.purgeEmailFromAllMailboxes();   // the demo's catchball mails, sent while seeding

        // Both nodes' schedulers fire at the same moment.
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> awaitThen(together, jobA::run));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> awaitThen(together, jobB::run));
        CompletableFuture.allOf(a, b).join();
        int recorded = db.sql("select count(*) from reminder").query(Integer.class).single();
        assertThat(recorded).isGreaterThan(3);
        awaitAllEmailed(db);

        // The next day's runs, one after the other: nothing new to record, so nothing more is sent.
        jobA.run();
        jobB.run();
        assertThat(db.sql("select count(*) from reminder").query(Integer.class).single()).isEqualTo(recorded);

        assertThat(db.sql("""
                        select r.kind from reminder r join app_user u on u.id = r.user_id
                        where u.username = 'ward7.manager' and r.resolved_at is null
                        """).query(String.class).list())
                .contains("VALUES", "COUNTERMEASURE", "CATCHBALL", "ACTION");

        record Sent(String email, String text) {
        }
        List<Sent> reminders = db.sql("select u.email, r.text from reminder r join app_user u on u.id = r.user_id")
                .query((rs, n) -> new Sent(rs.getString("email"), rs.getString("text"))).list();
        Map<String, String> bodies = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            assertThat(mail.getSubject()).startsWith("Catchball reminders: ");
            String to = mail.getAllRecipients()[0].toString();
            assertThat(bodies.put(to, (String) mail.getContent())).as("one digest for %s", to).isNull();
        }
        assertThat(bodies.keySet()).as("one digest per person with reminders")
                .containsExactlyInAnyOrderElementsOf(reminders.stream().map(Sent::email).distinct().toList());
        for (Sent reminder : reminders) {
            assertThat(occurrences(bodies.get(reminder.email()), reminder.text())).as("%s in the mail to %s", reminder.text(),
                    reminder.email()).isEqualTo(1);
        }
    }

    private static void awaitThen(CyclicBarrier barrier, Runnable work) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        work.run();
    }

    /** The mails go out after the commit, on a task thread: wait until every reminder says it was e-mailed. */
    private static void awaitAllEmailed(JdbcClient db) {
        await("all reminders e-mailed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.sql("select count(*) from reminder where emailed_at is null").query(Integer.class).single() == 0);
    }

    private static long occurrences(String haystack, String needle) {
        long n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
