package org.banso.shared.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where the key files live (owner-only permissions); back it up together with the database. With
 *                  several nodes, every node mounts the same one (issue #19)
 * @param mayCreate whether this node may create the first version of an instance key (audit signing key, content
 *                  key-encryption key) that neither its key store nor the database knows. {@code true} suits the
 *                  single node; in a cluster, set {@code false} on every node but the one that starts first
 */
@ConfigurationProperties("banso.keys")
record KeysProperties(@DefaultValue("data/keys") Path directory, @DefaultValue("true") boolean mayCreate) {
}
