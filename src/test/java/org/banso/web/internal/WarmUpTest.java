package org.banso.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * A starting node reports ready only once it has warmed its hot paths (issue #19): the balancer (and
 * {@code bench/load/RoundRobinProxy}) send people to it only then. The rounds are read at the very moment readiness
 * turns to accepting traffic; a warm-up that ran after it, or not at all, would show none.
 */
@BansoIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "banso.web.warm-up=60s")
class WarmUpTest {

    @Autowired
    WarmUp warmUp;
    @Autowired
    ApplicationAvailability availability;
    @Autowired
    ReadinessWitness witness;

    @Test
    void readinessTurnsToAcceptingTrafficOnlyAfterTheWarmUpRanThroughTheWholeChain() {
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(witness.roundsWhenReady.get()).as("warm-up rounds done when readiness turned UP")
                .isEqualTo(WarmUp.ROUNDS);
        assertThat(warmUp.failures()).as("every warm-up request answered without a server error").isZero();
    }

    @TestConfiguration
    static class Witness {

        @Bean
        ReadinessWitness readinessWitness(WarmUp warmUp) {
            return new ReadinessWitness(warmUp);
        }
    }

    static class ReadinessWitness implements ApplicationListener<AvailabilityChangeEvent<?>> {

        final AtomicInteger roundsWhenReady = new AtomicInteger(-1);
        private final WarmUp warmUp;

        ReadinessWitness(WarmUp warmUp) {
            this.warmUp = warmUp;
        }

        @Override
        public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                roundsWhenReady.set(warmUp.rounds());
            }
        }
    }
}
