package org.banso.shared.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zero-setup database: a real PostgreSQL started from Maven-delivered binaries whenever
 * {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where the cluster keeps its files across restarts
 * @param port          0 picks a free port at each start
 * @param database      the database Banso creates and uses inside the cluster
 * @param cleanOnStart  wipe the cluster once per JVM before the first start (tests only)
 */
@ConfigurationProperties("banso.embedded-postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("banso") String database,
        @DefaultValue("false") boolean cleanOnStart) {
}
