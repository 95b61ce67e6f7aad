package org.banso.technology;

import java.util.List;
import java.util.Optional;

import org.banso.identity.BansoUser;

/** Read and correct the technology reference data. */
public interface TechnologyReference {

    List<TechnologyArea> areas();

    Optional<TechnologyArea> area(String code);

    List<VisionTechnology> visionTechnologies();

    Optional<VisionTechnology> visionTechnology(java.util.UUID id);

    /**
     * Corrects an area's names or source (PROGRAM_OFFICER); the previous revision is kept; announced as
     * {@link TechnologyEvents.TechnologyAreaCorrected}.
     */
    TechnologyArea correctArea(String code, AreaCorrection correction, BansoUser actor);

    record AreaCorrection(String nameJa, String nameEn, String source, Boolean confirmedInSource) {
    }
}
