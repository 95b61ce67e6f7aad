package org.banso.shared.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zero-setup database: a real PostgreSQL started from Maven-delivered binaries whenever
 * {@code spring.datasource.url} is not set. Safe by default: every commit is forced to disk before it is
 * acknowledged, the server listens on the loopback interface only, and every connection needs the password kept in
 * {@code passwordFile} (SCRAM-SHA-256).
 *
 * @param dataDirectory where the cluster keeps its files across restarts
 * @param port          0 picks a free port at each start
 * @param database      the database Banso creates and uses inside the cluster
 * @param cleanOnStart  wipe the cluster once per JVM before the first start (tests only)
 * @param passwordFile  the superuser's password (generated at first start, owner-only); by default beside the keys
 * @param durable       {@code fsync} and {@code synchronous_commit} on; off only for throw-away test databases
 */
@ConfigurationProperties("banso.embedded-postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("banso") String database,
        @DefaultValue("false") boolean cleanOnStart,
        @DefaultValue("data/keys/postgres.password") Path passwordFile,
        @DefaultValue("true") boolean durable) {
}
