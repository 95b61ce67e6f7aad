package org.banso.council;

import java.time.Instant;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.BansoUser;

/**
 * Extension point, implemented by the information module: what the council's pages and rules need to know of the
 * council's information, always as the information module's access policy lets the person see it (R12, R17). Whether
 * items named by a material request's answer or a meeting's minutes are items of that council the acting person may
 * see (R11); and, for proposals that decide about information (R15, R16), the items one may choose as a designation's
 * target, the names of those a designation covers, the designations one may end or narrow, and the settings a form
 * explains. While no implementation exists, such answers are refused rather than recorded unchecked, and the pages
 * offer no items.
 */
public interface CouncilItems {

    boolean allVisibleInCouncil(CouncilId council, List<UUID> items, BansoUser actor);

    /** The council's items the viewer may see, newest first (one listing page), to choose a designation's target. */
    default List<ItemChoice> choices(CouncilId council, BansoUser viewer) {
        return List.of();
    }

    /** Of the given items, those the viewer may see, by id; the others are left out (the viewer may not know them). */
    default Map<UUID, ItemChoice> named(CouncilId council, Collection<UUID> items, BansoUser viewer) {
        return Map.of();
    }

    /** The council's designations the viewer may read, newest first, with their state now. */
    default List<DesignationInForce> designations(CouncilId council, BansoUser viewer) {
        return List.of();
    }

    /** The categories of information items, as a designation's rule names them. */
    default List<String> categories() {
        return List.of();
    }

    /** What a proposal's form explains: the council's review window and the configured bounds. */
    default InformationSettings settings(CouncilId council) {
        return new InformationSettings(60, Period.ofYears(5), 365);
    }

    /** An item as a person may know it: its title, category, latest version and marking now. */
    record ItemChoice(UUID id, String title, String category, int version, String marking) {
    }

    /**
     * A designation as it stands: {@code designation.itemIds} are the items it covers now, {@code designation}'s
     * period is its current one (ended at adoption when a proposal ended it early).
     *
     * @param state where it stands now
     */
    record DesignationInForce(UUID id, UUID proposalId, Designation designation, State state,
                              UUID liftedByProposalId, Instant statedPeriodEnd) {

        public boolean liftable() {
            return liftedByProposalId == null && state != State.RELEASED;
        }

        /** Before its period, within it, or released after it. */
        public enum State {
            PENDING, ACTIVE, RELEASED
        }
    }

    /**
     * @param reviewWindowDays     the council's review window in force for research results (R16)
     * @param maxDesignationPeriod the longest period a designation may state (R15)
     * @param maxReviewWindowDays  the longest review window a council may set (R16)
     */
    record InformationSettings(int reviewWindowDays, Period maxDesignationPeriod, int maxReviewWindowDays) {
    }
}
