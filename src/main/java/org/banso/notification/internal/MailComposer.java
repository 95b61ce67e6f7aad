package org.banso.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMemberships;
import org.banso.council.Councils;
import org.banso.identity.UserId;
import org.banso.notification.NotificationKind;
import org.banso.web.DateFormats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mails, in the recipient's language. By construction a mail holds only the kind of event, the council's
 * name when the recipient is a member of one of its current participants (asked of {@link CouncilMemberships}, the
 * query every access decision in the council and information modules asks), the deadline and a link: no title, no
 * text, no person's name — the notification row holds nothing else to leak (issue 16, R12, R17).
 */
@Component
class MailComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(DateFormats.JAPAN);

    /** An e-mail's subject and plain-text body. */
    record Mail(String subject, String body) {
    }

    /** One line of a digest: the kind, the council (or null), the deadline (or null), the link. */
    record Line(NotificationKind kind, String councilName, Instant deadline, String link) {
    }

    private final MessageSource messages;
    private final CouncilMemberships memberships;
    private final Councils councils;
    private final NotificationProperties properties;

    MailComposer(MessageSource messages, CouncilMemberships memberships, Councils councils,
                 NotificationProperties properties) {
        this.messages = messages;
        this.memberships = memberships;
        this.councils = councils;
        this.properties = properties;
    }

    /** The council's name if the recipient is a member of one of its current participants now, else null. */
    String councilNameFor(CouncilId council, UserId recipient) {
        if (council == null || recipient == null || memberships.membership(council, recipient).isEmpty()) {
            return null;
        }
        return councils.summary(council).map(s -> s.name()).orElse(null);
    }

    Mail compose(NotificationKind kind, String councilName, Instant deadline, String path, String language) {
        Locale locale = Locale.forLanguageTag(language);
        String label = text("notification.kind." + kind.name(), locale);
        String subject = "[" + text("notification.mail.brand", locale) + "] " + label
                + (councilName == null ? "" : " — " + councilName);
        StringBuilder body = new StringBuilder();
        body.append(text("notification.mail." + kind.name(), locale)).append("\n\n");
        if (councilName != null) {
            body.append(text("notification.mail.council", locale, councilName)).append('\n');
        }
        if (deadline != null) {
            body.append(text("notification.mail.deadline", locale, when(deadline, locale))).append('\n');
        }
        body.append('\n').append(text("notification.mail.open", locale)).append('\n')
                .append(properties.link(path)).append("\n\n")
                .append(text("notification.mail.footer", locale, properties.link("/settings/notifications")))
                .append('\n');
        return new Mail(cut(subject, 300), body.toString());
    }

    /**
     * A named invitation (issue 16): the invitation's page, for registering, and beneath it a link that goes straight
     * to signing in and accepting for someone who already has an account, so that they reach the council's pledge in
     * as few steps as possible.
     */
    Mail invitation(Instant expiresAt, String acceptPath, String language) {
        Mail mail = compose(NotificationKind.INVITATION, null, expiresAt, acceptPath, language);
        Locale locale = Locale.forLanguageTag(language);
        String link = properties.link(acceptPath);
        String withSignIn = mail.body().replace(link + "\n", link + "\n\n"
                + text("notification.mail.invitation.signIn", locale) + "\n" + properties.link(acceptPath + "/login")
                + "\n");
        return new Mail(mail.subject(), withSignIn);
    }

    Mail digest(List<Line> lines, String language) {
        Locale locale = Locale.forLanguageTag(language);
        StringBuilder body = new StringBuilder(text("notification.digest.lead", locale, lines.size())).append("\n\n");
        for (Line line : lines) {
            body.append("- ").append(text("notification.kind." + line.kind().name(), locale));
            if (line.councilName() != null) {
                body.append(" — ").append(line.councilName());
            }
            if (line.deadline() != null) {
                body.append(" (").append(text("notification.mail.deadline", locale, when(line.deadline(), locale)))
                        .append(')');
            }
            body.append("\n  ").append(line.link()).append('\n');
        }
        body.append('\n').append(text("notification.mail.footer", locale,
                properties.link("/settings/notifications"))).append('\n');
        String subject = "[" + text("notification.mail.brand", locale) + "] "
                + text("notification.digest.subject", locale, lines.size());
        return new Mail(subject, body.toString());
    }

    String label(NotificationKind kind, String language) {
        return text("notification.kind." + kind.name(), Locale.forLanguageTag(language));
    }

    static String when(Instant instant, Locale locale) {
        return DateFormats.date(instant, locale) + " " + TIME.format(instant)
                + ("ja".equals(locale.getLanguage()) ? "（日本時間）" : " (Japan time)");
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
