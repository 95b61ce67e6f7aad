package org.banso.shared.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The modules' event listeners run after commit on the event executor, a moment after the request that published
 * their events has answered. A test that looks at what a listener did (the search index) waits for the executor to
 * be idle first; {@link AfterEachRequest} makes every MockMvc request of a test context wait so, as a script that
 * reads back its own change would after a short pause.
 */
public final class ListenersIdle {

    private ListenersIdle() {
    }

    public static void await(ApplicationContext context) {
        await(context.getBean(EventExecutor.class));
    }

    static void await(EventExecutor executor) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!executor.idle()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The event listeners did not finish within 30 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class AfterEachRequest {

        @Bean
        MockMvcBuilderCustomizer awaitListenersAfterEachRequest(ObjectProvider<EventExecutor> executor) {
            return builder -> builder.alwaysDo(result -> executor.ifAvailable(ListenersIdle::await));
        }
    }
}
