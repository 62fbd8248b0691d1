package app.catchball.catchball;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.catchball.CatchballApplication;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.Proposal;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mail after a commit survives the node: a node that dies while the mail server has not yet taken
 * the mail leaves the step committed and the mail owed, and the next start on the same database
 * sends it. Two real application contexts on the test database, one after the other; the mail
 * server is a real SMTP server (GreenMail).
 */
@SpringTest
class DurableMailTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Test
    void a_mail_not_yet_sent_when_the_node_dies_is_sent_after_the_restart() throws Exception {
        String title = "Durable mail " + System.nanoTime();
        Fixtures.Levels levels = fixtures.levels("Durable mail");
        Fixtures.Ward division = levels.division();
        Fixtures.Ward directorate = levels.directorate();
        try (ServerSocket stalledMailServer = new ServerSocket(0)) {
            // A mail server that takes the connection and never answers: the send is under way.
            ConfigurableApplicationContext node = start(stalledMailServer.getLocalPort());
            try {
                CatchballService catchball = node.getBean(CatchballService.class);
                ItemView item = fixtures.item(division, ItemKind.PRIORITY, title);
                SystemUser.runAs(division.lead(), () -> catchball.proposeDown(item.id(), List.of(directorate.id()),
                        new Proposal(title, "95 %", LocalDate.of(2027, 3, 31), "Why it matters", null), "Over to you"));
                stalledMailServer.setSoTimeout(30_000);
                try (Socket sending = stalledMailServer.accept()) {
                    assertThat(owed(title)).as("committed, mail owed").isEqualTo(1);
                    node.close();
                }
            } finally {
                node.close();
            }
        }
        assertThat(mailServer.getReceivedMessages()).isEmpty();
        assertThat(owed(title)).as("still owed after the node died").isEqualTo(1);

        try (ConfigurableApplicationContext restarted = start(mailServer.getSmtp().getPort())) {
            // Other mail owed in the shared database (a reminder digest) may come too: find this step's.
            String subject = "Catchball: Lead of " + division.name() + " proposed “" + title + "”";
            await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(mailServer.getReceivedMessages())
                    .anyMatch(m -> subject.equals(subjectOf(m))));
            MimeMessage mail = Arrays.stream(mailServer.getReceivedMessages()).filter(m -> subject.equals(subjectOf(m)))
                    .findFirst().orElseThrow();
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(directorate.lead() + "@fixtures.test");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(owed(title)).as("completed once sent").isZero());
        }
    }

    private int owed(String title) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like :t")
                .param("t", "%" + title + "%").query(Integer.class).single();
    }

    /** A node on the test database (no demo seeding, no scheduled clean-up), mailing through the given SMTP port. */
    private ConfigurableApplicationContext start(int smtpPort) throws SQLException {
        HikariDataSource db = dataSource.unwrap(HikariDataSource.class);
        return new SpringApplicationBuilder(CatchballApplication.class).run(
                "--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + db.getPassword(),
                "--catchball.demo.enabled=false",
                "--catchball.jobs.clean-up.cron=-",
                "--server.port=0",
                "--management.server.port=0",
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + smtpPort,
                // A node that dies does not wait for its mail: give up on the stalled send at once.
                "--spring.task.execution.shutdown.await-termination-period=1s",
                "--spring.main.banner-mode=off");
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }
}
