package org.banso.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup database is safe by default (issue #13): every commit is forced to disk before it is acknowledged
 * (fsync, synchronous_commit), it listens on the loopback interface only, and no connection gets in without the
 * generated password (SCRAM-SHA-256), kept owner-only with the keys. A cluster made by an earlier version, which
 * trusted every local connection, is given the password on its first start, its data intact.
 */
class EmbeddedPostgresSafetyTest {

    @Test
    void aConnectionWithoutThePasswordIsRefusedAndCommitsAreForcedToDisk() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-safe-");
        EmbeddedPostgresProperties properties = EmbeddedPostgresServersTest.properties(dir);
        EmbeddedPostgres postgres = EmbeddedPostgresServers.acquire(properties);
        try {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/banso";
            assertRefused(url, null);
            assertRefused(url, "postgres");
            assertRefused(url, "wrong-" + Files.readString(properties.passwordFile()));
            try (Connection c = connect(url, Files.readString(properties.passwordFile()).strip());
                 Statement s = c.createStatement()) {
                assertThat(show(s, "fsync")).isEqualTo("on");
                assertThat(show(s, "synchronous_commit")).isEqualTo("on");
                assertThat(show(s, "full_page_writes")).isEqualTo("on");
                assertThat(show(s, "listen_addresses")).isEqualTo("localhost");
                try (ResultSet rs = s.executeQuery("select count(*) from pg_hba_file_rules "
                        + "where auth_method <> 'scram-sha-256'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("no rule trusts a connection").isZero();
                }
            }
            assertThat(Files.getPosixFilePermissions(properties.passwordFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        } finally {
            EmbeddedPostgresServers.release(dir);
        }
    }

    @Test
    void aClusterOfAnEarlierVersionThatTrustedEveryoneGetsThePasswordOnItsFirstStart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-old-");
        // as Banso made it before: initdb -A trust, no password, fsync off
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database banso");
            try (Connection b = old.getDatabase("postgres", "banso").getConnection();
                 Statement t = b.createStatement()) {
                t.execute("create table kept (v text); insert into kept values ('信頼の時代から')");
            }
        }
        EmbeddedPostgresProperties properties = EmbeddedPostgresServersTest.properties(dir);
        assertThat(properties.passwordFile()).doesNotExist();
        EmbeddedPostgres migrated = EmbeddedPostgresServers.acquire(properties);
        try {
            String url = "jdbc:postgresql://localhost:" + migrated.getPort() + "/banso";
            assertRefused(url, null);
            try (Connection c = connect(url, Files.readString(properties.passwordFile()).strip());
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from kept")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("信頼の時代から");
                assertThat(show(s, "fsync")).isEqualTo("on");
            }
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
        } finally {
            EmbeddedPostgresServers.release(dir);
        }
        // and it stays so across a restart
        EmbeddedPostgres again = EmbeddedPostgresServers.acquire(properties);
        try {
            assertRefused("jdbc:postgresql://localhost:" + again.getPort() + "/banso", null);
        } finally {
            EmbeddedPostgresServers.release(dir);
        }
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> connect(url, password).close()).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage())
                        .isIn("28P01", "28000", "08004"));
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "postgres");
        if (password != null) {
            info.setProperty("password", password);
        }
        return DriverManager.getConnection(url, info);
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
