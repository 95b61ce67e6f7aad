package org.banso.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Issue #14: the production jar carries no PostgreSQL binaries; started without an external database it must stop at
 * once and say what to set. {@code ProductionJarIT} starts the packaged jar itself.
 */
class EmbeddedPostgresBinariesTest {

    @Test
    void aClassPathWithoutBinariesIsRefusedWithAReportThatSaysWhatToSet() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> EmbeddedPostgresBinaries.require(bare))
                    .isInstanceOf(EmbeddedPostgresBinaries.Missing.class);
        }
        // as the context reports it: wrapped in the failed bean's creation
        FailureAnalysis analysis = new EmbeddedPostgresFailureAnalyzer().analyze(new BeanCreationException(
                "embeddedPostgres", "failed", new EmbeddedPostgresBinaries.Missing()));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("SPRING_DATASOURCE_URL is not set")
                .contains("no embedded PostgreSQL");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL=jdbc:postgresql://")
                .contains("SPRING_DATASOURCE_USERNAME").contains("SPRING_DATASOURCE_PASSWORD")
                .contains("-standalone.jar").contains("./mvnw spring-boot:run");
    }

    @Test
    void theTestClassPathCarriesTheLinuxBinariesAsSpringBootRunDoes() {
        assertThatNoException().isThrownBy(() -> EmbeddedPostgresBinaries.require(getClass().getClassLoader()));
    }
}
