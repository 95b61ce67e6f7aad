package org.banso.information;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.Designation;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.identity.BansoUser;
import org.banso.identity.UserId;

/**
 * The information module's facade. Every method takes the acting person (or {@code null} for anonymous) and asks the
 * {@link InformationAccessPolicy}; a refused request changes nothing. Other modules (think tank reports, council
 * material requests) store their items through it too (R11, R20).
 */
public interface InformationItems {

    /** A provider participant's member stores a new item in a council (R11, R20). */
    ItemView upload(CouncilId council, NewItem item, Upload content, BansoUser actor);

    ItemView addVersion(ItemId item, Upload content, BansoUser actor);

    /**
     * What the viewer may see of a council's items; {@code pledge-required} for an unsigned member, {@code not-found}
     * for anyone else. One {@link InformationEvents.AccessDecided} (item null) records the listing, not one per row.
     */
    List<ItemSummary> items(CouncilId council, BansoUser viewer);

    ItemView item(ItemId item, BansoUser viewer);

    /**
     * The item opened — its page or record with versions — as {@link #item} but decided as
     * {@link InformationAction#OPEN}: a CONTROLLED item needs a fresh second factor ({@code fresh-second-factor-required},
     * issue 18).
     */
    ItemView open(ItemId item, BansoUser viewer);

    /**
     * The item as its page shows it, with what the viewer may do with it (download, add a version, publish): every
     * decision is the policy's and logged, all in one transaction so the page costs one audit write (R17). Opening
     * it is decided as {@link InformationAction#OPEN}, as in {@link #open}.
     */
    ItemPage itemPage(ItemId item, BansoUser viewer);

    /**
     * The bytes of the latest (or given) version for taking away: plain for PUBLIC and COUNCIL items, a per-recipient
     * fingerprinted copy for DOWNLOAD_TRACED items, refused for VIEW_ONLY ones (R17).
     */
    Content download(ItemId item, Integer version, BansoUser viewer);

    /**
     * A research result becomes PUBLIC unless a designation covers it ({@code item-designated}, R16) or a proposal
     * that would designate it is open ({@code conflict}: its publication waits for the council's decision).
     */
    ItemView publish(ItemId item, BansoUser actor);

    /** Published research results and released items, for anyone. */
    List<ItemSummary> publicResults();

    /** Whether each id names an item of that council the actor may see (for material-request answers, R11). */
    boolean allVisibleInCouncil(CouncilId council, List<ItemId> items, BansoUser actor);

    /**
     * One page (0-based) of what the viewer may see of a council's items, newest first; {@link #items(CouncilId,
     * BansoUser)} is its first page.
     */
    List<ItemSummary> items(CouncilId council, BansoUser viewer, int page);

    /** A designation, for the council's pledged members (R15: every participant consented to it). */
    DesignationView designation(DesignationId designation, BansoUser viewer);

    /** The council's designations, newest first, for its pledged members. */
    List<DesignationView> designations(CouncilId council, BansoUser viewer);

    // --- requests and views ---

    /** @param projectId the project the item belongs to, if any (rule-based designations match on it) */
    record NewItem(String title, ItemCategory category, UUID projectId) {
    }

    /**
     * The notices of the councils whose information the viewer may read (pledged members of current participants),
     * newest first, at most 50; each names only the items the access policy lets the viewer see now, and a notice
     * with none left is not shown. Empty for anonymous callers.
     */
    List<Notice> notices(BansoUser viewer);

    /**
     * @param kind          {@code DESIGNATION_RELEASED}: a designation's period ended and its items became
     *                      {@code afterPeriod}; {@code DESIGNATION_LIFTED}: an adopted proposal ended it early (or
     *                      narrowed it) and the items named became {@code afterPeriod}; {@code RESULT_PUBLISHED}: a
     *                      research result became public by default at the end of its review window (R16)
     * @param designationId null for {@code RESULT_PUBLISHED}
     */
    record Notice(UUID id, CouncilId councilId, String kind, DesignationId designationId, Marking afterPeriod,
                  Instant at, List<ItemSummary> items) {
    }

    /** Content as it arrives; the module sniffs the media type from the bytes and enforces the size limit. */
    record Upload(String filename, InputStream bytes) {
    }

    record Content(String filename, String mediaType, byte[] bytes, String fingerprint) {
    }

    record ItemSummary(ItemId id, CouncilId councilId, String title, ItemCategory category, Marking marking,
                       DesignationId designationId, Instant controlledUntil, int latestVersion, Instant updatedAt) {
    }

    record ItemPage(ItemView item, boolean mayDownload, boolean mayAddVersion, boolean mayPublish) {
    }

    /**
     * @param reviewWindowEndsAt a project's research result (R16): when its review window ends (upload or latest
     *                           version + the council's window); null for other items
     * @param publicByDefaultAt  when it is (or became) public by default: the window's end, or later when a proposal
     *                           that would designate it was open then; null when not known yet, never (a designation
     *                           covers it) or not needed (published by a person)
     * @param publicationHeld    a proposal that would designate it is open now: its publication waits for the outcome
     */
    record ItemView(ItemId id, CouncilId councilId, String title, ItemCategory category, UUID projectId,
                    ParticipantId providerParticipantId, Marking marking, DesignationId designationId,
                    Handling handling, Instant controlledUntil, boolean published, List<VersionView> versions,
                    Instant reviewWindowEndsAt, Instant publicByDefaultAt, boolean publicationHeld) {
    }

    /**
     * @param itemIds          the items it covers now: the targeted ones and those its rule matched, also later ones
     * @param periodEnd        when it ends: as adopted, or when a proposal ended it early (R16)
     * @param state            PENDING before its start, ACTIVE while in force, RELEASED from its end (computed from
     *                         the clock)
     * @param statedPeriodEnd  the end as adopted
     * @param liftedByProposal the adopted proposal that ended it early (R16), or null
     * @param replacedBy       a narrowing's narrower designation that replaced it, or null
     */
    record DesignationView(DesignationId id, CouncilId councilId, ProposalId proposalId, List<ItemId> itemIds,
                           DesignationRule rule, List<ParticipantId> scopeParticipantIds, Instant periodStart,
                           Instant periodEnd, Handling handling, Marking afterPeriod,
                           Designation.Rationale rationale, UserId adoptedBy, Instant appliedAt,
                           Instant releaseRecordedAt, DesignationState state, Instant statedPeriodEnd,
                           ProposalId liftedByProposal, Instant liftedAt, DesignationId replacedBy) {
    }

    /** Every item of the category (within the project, when given) in the council, present and future. */
    record DesignationRule(ItemCategory category, UUID projectId) {
    }

    record VersionView(int version, String filename, String mediaType, long size, String sha256, UserId uploadedBy,
                       Instant uploadedAt) {
    }

    /**
     * The council whose current confidentiality pledge {@code viewer} must sign before opening {@code item}: present
     * only when the viewer is a participant of the item's council without a current pledge (what the access policy
     * refuses as pledge-required, R12), so that a page can lead them to the pledge; empty for anyone else, so that
     * it reveals nothing the policy would hide.
     */
    java.util.Optional<CouncilId> pledgeAwaited(ItemId item, BansoUser viewer);
}
