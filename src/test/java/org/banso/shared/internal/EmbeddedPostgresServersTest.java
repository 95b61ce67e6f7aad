package org.banso.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.support.ChildJvm;
import org.junit.jupiter.api.Test;

/** The zero-setup database keeps its data across restarts, and survives an earlier run that was killed. */
class EmbeddedPostgresServersTest {

    @Test
    void theLastReleaseStopsTheServer() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-release-");
        var properties = properties(dir);
        EmbeddedPostgres first = EmbeddedPostgresServers.acquire(properties);
        assertThat(EmbeddedPostgresServers.acquire(properties)).isSameAs(first);
        EmbeddedPostgresServers.release(dir);
        assertThat(query(first, "select 'still up'")).isEqualTo("still up");
        EmbeddedPostgresServers.release(dir);
        assertThat(Files.exists(dir.resolve("postmaster.pid"))).isFalse();
    }

    @Test
    void aContextNamingAnotherDatabaseGetsItsOwnOnTheRunningServer() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-second-database-");
        var properties = properties(dir);
        EmbeddedPostgres first = EmbeddedPostgresServers.acquire(properties);
        execute(first, "create table kept (v text)");
        var other = new EmbeddedPostgresProperties(dir, 0, "banso_other", false, properties.passwordFile(), true);
        assertThat(EmbeddedPostgresServers.acquire(other)).as("one server per directory").isSameAs(first);
        try (Connection c = first.getDatabase("postgres", "banso_other").getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_tables where tablename = 'kept'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the other database shares no table").isZero();
        }
        EmbeddedPostgresServers.release(dir);
        EmbeddedPostgresServers.release(dir);
        assertThat(Files.exists(dir.resolve("postmaster.pid"))).isFalse();
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-restart-");
        var properties = properties(dir);
        execute(EmbeddedPostgresServers.acquire(properties), "create table kept (v text); insert into kept values ('伴走')");
        EmbeddedPostgresServers.release(dir);

        EmbeddedPostgres again = EmbeddedPostgresServers.acquire(properties);
        assertThat(query(again, "select v from kept")).isEqualTo("伴走");
        EmbeddedPostgresServers.release(dir);
    }

    @Test
    void aServerOrphanedByAKilledRunIsStoppedAndTheDataTakenOver() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-orphan-");
        Process child = ChildJvm.of(ServerThatGetsKilled.class, dir.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the child JVM started its server").isEqualTo("READY");
            child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs, PostgreSQL keeps running
        }
        assertThat(Files.exists(dir.resolve("postmaster.pid"))).isTrue();

        EmbeddedPostgres takenOver = EmbeddedPostgresServers.acquire(
                properties(dir));
        assertThat(query(takenOver, "select v from kept")).isEqualTo("written before the kill");
        EmbeddedPostgresServers.release(dir);
    }

    /** Runs in a child JVM that the test kills with -9. */
    static final class ServerThatGetsKilled {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgresServers.acquire(
                    properties(Path.of(args[0])));
            execute(postgres, "create table kept (v text); insert into kept values ('written before the kill')");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    /** Durable and password-protected as by default, the password kept beside the data directory. */
    static EmbeddedPostgresProperties properties(Path dir) {
        return new EmbeddedPostgresProperties(dir, 0, "banso", false,
                dir.resolveSibling(dir.getFileName() + "-keys").resolve("postgres.password"), true);
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", "banso").getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", "banso").getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
