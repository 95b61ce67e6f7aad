package org.banso.notification.internal;

import java.time.Clock;

import org.banso.council.InvitationDelivery;
import org.banso.notification.NotificationKind;
import org.banso.notification.internal.MailComposer.Mail;
import org.springframework.stereotype.Component;

/**
 * Sends a named invitation's link by e-mail (R13, issue 16), written to the outbox inside the transaction that issues
 * the invitation. The invitee takes part in nothing yet, so the mail does not name the council: only the kind, the
 * expiry and the link.
 */
@Component
class InvitationMails implements InvitationDelivery {

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailSending sending;
    private final Clock clock;

    InvitationMails(MailOutbox outbox, MailComposer composer, MailSending sending, Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.sending = sending;
        this.clock = clock;
    }

    @Override
    public void deliver(NamedInvitationIssued invitation) {
        String language = invitation.invitee().language() == null ? "ja" : invitation.invitee().language();
        Mail mail = composer.compose(NotificationKind.INVITATION, null, invitation.expiresAt(),
                invitation.acceptPath(), language);
        outbox.write("invitation:" + invitation.id().value(), null, null, invitation.invitee().email(), language,
                mail.subject(), mail.body(), null, !sending.hasMailServer(), clock.instant());
    }
}
