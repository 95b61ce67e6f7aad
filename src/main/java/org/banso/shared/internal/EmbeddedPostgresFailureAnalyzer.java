package org.banso.shared.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start without a database into Spring Boot's "APPLICATION FAILED TO START" report: what is missing and the
 * three ways to run (registered in {@code META-INF/spring.factories}).
 */
public class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresBinaries.Missing> {

    static final String DESCRIPTION = "Banso has no database: SPRING_DATASOURCE_URL is not set, and this jar carries "
            + "no embedded PostgreSQL (the production jar never does).";
    static final String ACTION = """
            Either set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to a \
            PostgreSQL 15 or newer, e.g.
                SPRING_DATASOURCE_URL=jdbc:postgresql://db.example:5432/banso
            or, for a zero-setup trial on an embedded PostgreSQL under ./data, run the standalone jar
                java -jar target/banso-<version>-standalone.jar
            or start from the sources with ./mvnw spring-boot:run""";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresBinaries.Missing cause) {
        return new FailureAnalysis(DESCRIPTION, ACTION, cause);
    }
}
