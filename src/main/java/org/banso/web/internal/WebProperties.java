package org.banso.web.internal;

import java.net.URI;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web edge.
 *
 * @param publicBaseUrl   the address people reach Banso at (scheme, host, port, no trailing slash), e.g.
 *                        {@code https://banso.example.go.jp}; redirects and absolute links are built from it, never
 *                        from the request's Host header. Empty: redirects are relative ({@code Location: /login}),
 *                        which the browser resolves against the address it used
 * @param earliestDate    the earliest date any request may carry (periods, meetings, due dates, calls…)
 * @param latestDate      the latest date any request may carry
 * @param maxJsonBodySize largest JSON request body the edge reads and checks; larger ones are refused with 413
 */
@ConfigurationProperties("banso.web")
record WebProperties(
        URI publicBaseUrl,
        @DefaultValue("2000-01-01") LocalDate earliestDate,
        @DefaultValue("2200-12-31") LocalDate latestDate,
        @DefaultValue("2MB") DataSize maxJsonBodySize) {

    WebProperties {
        if (publicBaseUrl != null && publicBaseUrl.toString().isBlank()) {
            publicBaseUrl = null;
        }
        if (publicBaseUrl != null) {
            String base = publicBaseUrl.toString();
            if (base.endsWith("/")) {
                publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
            }
            if (!"http".equals(publicBaseUrl.getScheme()) && !"https".equals(publicBaseUrl.getScheme())
                    || publicBaseUrl.getHost() == null || publicBaseUrl.getRawPath() != null
                    && !publicBaseUrl.getRawPath().isEmpty() || publicBaseUrl.getRawQuery() != null) {
                throw new IllegalArgumentException(
                        "banso.web.public-base-url must be an absolute http(s) URL without path, e.g. https://host");
            }
        }
        if (!earliestDate.isBefore(latestDate)) {
            throw new IllegalArgumentException("banso.web.earliest-date must be before banso.web.latest-date");
        }
    }
}
