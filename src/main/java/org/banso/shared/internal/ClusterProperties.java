package org.banso.shared.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several nodes on one PostgreSQL (issue #19).
 *
 * @param nodeName      this node's name in job locks and key records (empty: the host name and process id)
 * @param listenTimeout how long the cache listener waits for a notification before it looks again (also how soon it
 *                      notices a lost connection); its reconnection waits as long
 */
@ConfigurationProperties("banso.cluster")
record ClusterProperties(@DefaultValue("") String nodeName, @DefaultValue("5s") Duration listenTimeout) {

    String node() {
        return nodeName.isBlank() ? java.lang.management.ManagementFactory.getRuntimeMXBean().getName() : nodeName;
    }
}
