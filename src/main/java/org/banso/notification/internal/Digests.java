package org.banso.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.notification.internal.MailComposer.Line;
import org.banso.notification.internal.MailComposer.Mail;
import org.banso.notification.internal.NotificationStore.Stored;
import org.banso.web.DateFormats;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest: once a week (Monday 8:00 Japan time by default) each person with notifications of kinds they
 * chose to receive as a digest gets one e-mail listing them — the kind, the council's name for members, the deadline,
 * a link. One scheduled method, idempotent (a person's entries are taken once, and the digest mail's key is the
 * person and the ISO week), so that a cluster lock can wrap it.
 */
@Component
class Digests {

    private final NotificationStore store;
    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailSending sending;
    private final IdentityManagement identity;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Digests(NotificationStore store, MailOutbox outbox, MailComposer composer, MailSending sending,
            IdentityManagement identity, NotificationProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.composer = composer;
        this.sending = sending;
        this.identity = identity;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Every hour, on one node of a cluster at a time (#19); the lock is here for the reason given in Reminders. */
    @Scheduled(cron = "0 5 * * * *")
    @SchedulerLock(name = "notification-digests", lockAtMostFor = "30m")
    void scheduled() {
        sendIfDue();
    }

    /** On the digest day at or after the digest hour, writes this week's digests. */
    public int sendIfDue() {
        ZonedDateTime now = clock.instant().atZone(DateFormats.JAPAN);
        if (now.getDayOfWeek() != properties.digestDay() || now.getHour() < properties.digestHour()) {
            return 0;
        }
        return writeDigests();
    }

    /** Writes one digest mail per person with waiting entries; answers how many. */
    int writeDigests() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(DateFormats.JAPAN);
        String week = local.get(IsoFields.WEEK_BASED_YEAR) + "-W" + local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        int written = 0;
        for (UserId person : store.digestRecipients()) {
            Boolean done = transaction.execute(s -> digest(person, week, now));
            written += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return written;
    }

    private boolean digest(UserId person, String week, Instant now) {
        List<UUID> taken = store.takeDigest(person, now);
        if (taken.isEmpty()) {
            return false;
        }
        UserView user = identity.user(person).filter(UserView::enabled).orElse(null);
        if (user == null || user.email() == null) {
            return false;
        }
        String language = store.language(person);
        List<Line> lines = store.byIds(taken).stream().map((Stored n) -> new Line(n.kind(),
                composer.councilNameFor(n.council(), person), n.deadline(),
                properties.link("/notifications/" + n.id() + "/open"))).toList();
        Mail mail = composer.digest(lines, language);
        return outbox.write("digest:" + person.value() + ":" + week + ":" + taken.get(0), null, person.value(),
                user.email(), language, mail.subject(), mail.body(), null, !sending.hasMailServer(), now);
    }
}
