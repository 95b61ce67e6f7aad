package org.banso.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.support.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * No acknowledged write is lost when both processes die by kill -9 in the middle of writing (issue #13). A child JVM
 * starts the embedded PostgreSQL with the default settings and commits rows from four threads, writing each row's id
 * to a file only once its commit returned; the test kills the postmaster, every backend and the JVM with SIGKILL,
 * starts the server again (crash recovery) and finds every acknowledged id.
 */
class EmbeddedPostgresDurabilityTest {

    @Test
    void killNineOfTheApplicationAndTheDatabaseLosesNoAcknowledgedCommit() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-kill-");
        Path data = dir.resolve("postgres");
        Path acknowledged = dir.resolve("acknowledged.txt");
        Process child = ChildJvm.of(Writer.class, data.toString(), acknowledged.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (lines(acknowledged).size() < 300 && child.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(lines(acknowledged)).as("the child committed rows (log: %s)",
                    Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "")
                    .hasSizeGreaterThanOrEqualTo(300);
            assertThat(Files.readString(dir.resolve("child.log"))).contains("fsync=on synchronous_commit=on");
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
            List<ProcessHandle> backends = server.descendants().toList();
            // SIGKILL everything at once: no checkpoint, no shutdown hook, no rollback
            server.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor();
            server.onExit().join();
        } finally {
            child.destroyForcibly();
        }
        Set<String> acked = new HashSet<>(lines(acknowledged));

        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(data, 0, "banso", false,
                dir.resolve("keys").resolve("postgres.password"), true);
        EmbeddedPostgres recovered = EmbeddedPostgresServers.acquire(properties);
        try (Connection c = recovered.getDatabase("postgres", "banso").getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from written")) {
            Set<String> stored = new HashSet<>();
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
            assertThat(stored).as("every acknowledged commit survived").containsAll(acked);
        } finally {
            EmbeddedPostgresServers.release(data);
        }
    }

    private static List<String> lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            // a line cut by the kill has no newline yet: only whole ids count
            return lines.filter(l -> l.length() == 36).toList();
        }
    }

    /** Runs in the child JVM that the test kills with -9. */
    static final class Writer {
        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            EmbeddedPostgres postgres = EmbeddedPostgresServers.acquire(new EmbeddedPostgresProperties(data, 0,
                    "banso", false, data.resolveSibling("keys").resolve("postgres.password"), true));
            try (Connection c = postgres.getDatabase("postgres", "banso").getConnection();
                 Statement s = c.createStatement()) {
                s.execute("create table written (id text primary key, at timestamptz default now())");
                try (ResultSet rs = s.executeQuery("select current_setting('fsync'), "
                        + "current_setting('synchronous_commit')")) {
                    rs.next();
                    System.out.println("fsync=" + rs.getString(1) + " synchronous_commit=" + rs.getString(2));
                    System.out.flush();
                }
            }
            PrintStream acknowledged = new PrintStream(new FileOutputStream(args[1], true), true);
            for (int t = 0; t < 4; t++) {
                new Thread(() -> {
                    try (Connection c = postgres.getDatabase("postgres", "banso").getConnection();
                         PreparedStatement insert = c.prepareStatement("insert into written (id) values (?)")) {
                        while (true) {
                            String id = java.util.UUID.randomUUID().toString();
                            insert.setString(1, id);
                            insert.executeUpdate(); // autocommit: returns once the commit is acknowledged
                            synchronized (acknowledged) {
                                acknowledged.println(id);
                            }
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                }).start();
            }
            Thread.sleep(300_000);
        }
    }
}
