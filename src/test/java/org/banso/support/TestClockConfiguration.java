package org.banso.support;

import java.time.Instant;

import org.banso.information.InformationEventsRecorder;
import org.banso.information.internal.ReleaseJobAccess;
import org.banso.notification.internal.NotificationTestHooks;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link MutableClock}, starting at the real time, before the application clock (it is primary). It also
 * brings every hook the classes that move time call (the information module's event recorder and release job, the
 * notification jobs): every class importing just this class shares one cached application, where each variant of
 * the import list used to start an application of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({InformationEventsRecorder.class, ReleaseJobAccess.class, NotificationTestHooks.class})
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }
}
