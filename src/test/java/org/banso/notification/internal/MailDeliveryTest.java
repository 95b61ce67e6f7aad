package org.banso.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.banso.BansoApplication;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.notification.NotificationKind;
import org.banso.notification.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16: sending is durable. The application runs with a real SMTP server (GreenMail, loopback) on its own
 * embedded PostgreSQL, and is stopped and started again as an operator would. A mail written while the server is down
 * is retried with back-off, survives the restart and is delivered exactly once when the server is back; a mail whose
 * sender died between claiming it and recording the outcome is not sent a second time by itself (at most once), and
 * is sent when an administrator decides so. Issue 19: the sending, reminder and digest runs take the cluster's job
 * lock, so while another node holds it this node sends nothing.
 */
class MailDeliveryTest {

    private static final String NODE = "mail-node";

    private static Path dir;
    private int smtpPort;
    private GreenMail smtp;

    /**
     * One data directory for the class: the first start creates and migrates the database, later starts (each test's,
     * and the restart within a test) start the same PostgreSQL again, as an operator's restart does. Each test makes
     * and checks its own mail and job locks by id and name, and leaves every mail it made sent; a new database per
     * test cost each test another initdb and migration.
     */
    @BeforeAll
    static void directory() throws IOException {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "mail-delivery-");
    }

    @BeforeEach
    void port() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    @Test
    void aMailWrittenWhileTheServerIsDownIsRetriedSurvivesARestartAndIsDeliveredOnce() throws Exception {
        UUID mail;
        String address = "down-" + UUID.randomUUID() + "@example.jp";
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            mail = notifyNewPerson(app, address);
            waitFor("two refused attempts while the server is down", () -> attempts(jdbc, mail) >= 2);
            assertThat(state(jdbc, mail)).as("back to the queue after each refusal").isIn("PENDING", "SENDING");
            assertThat(jdbc.sql("select last_error from notification_mail where id = :id").param("id", mail)
                    .query(String.class).single()).as("the reason is kept for the outbox page").isNotBlank();
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();

        smtp.start();
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            waitFor("delivered after the restart", () -> smtp.getReceivedMessages().length >= 1);
            waitFor("recorded as sent", () -> "SENT".equals(state(jdbc, mail)));
            // many further runs of the sending job: nothing is sent again
            Thread.sleep(1500);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).as("exactly once").hasSize(1);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(address);
            assertThat(received[0].getMessageID()).isEqualTo("<" + mail + "@banso>");
            assertThat(received[0].getSubject()).as("Japanese by default")
                    .contains("協議会が設置されました");
        }
    }

    @Test
    void aMailWhoseSenderDiedBeforeRecordingIsNotSentAgainUntilAnAdministratorSaysSo() throws Exception {
        smtp.start();
        String address = "uncertain-" + UUID.randomUUID() + "@example.jp";
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            MailOutbox outbox = app.getBean(MailOutbox.class);
            // what a sender killed after the server's acceptance leaves behind: the mail claimed, never recorded
            UUID mail = UUID.randomUUID();
            Instant now = app.getBean(Clock.class).instant();
            app.getBean(TransactionTemplate.class).executeWithoutResult(
                    s -> {
                        outbox.write("test:" + mail, null, null, address, "ja", "件名", "本文", null, false, now);
                        jdbc.sql("""
                                update notification_mail set id = :id, state = 'SENDING', attempts = 1,
                                       sending_since = now() - interval '11 minutes'
                                where idempotency_key = :key""").param("id", mail).param("key", "test:" + mail)
                                .update();
                    });
            waitFor("marked uncertain after the lease", () -> "UNCERTAIN".equals(state(jdbc, mail)));
            Thread.sleep(1000);
            assertThat(smtp.getReceivedMessages()).as("at most once: not sent again by itself").isEmpty();

            BansoUser admin = new BansoUser(new UserId(UUID.randomUUID()), "admin", "Administrator",
                    new OrganizationId(UUID.randomUUID()), Set.of(Role.ADMIN));
            app.getBean(Outbox.class).retry(mail, admin);
            waitFor("sent on the administrator's decision", () -> smtp.getReceivedMessages().length == 1);
            waitFor("recorded as sent", () -> "SENT".equals(state(jdbc, mail)));
        }
    }

    @Test
    void whileAnotherNodeHoldsTheSendingJobsLockThisNodeSendsNothingAndSendsOnceItIsFree() throws Exception {
        smtp.start();
        String address = "locked-" + UUID.randomUUID() + "@example.jp";
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            holdAsAnotherNode(jdbc, "notification-mail-sending");
            // a run that was under way when the lock was taken over ends within this pause; its unlock, which does
            // not look at who holds the row, may have cleared the first take-over: take it again
            Thread.sleep(500);
            holdAsAnotherNode(jdbc, "notification-mail-sending");
            UUID mail = notifyNewPerson(app, address);

            Thread.sleep(1500); // fifteen runs of this node's 100 ms sending job
            assertThat(smtp.getReceivedMessages()).as("the other node sends, not this one").isEmpty();
            assertThat(attempts(jdbc, mail)).isZero();
            assertThat(state(jdbc, mail)).isEqualTo("PENDING");

            jdbc.sql("update shared_job_lock set lock_until = timezone('utc', now()) where name = :name")
                    .param("name", "notification-mail-sending").update();
            waitFor("sent once the lock is free", () -> smtp.getReceivedMessages().length == 1);
            waitFor("recorded as sent", () -> "SENT".equals(state(jdbc, mail)));
            assertThat(lockedBy(jdbc, "notification-mail-sending")).isEqualTo(NODE);
        }
    }

    @Test
    void theReminderAndDigestRunsTakeTheClustersJobLock() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            for (String job : new String[] {"notification-reminders", "notification-digests"}) {
                holdAsAnotherNode(jdbc, job);
            }
            app.getBean(Reminders.class).scheduled();
            app.getBean(Digests.class).scheduled();
            assertThat(lockedBy(jdbc, "notification-reminders")).as("held elsewhere: skipped")
                    .isEqualTo("node-elsewhere");
            assertThat(lockedBy(jdbc, "notification-digests")).isEqualTo("node-elsewhere");

            jdbc.sql("update shared_job_lock set lock_until = timezone('utc', now()) where locked_by = 'node-elsewhere'")
                    .update();
            app.getBean(Reminders.class).scheduled();
            app.getBean(Digests.class).scheduled();
            assertThat(lockedBy(jdbc, "notification-reminders")).isEqualTo(NODE);
            assertThat(lockedBy(jdbc, "notification-digests")).isEqualTo(NODE);
        }
    }

    /** What ShedLock on another node of the cluster leaves while it runs the job: the row, held for an hour. */
    private static void holdAsAnotherNode(JdbcClient jdbc, String job) {
        jdbc.sql("""
                        insert into shared_job_lock (name, lock_until, locked_at, locked_by)
                        values (:name, timezone('utc', now()) + interval '1 hour', timezone('utc', now()),
                                'node-elsewhere')
                        on conflict (name) do update set lock_until = excluded.lock_until,
                            locked_at = excluded.locked_at, locked_by = excluded.locked_by""")
                .param("name", job).update();
    }

    private static String lockedBy(JdbcClient jdbc, String job) {
        return jdbc.sql("select locked_by from shared_job_lock where name = :name").param("name", job)
                .query(String.class).single();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BansoApplication.class).web(WebApplicationType.SERVLET).run(
                "--server.port=0",
                "--spring.datasource.url=",
                "--banso.embedded-postgres.data-directory=" + dir.resolve("postgres"),
                // no fsync per commit: a clean stop and start is what this test restarts, not the machine
                // (EmbeddedPostgresDurabilityTest kills the server with its data on the default, durable setting)
                "--banso.embedded-postgres.durable=false",
                "--banso.keys.directory=" + dir.resolve("keys"),
                "--banso.search.index-directory=" + dir.resolve("index"),
                "--banso.information.content.blob-directory=" + dir.resolve("blobs"),
                "--banso.information.content.keystore=" + dir.resolve("keys/information-kek.p12"),
                "--banso.identity.admin-password=mail-test-secret-1",
                "--banso.cluster.node-name=" + NODE,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--spring.mail.properties.mail.smtp.timeout=2000",
                "--banso.notification.send-interval=100ms",
                "--banso.notification.retry-initial=100ms",
                "--banso.notification.retry-max=200ms",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    /** A new person with an address, and a notification for them through the module's one way of making one. */
    private static UUID notifyNewPerson(ConfigurableApplicationContext app, String address) {
        IdentityManagement identity = app.getBean(IdentityManagement.class);
        BansoUser admin = new BansoUser(new UserId(UUID.randomUUID()), "admin", "Administrator",
                new OrganizationId(UUID.randomUUID()), Set.of(Role.ADMIN));
        var organization = identity.registerOrganization(new IdentityManagement.NewOrganization(
                "メール試験大学-" + UUID.randomUUID(), "Mail test university", OrganizationKind.UNIVERSITY, null),
                admin);
        String username = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        var person = identity.createUser(new IdentityManagement.NewUser(username, "試験 太郎", address,
                organization.id(), Set.of(Role.RESEARCHER), "Qz7!" + UUID.randomUUID()), admin);
        var made = app.getBean(Notifying.class).notify(new Note(NotificationKind.COUNCIL_ESTABLISHED, person.id(),
                null, null, "/councils", null, "test:" + UUID.randomUUID(), null)).orElseThrow();
        return app.getBean(JdbcClient.class).sql("select id from notification_mail where notification_id = :n")
                .param("n", made.id()).query(UUID.class).single();
    }

    private static int attempts(JdbcClient jdbc, UUID mail) {
        return jdbc.sql("select attempts from notification_mail where id = :id").param("id", mail)
                .query(Integer.class).single();
    }

    private static String state(JdbcClient jdbc, UUID mail) {
        return jdbc.sql("select state from notification_mail where id = :id").param("id", mail)
                .query(String.class).single();
    }

    /** Waits, bounded, for what the background sending job does. */
    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
