package org.banso.information.internal;

import static org.banso.information.internal.DesignationService.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.Councils;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationView;
import org.banso.identity.UserId;
import org.banso.information.AccessDecision;
import org.banso.information.DesignationId;
import org.banso.information.Handling;
import org.banso.information.InformationAction;
import org.banso.information.InformationEvents;
import org.banso.information.InformationItems;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.Marking;
import org.banso.information.internal.AccessFacts.ItemFacts;
import org.banso.information.internal.MarkingRules.MarkingState;
import org.banso.information.internal.content.ContentStore;
import org.banso.information.internal.content.ContentStore.StoredContent;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items facade: every read and change asks the {@link AccessPolicy} first; a refusal throws before anything is
 * written, and the transaction rolls back whatever a later failure leaves (the content store joins it).
 */
@Service
class ItemService implements InformationItems {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessPolicy policy;
    private final FactsStore facts;
    private final DesignationService designations;
    private final DesignationQueries designationQueries;
    private final ItemQueries itemQueries;
    private final Councils councils;
    private final IdentityManagement identity;
    private final ContentStore contents;
    private final TracedCopies tracing;
    private final InformationProperties properties;
    private final ApplicationEventPublisher events;
    private final ReviewWindows reviewWindows;

    ItemService(JdbcClient jdbc, Clock clock, AccessPolicy policy, FactsStore facts, DesignationService designations,
                DesignationQueries designationQueries, ItemQueries itemQueries, Councils councils, IdentityManagement identity,
                ContentStore contents, TracedCopies tracing, InformationProperties properties,
                ApplicationEventPublisher events, ReviewWindows reviewWindows) {
        this.reviewWindows = reviewWindows;
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
        this.facts = facts;
        this.designations = designations;
        this.designationQueries = designationQueries;
        this.itemQueries = itemQueries;
        this.councils = councils;
        this.identity = identity;
        this.contents = contents;
        this.tracing = tracing;
        this.properties = properties;
        this.events = events;
    }

    // --- changes ---

    /** R11, R20: a pledged member of a current participant stores an item; that participant is its provider. */
    @Override
    @Transactional
    public ItemView upload(CouncilId council, NewItem item, Upload content, BansoUser actor) {
        Instant now = clock.instant();
        CouncilMembership me = pledgedMember(council, actor, now);
        FieldChecks checks = new FieldChecks();
        if (item == null) {
            checks.add(FieldError.coded("meta", "required", "must be given"));
            checks.failIfAny();
        }
        checks.text("title", item.title(), 300);
        if (item.category() == null) {
            checks.add(FieldError.coded("category", "required", "must be given"));
        }
        if (item.projectId() != null && !councils.council(council, actor).projectIds().contains(item.projectId())) {
            checks.add(FieldError.coded("projectId", "information-project", "must be one of the council's projects"));
        }
        if (content == null || content.bytes() == null) {
            checks.add(FieldError.coded("file", "required", "must be given"));
        }
        checks.failIfAny();
        ItemId id = ItemId.random();
        jdbc.sql("""
                        insert into information_item (id, council_id, title, category, project_id,
                            provider_participant_id, latest_version, created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(id.value(), council.value(), item.title().strip(), item.category().name(), item.projectId(),
                        me.participant().value(), actor.id().value(), ts(now), ts(now))
                .update();
        storeVersion(id, 1, content, actor, now);
        designations.coverNewItem(id, council, item.category(), item.projectId(), now);
        reviewWindows.started(id, council, item.category(), item.projectId(), now);
        facts.changed(id);
        events.publishEvent(new InformationEvents.ItemStored(id, council, item.category(), actor.id(), now));
        return view(facts.item(id).orElseThrow(), now);
    }

    @Override
    @Transactional
    public ItemView addVersion(ItemId item, Upload content, BansoUser actor) {
        Instant now = clock.instant();
        require(actor, InformationAction.NEW_VERSION, item, now);
        if (content == null || content.bytes() == null) {
            throw BansoException.invalid("file", "must be given");
        }
        int version = jdbc.sql("""
                        update information_item set latest_version = latest_version + 1, updated_at = ?
                        where id = ? returning latest_version""")
                .params(ts(now), item.value()).query(Integer.class).single();
        storeVersion(item, version, content, actor, now);
        facts.changed(item);
        ItemFacts stored = facts.item(item).orElseThrow();
        // R16: a research result not yet public is reviewed again in its new version
        reviewWindows.started(item, stored.council(), stored.category(), stored.projectId(), now);
        events.publishEvent(new InformationEvents.ItemVersionAdded(item, stored.council(), version, actor.id(), now));
        return view(stored, now);
    }

    /**
     * R16: a research result becomes PUBLIC unless a designation in force or to come covers it, or a proposal that
     * would designate it is open (its publication waits for the outcome, as publication by default does).
     */
    @Override
    @Transactional
    public ItemView publish(ItemId item, BansoUser actor) {
        Instant now = clock.instant();
        require(actor, InformationAction.PUBLISH, item, now);
        ItemFacts before = facts.item(item).orElseThrow();
        if (!before.publicAt(now)
                && reviewWindows.held(item, before.council(), before.category(), before.projectId(), now)) {
            throw new BansoException(ProblemCode.CONFLICT, "A proposal that would designate this item is open: "
                    + "its publication waits for the council's decision (R16).");
        }
        // a publication by default still to come is replaced by this one (its notice is not recorded twice)
        jdbc.sql("""
                        update information_item set published_at = ?, published_by = ?, updated_at = ?,
                            auto_public_at = case when auto_public_at <= ? then auto_public_at end
                        where id = ? and published_at is null""")
                .params(ts(now), actor.id().value(), ts(now), ts(now), item.value()).update();
        facts.changed(item);
        ItemFacts published = facts.item(item).orElseThrow();
        events.publishEvent(new InformationEvents.ItemPublished(item, published.council(), actor.id(), now));
        return view(published, now);
    }

    private void storeVersion(ItemId item, int version, Upload content, BansoUser actor, Instant now) {
        ContentStore store = contents;
        String filename = filename(content.filename());
        StoredContent stored = store.put(content.bytes(), filename);
        jdbc.sql("""
                        insert into information_item_version (item_id, version, content_id, filename, media_type, size,
                            sha256, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(item.value(), version, stored.id().value(), filename, stored.mediaType(), stored.size(),
                        stored.sha256(), actor.id().value(), ts(now))
                .update();
        if (version == 1) {
            jdbc.sql("update information_item set latest_version = 1 where id = ?").param(item.value()).update();
        }
    }

    private static String filename(String name) {
        if (name == null || name.isBlank()) {
            return "content";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (base.isEmpty()) {
            return "content";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    // --- reads ---
    // A read decides access and writes its decision to the audit outbox in its own transaction (R17): so reads are
    // read-write transactions, and a refusal (a BansoException) commits the refusal's record instead of rolling it
    // back — the read itself changes nothing else. No second connection is ever needed for the log.

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public List<ItemSummary> items(CouncilId council, BansoUser viewer) {
        return items(council, viewer, 0);
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public List<ItemSummary> items(CouncilId council, BansoUser viewer, int page) {
        return itemQueries.items(council, viewer, page);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<CouncilId> pledgeAwaited(ItemId item, BansoUser viewer) {
        return facts.item(item).map(ItemFacts::council).filter(council -> {
            CouncilMembership me = policy.membership(viewer, council);
            return me != null && !me.pledgeSigned();
        });
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public ItemView item(ItemId item, BansoUser viewer) {
        Instant now = clock.instant();
        require(viewer, InformationAction.METADATA, item, now);
        return view(facts.item(item).orElseThrow(), now);
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public ItemView open(ItemId item, BansoUser viewer) {
        Instant now = clock.instant();
        require(viewer, InformationAction.OPEN, item, now);
        return view(facts.item(item).orElseThrow(), now);
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public ItemPage itemPage(ItemId item, BansoUser viewer) {
        Instant now = clock.instant();
        // opening the page is opening the item: CONTROLLED content asks for a fresh second factor (issue 18)
        require(viewer, InformationAction.OPEN, item, now);
        ItemView view = view(facts.item(item).orElseThrow(), now);
        boolean signedIn = viewer != null;
        boolean result = view.category() == ItemCategory.RESEARCH_RESULT
                || view.category() == ItemCategory.GOVERNMENT_RESEARCH_RESULT;
        return new ItemPage(view, policy.decide(viewer, InformationAction.DOWNLOAD, item, now).permitted(),
                signedIn && policy.decide(viewer, InformationAction.NEW_VERSION, item, now).permitted(),
                signedIn && result && !view.published()
                        && policy.decide(viewer, InformationAction.PUBLISH, item, now).permitted());
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class) // a refused download stays in the audit log (R17)
    public Content download(ItemId item, Integer version, BansoUser viewer) {
        Instant now = clock.instant();
        require(viewer, InformationAction.DOWNLOAD, item, now);
        ItemFacts found = facts.item(item).orElseThrow();
        int wanted = version == null ? found.latestVersion() : version;
        VersionRow row = jdbc.sql("""
                        select content_id, filename, media_type from information_item_version
                        where item_id = ? and version = ?""")
                .params(item.value(), wanted)
                .query((rs, n) -> new VersionRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional().orElseThrow(() -> BansoException.notFound("The version"));
        ContentStore store = contents;
        byte[] plaintext = store.read(new ContentStore.ContentId(row.contentId()));
        MarkingState marking = MarkingRules.marking(found, facts.designationsOf(found), now);
        if (marking.marking() != Marking.CONTROLLED) {
            return new Content(row.filename(), row.mediaType(), plaintext, null);
        }
        // the policy permitted a CONTROLLED download only for DOWNLOAD_TRACED and a traceable type (R17)
        TracedCopies copies = tracing;
        if (marking.handling() != Handling.DOWNLOAD_TRACED) {
            throw new BansoException(ProblemCode.FORBIDDEN, "This item is view only.");
        }
        String organization = viewer.organizationId() == null ? ""
                : identity.organization(viewer.organizationId()).map(OrganizationView::name).orElse("");
        TracedCopies.TracedCopy copy = copies.issue(item, found.council(), wanted, row.mediaType(), plaintext,
                new TracedCopies.Recipient(viewer.id(), viewer.displayName(), organization), now);
        return new Content(row.filename(), row.mediaType(), copy.bytes(), copy.fingerprint());
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public List<Notice> notices(BansoUser viewer) {
        return itemQueries.notices(viewer);
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public List<ItemSummary> publicResults() {
        return itemQueries.publicResults();
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public boolean allVisibleInCouncil(CouncilId council, List<ItemId> items, BansoUser actor) {
        Instant now = clock.instant();
        for (ItemId item : items) {
            Optional<ItemFacts> found = facts.item(item);
            if (found.isEmpty() || !council.equals(found.get().council())
                    || !policy.decide(actor, InformationAction.METADATA, item, now).permitted()) {
                return false;
            }
        }
        return true;
    }

    // --- designations ---

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public DesignationView designation(DesignationId designation, BansoUser viewer) {
        return designationQueries.designation(designation, viewer);
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public List<DesignationView> designations(CouncilId council, BansoUser viewer) {
        return designationQueries.designations(council, viewer);
    }

    // --- helpers ---

    private CouncilMembership pledgedMember(CouncilId council, BansoUser actor, Instant now) {
        CouncilMembership me = policy.membership(actor, council);
        if (me == null) {
            throw BansoException.notFound("The council");
        }
        if (!me.pledgeSigned()) {
            throw new BansoException(ProblemCode.PLEDGE_REQUIRED,
                    "Sign the council's current confidentiality pledge first (R12).");
        }
        return me;
    }

    private void require(BansoUser person, InformationAction action, ItemId item, Instant now) {
        AccessDecision decision = policy.decide(person, action, item, now);
        if (!decision.permitted()) {
            throw denial(decision, "The item");
        }
    }

    /** Step-up (issue 18): pages ask for the factor and come back; the API answers 401 with this code. */
    static BansoException freshSecondFactorRequired() {
        return new BansoException(ProblemCode.FRESH_SECOND_FACTOR_REQUIRED, "Controlled content: pass your second "
                + "factor again (pages ask for it; API: POST /api/v1/auth/second-factor), then retry.");
    }

    static BansoException denial(AccessDecision decision, String what) {
        return switch (decision.denial()) {
            case NOT_FOUND -> BansoException.notFound(what);
            case PLEDGE_REQUIRED -> new BansoException(ProblemCode.PLEDGE_REQUIRED,
                    "Sign the council's current confidentiality pledge first (R12).");
            case ITEM_DESIGNATED -> new BansoException(ProblemCode.ITEM_DESIGNATED,
                    "A designation covers this item; it cannot be published before its period ends (R16).");
            case FRESH_SECOND_FACTOR_REQUIRED -> freshSecondFactorRequired();
            default -> new BansoException(decision.denial(), switch (decision.reason()) {
                case "view-only" -> "This item is view only: it is shown in the page viewer, never downloaded (R17).";
                case "not-a-research-result" -> "Only research results are published (R16).";
                default -> "You may not do this with this item.";
            });
        };
    }

    ItemView view(ItemFacts item, Instant now) {
        MarkingState marking = MarkingRules.marking(item, facts.designationsOf(item), now);
        ReviewWindows.Schedule schedule = reviewWindows.schedule(item.id(), item.council(), item.category(),
                item.projectId(), now);
        String title = jdbc.sql("select title from information_item where id = ?").param(item.id().value())
                .query(String.class).single();
        List<VersionView> versions = jdbc.sql("""
                        select version, filename, media_type, size, sha256, uploaded_by, uploaded_at
                        from information_item_version where item_id = ? order by version desc""")
                .param(item.id().value())
                .query((rs, n) -> new VersionView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), new UserId(rs.getObject(6, UUID.class)), rs.getTimestamp(7).toInstant()))
                .list();
        return new ItemView(item.id(), item.council(), title, item.category(), item.projectId(), item.provider(),
                marking.marking(), marking.designation(), marking.handling(), marking.controlledUntil(),
                item.published(), versions, schedule.windowEnds(), item.published() ? null : schedule.publicAt(),
                !item.publicAt(now) && schedule.held());
    }

    private record VersionRow(UUID contentId, String filename, String mediaType) {
    }
}
