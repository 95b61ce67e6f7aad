package org.banso.search.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param indexDirectory where the encrypted index lives
 */
@ConfigurationProperties("banso.search")
record SearchProperties(@DefaultValue("./data/index") Path indexDirectory) {
}
