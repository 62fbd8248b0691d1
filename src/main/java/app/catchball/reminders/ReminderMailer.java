package app.catchball.reminders;

import app.catchball.base.Formats;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails each person one digest of their new reminders when SMTP is configured ({@code spring.mail.host};
 * without it there is no mail sender and reminders stay in the app). Runs after the job's transaction
 * has committed, on a task thread, never on a user's request, through Spring Modulith's event
 * publication registry (table {@code event_publication}): a digest not yet sent when the node stops, or
 * refused by the mail server, is sent again after a restart or by the hourly clean-up. The reminders stay
 * recorded (and in the app) whatever happens to the mail.
 */
@Component
class ReminderMailer {

    private static final Logger log = LoggerFactory.getLogger(ReminderMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final ReminderQueries queries;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    ReminderMailer(ObjectProvider<JavaMailSender> mailSender, ReminderQueries queries, Clock clock,
                   @Value("${catchball.mail.from:catchball@localhost}") String from,
                   @Value("${catchball.base-url:http://localhost:8080}") String baseUrl) {
        this.mailSender = mailSender;
        this.queries = queries;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void onRecorded(RemindersRecorded event) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || event.reminderIds().isEmpty()) {
            return;
        }
        List<ReminderQueries.MailRow> rows = queries.digest(event.userId(), event.reminderIds());
        if (rows.isEmpty()) {
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(rows.getFirst().email());
        mail.setSubject("Catchball reminders: " + rows.size() + (rows.size() == 1 ? " thing is" : " things are") + " waiting on you");
        StringBuilder text = new StringBuilder("Dear " + rows.getFirst().displayName() + ",\n\nThis is waiting on you:\n\n");
        for (ReminderQueries.MailRow row : rows) {
            text.append("- ").append(row.text()).append(" (due ").append(Formats.DAY.format(row.dueDate())).append(")\n");
            if (row.link() != null) {
                text.append("  ").append(baseUrl).append('/').append(row.link()).append('\n');
            }
        }
        text.append("\nAll your reminders: ").append(baseUrl).append("/reminders\n");
        mail.setText(text.toString());
        try {
            sender.send(mail);
            queries.markEmailed(event.reminderIds(), clock.instant());
        } catch (MailException e) {
            log.warn("Could not e-mail {} their {} reminders, will try again: {}", rows.getFirst().email(), rows.size(),
                    e.getMessage());
            throw e;
        }
    }
}
