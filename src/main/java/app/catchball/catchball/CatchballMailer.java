package app.catchball.catchball;

import app.catchball.security.PermissionService;
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
 * E-mails the Leads of the side a thread now waits on, when SMTP is configured
 * ({@code spring.mail.host}). Without SMTP there is no mail sender and nothing happens.
 * <p>
 * Durable: the step's commit also records the event in the event publication registry (table
 * {@code event_publication}); the mail goes out afterwards on another thread, and the record is
 * completed only once the mail server has taken it. A failing mail server never undoes the step:
 * the mail is logged as not sent and tried again later (after a restart, or by the clean-up job),
 * so it is sent at least once, and never lost to a crash between the commit and the send.
 */
@Component
class CatchballMailer {

    private static final Logger log = LoggerFactory.getLogger(CatchballMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final PermissionService permissions;
    private final String from;
    private final String baseUrl;

    CatchballMailer(ObjectProvider<JavaMailSender> mailSender, PermissionService permissions,
                    @Value("${catchball.mail.from:catchball@localhost}") String from,
                    @Value("${catchball.base-url:http://localhost:8080}") String baseUrl) {
        this.mailSender = mailSender;
        this.permissions = permissions;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void onMoved(CatchballMoved event) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || event.waitingOn() == null) {
            return;
        }
        List<String> to = permissions.leadEmails(event.waitingOnUnitId());
        if (to.isEmpty()) {
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to.toArray(String[]::new));
        mail.setSubject("Catchball: " + event.summary());
        mail.setText(event.summary() + ". It is now " + event.waitingOnUnitName() + "'s turn.\n\n"
                + "Open the thread: " + baseUrl + "/catchball/thread/" + event.linkId() + "\n");
        try {
            sender.send(mail);
        } catch (MailException e) {
            log.warn("Could not e-mail {} about catchball thread {} (tried again later): {}", to, event.linkId(), e.getMessage());
            throw e;
        }
    }
}
