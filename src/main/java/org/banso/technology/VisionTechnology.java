package org.banso.technology;

import java.util.UUID;

/** A technology named in a K Program research and development vision. */
public record VisionTechnology(UUID id, int vision, String domainJa, String domainEn, String nameJa, String nameEn,
                               boolean confirmedInSource) {
}
