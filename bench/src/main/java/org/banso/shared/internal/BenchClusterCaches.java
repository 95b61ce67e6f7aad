package org.banso.shared.internal;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.banso.shared.ClusterCaches;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cluster caches as the application builds them, for benchmarks that assemble their parts by hand. */
public final class BenchClusterCaches {

    private BenchClusterCaches() {
    }

    /**
     * The real caches on the pool's database (its Flyway locations must include {@code db/migration/shared}), with
     * their listener running; outside a request every read costs the version query, as in event listeners and jobs.
     */
    public static ClusterCaches start(HikariDataSource pool) {
        PostgresClusterCaches caches = new PostgresClusterCaches(JdbcClient.create(pool), pool,
                new ClusterProperties("bench", Duration.ofSeconds(1)));
        caches.start();
        return caches;
    }
}
