package org.banso.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.notification.Outbox;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox for administrators; the role is checked here, not only in the controllers. */
@Service
class OutboxService implements Outbox {

    private final MailOutbox outbox;
    private final MailSending sending;
    private final Clock clock;

    OutboxService(MailOutbox outbox, MailSending sending, Clock clock) {
        this.outbox = outbox;
        this.sending = sending;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MailView> mails(BansoUser admin, int page) {
        requireAdmin(admin);
        if (page < 0) {
            throw BansoException.invalid("page", "must be 0 or more");
        }
        return outbox.page(page, PAGE_SIZE).stream().map(m -> new MailView(m.id(), m.address(), m.language(),
                m.subject(), m.body(), m.calendar() != null, m.state().name(), m.attempts(), m.nextAttemptAt(),
                m.lastError(), m.createdAt(), m.sentAt())).toList();
    }

    @Override
    public boolean sendsMail() {
        return sending.hasMailServer();
    }

    @Override
    @Transactional
    public void retry(UUID mail, BansoUser admin) {
        requireAdmin(admin);
        if (!outbox.retry(mail, clock.instant())) {
            throw new BansoException(ProblemCode.CONFLICT, "Only an uncertain or failed mail is sent again.");
        }
    }

    private static void requireAdmin(BansoUser user) {
        if (user == null || !user.hasRole(Role.ADMIN)) {
            throw BansoException.notFound("The outbox");
        }
    }
}
