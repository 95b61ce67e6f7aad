package org.banso.shared.internal;

import java.util.List;

/**
 * Whether this class path carries PostgreSQL binaries for the zero-setup database. The production jar carries none
 * (issue #14: it runs on an external PostgreSQL), the {@code standalone} jar and {@code ./mvnw spring-boot:run} carry
 * Linux x86-64 (and ARM64 with the {@code linux-arm64} profile); other systems' binaries are never part of the build.
 * Started without {@code SPRING_DATASOURCE_URL} and without binaries, Banso stops at once and says what to set
 * ({@link EmbeddedPostgresFailureAnalyzer}) instead of failing somewhere inside the embedded server's start.
 */
final class EmbeddedPostgresBinaries {

    /** The archives zonky's resolver looks for on the machines Banso's build can ship binaries for. */
    static final List<String> ARCHIVES = List.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz");

    private EmbeddedPostgresBinaries() {
    }

    /** @throws Missing when the class loader finds none of {@link #ARCHIVES} */
    static void require(ClassLoader classLoader) {
        for (String archive : ARCHIVES) {
            if (classLoader.getResource(archive) != null) {
                return;
            }
        }
        throw new Missing();
    }

    /** No external database configured and no embedded one in this jar. */
    static final class Missing extends IllegalStateException {

        Missing() {
            super("spring.datasource.url (SPRING_DATASOURCE_URL) is not set and this jar carries no embedded "
                    + "PostgreSQL");
        }
    }
}
