package org.banso.audit.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param origin            the checkpoint origin line and signing key name: names this Banso instance
 * @param sequencerInterval how often pending events are moved into the tree and a checkpoint is signed
 * @param batchSize         the most pending events one sequencer transaction moves
 */
@ConfigurationProperties("banso.audit")
record AuditProperties(
        @DefaultValue("banso.localhost/audit") String origin,
        @DefaultValue("150ms") Duration sequencerInterval,
        @DefaultValue("10000") int batchSize) {
}
