package org.banso.technology;

import java.time.Instant;

/** One of the twenty technology areas of the R&D basic guideline, e.g. {@code A03} AI and machine learning. */
public record TechnologyArea(String code, String nameJa, String nameEn, String source, boolean confirmedInSource,
                             int revision, Instant updatedAt) {
}
