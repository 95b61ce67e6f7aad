package org.banso.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.banso.BansoApplication;
import org.banso.audit.internal.Sequencer;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An event is in the log if and only if its business transaction committed, also when the process dies by kill -9
 * in the middle of business transactions and of sequencing (R17). A child JVM registers organizations through the
 * real service on its own embedded PostgreSQL, with the sequencer running every 20 ms, and is killed; the restarted
 * application must hold exactly one OrganizationRegistered leaf per committed organization — none lost, none
 * phantom — and a log that verifies.
 */
class AuditCrashTest {

    @Test
    void afterAKillNineEveryCommittedRegistrationHasExactlyOneLeafAndNoOtherHasAny() throws Exception { // R17
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "audit-crash-");
        Process child = ChildJvm.of(BusyApplication.class, dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 180_000;
            while (!Files.readString(dir.resolve("child.log")).contains("READY") && child.isAlive()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(dir.resolve("child.log")))
                    .as("the child registered organizations (its log)").contains("READY");
            Thread.sleep(1500); // registrations and sequencing keep running…
            child.destroyForcibly().waitFor(); // …until SIGKILL: no shutdown hook, no rollback by the application
        } finally {
            child.destroyForcibly();
        }

        try (ConfigurableApplicationContext app = start(dir, "60s")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            app.getBean(Sequencer.class).sequenceNow();
            Set<String> committed = new HashSet<>(jdbc.queryForList(
                    "select id::text from identity_organization where name like 'crash-%'", String.class));
            List<String> logged = jdbc.queryForList("""
                    select convert_from(leaf, 'UTF8')::jsonb ->> 'organization' from audit_leaf
                    where kind = 'OrganizationRegistered'""", String.class);
            assertThat(committed).as("organizations committed before the kill").hasSizeGreaterThan(20);
            assertThat(logged).as("no entry twice").doesNotHaveDuplicates();
            assertThat(new HashSet<>(logged)).as("no lost and no phantom entry").isEqualTo(committed);
            assertThat(jdbc.queryForObject("select count(*) from audit_pending", Long.class)).isZero();
            BansoUser auditor = new BansoUser(new UserId(UUID.randomUUID()), "auditor", "Auditor",
                    new OrganizationId(UUID.randomUUID()), Set.of(Role.AUDITOR));
            VerificationReport report = app.getBean(AuditLog.class).verify(auditor);
            assertThat(report.ok()).as(report.message()).isTrue();
        }
    }

    static ConfigurableApplicationContext start(Path dir, String sequencerInterval) {
        return new SpringApplicationBuilder(BansoApplication.class).web(WebApplicationType.SERVLET).run(
                "--server.port=0",
                "--spring.datasource.url=",
                "--banso.embedded-postgres.data-directory=" + dir.resolve("postgres"),
                // what is killed is the application's JVM, not the database server, which the next start stops
                // cleanly: no fsync per commit (with it the child's migrations alone took 16 s on the busy machine);
                // EmbeddedPostgresDurabilityTest kills the server itself, on the default durable setting
                "--banso.embedded-postgres.durable=false",
                "--banso.keys.directory=" + dir.resolve("keys"),
                "--banso.identity.admin-password=crash-test-secret-1",
                "--banso.audit.sequencer-interval=" + sequencerInterval,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    /** Runs in the child JVM that the test kills with -9. */
    static final class BusyApplication {
        public static void main(String[] args) throws Exception {
            ConfigurableApplicationContext app = start(Path.of(args[0]), "20ms");
            IdentityManagement identity = app.getBean(IdentityManagement.class);
            BansoUser admin = new BansoUser(new UserId(UUID.randomUUID()), "admin", "Administrator",
                    new OrganizationId(UUID.randomUUID()), Set.of(Role.ADMIN));
            AtomicInteger done = new AtomicInteger();
            Runnable register = () -> {
                while (true) {
                    identity.registerOrganization(new IdentityManagement.NewOrganization(
                            "crash-" + UUID.randomUUID(), "Crash test", OrganizationKind.COMPANY, null), admin);
                    if (done.incrementAndGet() == 50) {
                        System.out.println("READY");
                        System.out.flush();
                    }
                }
            };
            for (int i = 0; i < 3; i++) {
                new Thread(register).start();
            }
            Thread.sleep(300_000);
        }
    }
}
