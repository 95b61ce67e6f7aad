package org.banso.shared.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where the key files live (owner-only permissions); back it up together with the database
 */
@ConfigurationProperties("banso.keys")
record KeysProperties(@DefaultValue("data/keys") Path directory) {
}
