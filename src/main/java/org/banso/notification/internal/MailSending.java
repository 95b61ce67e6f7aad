package org.banso.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.banso.notification.internal.MailOutbox.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox, after the transactions that wrote it committed. One scheduled method, idempotent,
 * with all its state in the database, so that a cluster lock can wrap it (and {@code for update skip locked} keeps two
 * senders apart anyway).
 * <p>
 * <b>At most once.</b> A mail is claimed (SENDING, committed) before the server is contacted and recorded SENT after
 * the server accepted it. A failure before acceptance puts it back to PENDING with back-off: the server did not take
 * responsibility for it (RFC 5321 §4.1.1.4: responsibility passes with the reply to the end of DATA). If the process
 * dies in the milliseconds between the server's acceptance and the update, the row stays SENDING; after the lease it
 * becomes UNCERTAIN and is not sent again by itself, because a second copy is worse than a question to an
 * administrator, who sees it on the outbox page and may send it again. Every copy carries the same Message-ID
 * ({@code <mail id@banso>}), so a receiving system that removes duplicates by Message-ID would drop a resent one.
 * Without a mail host ({@code spring.mail.host} unset) nothing is sent: mails are written LOCAL for the outbox page.
 */
@Component
class MailSending {

    private static final Logger log = LoggerFactory.getLogger(MailSending.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final MailOutbox outbox;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailSending(ObjectProvider<JavaMailSender> senders, MailOutbox outbox, NotificationProperties properties,
                PlatformTransactionManager transactions, Clock clock) {
        this.senders = senders;
        this.outbox = outbox;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether mails go to a server; otherwise they are kept LOCAL for the outbox page. */
    boolean hasMailServer() {
        return senders.getIfAvailable() != null;
    }

    /**
     * The scheduled run, on one node of a cluster at a time (#19), so that two nodes never talk to the mail server for
     * the same batch; the lock is on this void entry point for the reason given in Reminders.
     */
    @Scheduled(fixedDelayString = "${banso.notification.send-interval:5s}", initialDelayString = "2s")
    @SchedulerLock(name = "notification-mail-sending", lockAtMostFor = "10m")
    void scheduled() {
        sendDue();
    }

    /** Sends the due mails; answers how many the server accepted in this run. */
    public int sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Instant now = clock.instant();
        Integer abandoned = transaction.execute(s -> outbox.markAbandonedUncertain(
                now.minus(properties.sendingLease())));
        if (abandoned != null && abandoned > 0) {
            log.warn("{} mail(s) were claimed by a sender that stopped before recording them; marked UNCERTAIN "
                    + "(not sent again by themselves, see the outbox page)", abandoned);
        }
        List<OutgoingMail> due = transaction.execute(s -> outbox.claimDue(now, properties.sendBatchSize()));
        int accepted = 0;
        for (OutgoingMail mail : due == null ? List.<OutgoingMail>of() : due) {
            try {
                sender.send(message(sender, mail));
            } catch (MailException | MessagingException e) {
                boolean giveUp = mail.attempts() >= properties.maxAttempts();
                Duration wait = backOff(mail.attempts());
                transaction.executeWithoutResult(s -> outbox.failed(mail.id(), describe(e), giveUp, wait,
                        clock.instant()));
                // the address is personal data and the body never goes to the log; the id finds the row
                log.info("Mail {} not accepted (attempt {}): {}{}", mail.id(), mail.attempts(), describe(e),
                        giveUp ? "; giving up" : "; next attempt in " + wait);
                continue;
            }
            transaction.executeWithoutResult(s -> outbox.sent(mail.id(), clock.instant()));
            accepted++;
        }
        return accepted;
    }

    /** The wait after the n-th failed attempt: initial × 2^(n−1), at most the configured maximum. */
    Duration backOff(int attempts) {
        Duration wait = properties.retryInitial();
        for (int i = 1; i < attempts && wait.compareTo(properties.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
    }

    private MimeMessage message(JavaMailSender sender, OutgoingMail mail) throws MessagingException {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
        MimeMessage message = new StableIdMessage(session, "<" + mail.id() + "@banso>");
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.calendar() != null,
                StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mailFrom());
        helper.setTo(mail.address());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        if (mail.calendar() != null) {
            String method = mail.calendar().contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST";
            helper.addAttachment("meeting.ics", new ByteArrayResource(
                    mail.calendar().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=" + method);
        }
        message.setSentDate(java.util.Date.from(clock.instant()));
        return message;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Keeps one Message-ID for every copy of a mail (JavaMail would make a new one on each save). */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
