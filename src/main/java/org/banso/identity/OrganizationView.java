package org.banso.identity;

import java.time.Instant;

/** An organization as other modules and the API see it. */
public record OrganizationView(OrganizationId id, String name, String nameEn, OrganizationKind kind,
                               String corporateNumber, Instant createdAt) {

    /** The name to show on a page in {@code locale}: the English name on English pages when there is one. */
    public String localName(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
