package org.banso.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.banso.shared.internal.ListenersIdle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a real PostgreSQL: the embedded server under {@code target/test-postgres}
 * (shared by every test context of the JVM), or the server {@code BANSO_TEST_POSTGRES_URL} names. Test data must not
 * collide between classes: use unique names. Each MockMvc request waits for the event listeners it started (they run
 * after commit on the event executor), so a test reads back what they did as soon as its request returns.
 * <p>
 * Every such test gets {@code MockMvc}, whether it uses it or not: the configuration is then the same for all of
 * them, so Spring's test context cache starts one application for the whole suite instead of one per variant. A
 * class that adds beans, spies or profiles starts a context of its own (a few seconds each): prefer not to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ListenersIdle.AfterEachRequest.class)
public @interface BansoIntegrationTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
