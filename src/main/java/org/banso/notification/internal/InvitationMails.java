package org.banso.notification.internal;

import java.time.Clock;

import org.banso.council.InvitationDelivery;
import org.banso.identity.IdentityManagement;
import org.banso.notification.internal.MailComposer.Mail;
import org.springframework.stereotype.Component;

/**
 * Sends a named invitation's link by e-mail (R13, issue 16), written to the outbox inside the transaction that issues
 * the invitation. The invitee takes part in nothing yet, so the mail does not name the council: only the kind, the
 * expiry and the link. It is written in the language the holder of the address chose in their settings when they have
 * an account (the award's invitees always do), otherwise in the invitation's language (the inviting officer's page
 * language for an award's invitations, the form's field for a named one).
 */
@Component
class InvitationMails implements InvitationDelivery {

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailSending sending;
    private final Clock clock;
    private final IdentityManagement identity;
    private final NotificationStore store;

    InvitationMails(MailOutbox outbox, MailComposer composer, MailSending sending, Clock clock,
                    IdentityManagement identity, NotificationStore store) {
        this.identity = identity;
        this.store = store;
        this.outbox = outbox;
        this.composer = composer;
        this.sending = sending;
        this.clock = clock;
    }

    @Override
    public void deliver(NamedInvitationIssued invitation) {
        String given = invitation.invitee().language() == null ? "ja" : invitation.invitee().language();
        String language = identity.userByEmail(invitation.invitee().email())
                .flatMap(holder -> store.chosenLanguage(holder.id())).orElse(given);
        Mail mail = composer.invitation(invitation.expiresAt(), invitation.acceptPath(), language);
        outbox.write("invitation:" + invitation.id().value(), null, null, invitation.invitee().email(), language,
                mail.subject(), mail.body(), null, !sending.hasMailServer(), clock.instant());
    }
}
