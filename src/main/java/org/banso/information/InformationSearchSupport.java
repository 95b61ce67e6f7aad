package org.banso.information;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.BansoUser;

/**
 * What the search module needs (R17 on the search path): the facts of an item to index, its text, and for a person at
 * an instant the sets a query filter is built from. The filter is exact for the visibility rule below; the search
 * module still re-checks every hit it returns with the {@link InformationAccessPolicy}.
 *
 * <p>An item is visible to a person at instant t iff no designation in {@code hiding} covers it, and either its council
 * is in {@code readableCouncils}, or no designation in {@code active} covers it and it is public: {@code published},
 * or public by default ({@code publicByDefaultAt} at or before {@code publicByDefaultUpTo}, R16), or covered by a
 * designation in {@code releasedPublic} and by none in {@code releasedCouncil}. {@code active}, {@code releasedPublic},
 * {@code releasedCouncil} and {@code publicByDefaultUpTo} depend only on the instant, not on the person (every
 * designation in force, every one ended with each after-period, the latest publication by default so far), so what is
 * public at an instant can be evaluated once for everybody; {@code readableCouncils} and {@code hiding} are the
 * person's own.
 */
public interface InformationSearchSupport {

    /** Every item id, for a full re-index, in pages ordered by id. */
    List<ItemId> itemIds(ItemId after, int limit);

    /** The facts to index; empty when the item does not exist. No access check: the search module is a system reader. */
    Optional<IndexableItem> indexable(ItemId item);

    /** The sets the visibility rule above needs; {@code person} null means anonymous. */
    Visibility visibility(BansoUser person, Instant at);

    /**
     * @param designations every designation covering the item, whatever its period
     * @param text         the extracted text of the latest version (PDF and plain-text formats), empty otherwise;
     *                     never to be written to disk in the clear
     */
    record IndexableItem(ItemId id, CouncilId council, String title, ItemCategory category, UUID projectId,
                         boolean published, Set<DesignationId> designations, String mediaType, String text,
                         Instant publicByDefaultAt) {

        public IndexableItem(ItemId id, CouncilId council, String title, ItemCategory category, UUID projectId,
                             boolean published, Set<DesignationId> designations, String mediaType, String text) {
            this(id, council, title, category, projectId, published, designations, mediaType, text, null);
        }
    }

    /** @param publicByDefaultUpTo items public by default at or before this instant are public (null: none yet) */
    record Visibility(Set<CouncilId> readableCouncils, Set<DesignationId> hiding, Set<DesignationId> active,
                      Set<DesignationId> releasedPublic, Set<DesignationId> releasedCouncil,
                      Instant publicByDefaultUpTo) {

        public Visibility(Set<CouncilId> readableCouncils, Set<DesignationId> hiding, Set<DesignationId> active,
                          Set<DesignationId> releasedPublic, Set<DesignationId> releasedCouncil) {
            this(readableCouncils, hiding, active, releasedPublic, releasedCouncil, null);
        }
    }
}
