package org.banso.identity.internal;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What an ADMIN-issued service token may do (issue 18): read-only, and only paths outside council information, so
 * that a token issued in someone's name never lets an administrator read what that person may read in a council.
 */
enum ServiceScope {

    /** An auditor's verifier: the audit log's entries, proofs and checkpoints. */
    AUDIT_READ("/api/v1/audit/**"),

    /** Reference data and public registries: technology areas, technologies, guidelines, indicators, public results. */
    REFERENCE_READ("/api/v1/technology-areas/**", "/api/v1/vision-technologies/**", "/api/v1/technologies/**",
            "/api/v1/guidelines/**", "/api/v1/thinktank/indicators/**", "/api/v1/thinktank/datasets/**",
            "/api/v1/public/**");

    private final List<PathPattern> patterns;

    ServiceScope(String... patterns) {
        this.patterns = List.of(patterns).stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** GET and HEAD of the scope's paths only (the path below the servlet context). */
    boolean permits(String method, String path) {
        if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream().anyMatch(p -> p.matches(container));
    }

    String authority() {
        return SignInFactors.SERVICE_SCOPE_PREFIX + name();
    }
}
