package org.banso.council;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Extension point, implemented by the funding module, which holds the projects a council serves (R7): their titles,
 * for pages that name a project (a designation's rule "category within a project"), and the application's draft
 * open/close plan of a project, which "propose from this draft" turns into a designation's first draft. Without an
 * implementation, projects are shown by number and no plan is known.
 */
public interface CouncilProjects {

    /** The titles of the given projects that exist, by id. */
    Map<UUID, String> titles(Collection<UUID> projects);

    /** The draft open/close plan of the project's application, if it has one. */
    Optional<DraftPlan> draftPlan(UUID project);

    /**
     * @param controlled what would be controlled
     * @param fromWhom   from whom it would be kept
     * @param months     for how many months
     * @param reason     why
     */
    record DraftPlan(String controlled, String fromWhom, Integer months, String reason) {
    }
}
