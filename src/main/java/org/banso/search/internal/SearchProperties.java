package org.banso.search.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param indexDirectory where the encrypted index lives (each node has its own)
 * @param feedRetention  how long the change feed keeps a change for nodes that were down (a node down longer
 *                       rebuilds its index when it comes back)
 */
@ConfigurationProperties("banso.search")
record SearchProperties(@DefaultValue("./data/index") Path indexDirectory,
                        @DefaultValue("7d") Duration feedRetention) {
}
