package org.banso.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.banso.identity.IdentityManagement;
import org.banso.identity.UserView;
import org.banso.notification.EmailMode;
import org.banso.notification.internal.MailComposer.Mail;
import org.banso.notification.internal.NotificationStore.Stored;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a notification and, in the same transaction, its e-mail in the outbox (or its digest entry), according to the
 * recipient's settings. Idempotent by the note's key: the same note twice makes nothing the second time.
 */
@Service
class Notifying {

    private final NotificationStore store;
    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailSending sending;
    private final IdentityManagement identity;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifying(NotificationStore store, MailOutbox outbox, MailComposer composer, MailSending sending,
              IdentityManagement identity, NotificationProperties properties, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.composer = composer;
        this.sending = sending;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
    }

    /** Answers the notification when it was new (nothing is made for a key already used). */
    @Transactional(propagation = Propagation.REQUIRED)
    public Optional<Stored> notify(Note note) {
        Instant now = clock.instant();
        Optional<Stored> made = store.insertIfNew(note, now);
        made.ifPresent(n -> {
            EmailMode mode = store.mode(n.recipient(), n.kind());
            if (mode == EmailMode.OFF && !n.kind().asksForAnswer()) {
                return;
            }
            if (mode == EmailMode.DIGEST || mode == EmailMode.OFF) {
                store.queueForDigest(n);
                return;
            }
            identity.user(n.recipient()).filter(UserView::enabled).filter(u -> hasAddress(u))
                    .ifPresent(user -> mail(n, note, user, now));
        });
        return made;
    }

    private void mail(Stored n, Note note, UserView user, Instant now) {
        String language = store.language(user.id());
        String councilName = composer.councilNameFor(n.council(), user.id());
        // the e-mail's link passes through the notification, which marks it read and leads to the page
        String path = "/notifications/" + n.id() + "/open";
        Mail mail = composer.compose(n.kind(), councilName, n.deadline(), path, language);
        String calendar = note.meeting() == null ? null : MeetingInvitations.of(note.meeting(),
                composer.label(n.kind(), language) + (councilName == null ? "" : " — " + councilName),
                properties.link(n.path()), properties.mailFrom(), now);
        outbox.write("notification:" + n.id() + ":" + user.id().value(), n.id(), user.id().value(), user.email(),
                language, mail.subject(), mail.body(), calendar, !sending.hasMailServer(), now);
    }

    private static boolean hasAddress(UserView user) {
        return user.email() != null && user.email().contains("@");
    }
}
