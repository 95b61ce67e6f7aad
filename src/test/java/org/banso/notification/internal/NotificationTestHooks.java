package org.banso.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.IdentityManagement;
import org.banso.information.DesignationId;
import org.banso.information.InformationEvents;
import org.banso.information.Marking;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the notification tests call directly: the scheduled jobs (instead of waiting for their schedule), the header's
 * count, and one event of the information module published as its release job does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationTestHooks {

    private final Reminders reminders;
    private final Digests digests;
    private final MailSending sending;
    private final MyWork work;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationTestHooks(Reminders reminders, Digests digests, MailSending sending, MyWork work,
                          IdentityManagement identity, ApplicationEventPublisher events,
                          PlatformTransactionManager transactions, JdbcClient jdbc, Clock clock) {
        this.reminders = reminders;
        this.digests = digests;
        this.sending = sending;
        this.work = work;
        this.identity = identity;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int remind() {
        return reminders.remind();
    }

    public int writeDigests() {
        return digests.writeDigests();
    }

    public int sendDue() {
        return sending.sendDue();
    }

    /** The header's count for the person, as the layout asks it. */
    public int waitingCount(String username) {
        var user = identity.userByUsername(username).orElseThrow().asPrincipal();
        return work.waitingCount(new UsernamePasswordAuthenticationToken(user, null, List.of()));
    }

    /** A designation of the council released, as the information module's release job announces it (R16). */
    public void designationReleased(String council) {
        transaction.executeWithoutResult(s -> events.publishEvent(new InformationEvents.DesignationReleased(
                new DesignationId(UUID.randomUUID()), new CouncilId(UUID.fromString(council)), List.of(),
                Marking.PUBLIC, clock.instant(), clock.instant())));
    }

    /** Invitation mails of the council's invitations (they belong to no notification: the invitee has no account). */
    public List<String> invitationMailKeys(String council) {
        return jdbc.sql("select 'invitation:' || id from council_invitation where council_id = :c")
                .param("c", UUID.fromString(council)).query(String.class).list();
    }
}
