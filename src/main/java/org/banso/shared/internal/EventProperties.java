package org.banso.shared.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The executor that runs the modules' event listeners after their publisher's commit, and the resubmission of
 * publications that did not complete.
 *
 * @param threads          listener threads (each holds at most one pooled connection while it handles an event)
 * @param queueCapacity    events waiting for a thread; beyond it an event is left to the publication registry, never
 *                         run in (and never blocking) the publishing request's thread
 * @param resubmitAfter    an incomplete publication older than this is handed to its listener again
 * @param resubmitInterval how often incomplete publications are looked for
 * @param keepCompleted    completed publications are deleted once older than this, so the registry stays small
 */
@ConfigurationProperties("banso.events")
record EventProperties(
        @DefaultValue("2") int threads,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("60s") Duration resubmitAfter,
        @DefaultValue("60s") Duration resubmitInterval,
        @DefaultValue("1h") Duration keepCompleted) {

    EventProperties {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("banso.events.threads and banso.events.queue-capacity must be 1 or more");
        }
    }
}
