package org.banso.technology;

import java.time.Instant;

/**
 * A concrete critical technology in the registry.
 *
 * @param domain the technology area code of the R&D basic guideline ({@code A01}…{@code A20})
 */
public record Technology(TechnologyId id, String code, String nameJa, String nameEn, String domain,
                         String description, TechnologyStatus status, Instant createdAt, Instant updatedAt) {

    /** The name to show on a page in {@code locale}. */
    public String localName(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
