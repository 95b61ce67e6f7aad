package org.banso.shared.internal;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the modules' {@code @ApplicationModuleListener}s (asynchronous, after their publisher committed) on a bounded
 * pool: {@code banso.events.threads} threads and a queue of {@code banso.events.queue-capacity}. When both are full the
 * event is dropped here — never run in, and never blocking, the publishing request's thread — and stays incomplete in
 * the JDBC event publication registry, which hands it in again ({@link IncompletePublications}). A listener's failure
 * is logged (the event's type only, never its content) and likewise leaves the publication incomplete.
 */
@Component
class EventExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventExecutor.class);

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final AtomicLong refused = new AtomicLong();

    EventExecutor(EventProperties properties) {
        executor.setThreadNamePrefix("banso-event-");
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setQueueCapacity(properties.queueCapacity());
        executor.setRejectedExecutionHandler(new LeaveToRegistry());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    Executor executor() {
        return executor;
    }

    AsyncUncaughtExceptionHandler failures() {
        return (Throwable e, Method method, Object... params) -> log.warn(
                "{}.{} failed on {}; the event stays incomplete and will be handed in again: {}",
                method.getDeclaringClass().getSimpleName(), method.getName(),
                params.length == 0 || params[0] == null ? "an event" : params[0].getClass().getSimpleName(), e.toString());
    }

    /** Events dropped because the pool and its queue were full (they stay in the publication registry). */
    long refused() {
        return refused.get();
    }

    /** Whether no event is queued or running (tests wait for this before looking at what listeners did). */
    boolean idle() {
        ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
        return pool.getQueue().isEmpty() && pool.getActiveCount() == 0
                && pool.getCompletedTaskCount() == pool.getTaskCount();
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    private final class LeaveToRegistry implements RejectedExecutionHandler {

        @Override
        public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
            long n = refused.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                log.warn("The event executor is full ({} threads, {} queued): {} event(s) so far left to the "
                        + "publication registry for resubmission", pool.getMaximumPoolSize(), pool.getQueue().size(), n);
            }
        }
    }
}

/** Makes the {@link EventExecutor} the executor of every {@code @Async} method (the modules' listeners). */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class EventExecutorConfiguration {

    @Bean
    AsyncConfigurer eventListenerExecution(EventExecutor events) {
        return new AsyncConfigurer() {
            @Override
            public Executor getAsyncExecutor() {
                return events.executor();
            }

            @Override
            public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
                return events.failures();
            }
        };
    }
}
