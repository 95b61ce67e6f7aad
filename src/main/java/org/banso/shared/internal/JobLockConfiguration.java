package org.banso.shared.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run once per cluster (issue #19): a job method annotated with {@code @SchedulerLock} takes a row of
 * {@code shared_job_lock} (ShedLock) and is skipped on every other node while it holds it. The database's clock decides
 * the lock's expiry, so nodes whose clocks differ still agree. Each job is idempotent besides (a node that dies
 * mid-run leaves work the next run finishes).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class JobLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource, ClusterProperties cluster) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shared_job_lock")
                .withLockedByValue(cluster.node())
                .usingDbTime()
                .build());
    }
}
