package org.banso.shared.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * Business time comes from this bean so that periods and expiries can be tested with a fixed clock. It ticks in
     * microseconds, PostgreSQL's precision: an instant kept in memory compares the same as the one read back (a period
     * ended "now" is ended at that instant, not half a microsecond later).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
