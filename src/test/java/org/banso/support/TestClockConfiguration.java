package org.banso.support;

import java.time.Instant;

import org.banso.information.InformationEventsRecorder;
import org.banso.information.internal.ReleaseJobAccess;
import org.banso.notification.internal.NotificationTestHooks;
import org.mockito.Mockito;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Puts a {@link MutableClock}, starting at the real time, before the application clock (it is primary). It also
 * brings every hook the classes that move time call (the information module's event recorder and release job, the
 * notification jobs): every class importing just this class shares one cached application, where each variant of
 * the import list used to start an application of its own.
 * <p>
 * The password encoder is a Mockito spy here, so that {@code IdentityApiTest} can count how often a sign-in checks a
 * password: with its own {@code @MockitoSpyBean} it started one more application for one class (#14). A spy only
 * records calls and passes them on, so the other classes of this application see the same encoder.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({InformationEventsRecorder.class, ReleaseJobAccess.class, NotificationTestHooks.class})
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }

    @Bean
    static BeanPostProcessor passwordEncoderSpy() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PasswordEncoder ? Mockito.spy(bean) : bean;
            }
        };
    }
}
