package org.banso.technology;

import java.util.List;
import java.util.Optional;

import org.banso.identity.BansoUser;

/**
 * The registry of critical technologies. Program officers register, designate and retire; program officers and
 * think-tank analysts record assessments. Anyone may see designated technologies; signed-in people see all.
 */
public interface TechnologyRegistry {

    Technology register(NewTechnology technology, BansoUser actor);

    /** Designated technologies for {@code viewer == null} (the public), every technology otherwise. */
    List<Technology> technologies(BansoUser viewer);

    /** For the search module, a system reader (no viewer): every technology, whatever its status. */
    List<Technology> allTechnologies();

    /** For the search module, a system reader (no viewer): one technology, whatever its status. */
    Optional<Technology> technologyForIndex(TechnologyId id);

    /** Empty when it does not exist or the viewer may not know of it. */
    Optional<Technology> technology(TechnologyId id, BansoUser viewer);

    /** Whether this person's roles let them read assessments (government and think-tank roles). */
    boolean readsAssessments(BansoUser viewer);

    /** Assessments, newest first; only for the roles that work with them. */
    List<Assessment> assessments(TechnologyId id, BansoUser viewer);

    /** Records a complete assessment; a candidate moves to under assessment. */
    Assessment assess(TechnologyId id, NewAssessment assessment, BansoUser actor);

    /** R3: only with a recorded assessment, else {@code assessment-required}. */
    Technology designate(TechnologyId id, BansoUser actor);

    Technology retire(TechnologyId id, BansoUser actor);

    /** Registers every row or none (CSV import). */
    List<Technology> registerAll(List<NewTechnology> technologies, BansoUser actor);

    record NewTechnology(String code, String nameJa, String nameEn, String domain, String description) {
    }

    record NewAssessment(Assessment.Criterion japanStrength, Assessment.Criterion foreignRdStatus,
                         Assessment.Criterion socialNeeds, Assessment.Criterion leakageRisk,
                         Assessment.Criterion dependenceRisk, String superiority, String marketUnderinvestment,
                         String dualUse, List<Assessment.Input> inputs) {
    }
}
