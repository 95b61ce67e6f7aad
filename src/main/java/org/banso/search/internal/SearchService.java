package org.banso.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.Councils;
import org.banso.council.MeetingId;
import org.banso.council.Meetings;
import org.banso.council.ProposalId;
import org.banso.council.Proposals;
import org.banso.guideline.GuidelineModel;
import org.banso.guideline.Guidelines;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.information.AccessDecision;
import org.banso.information.InformationAccessPolicy;
import org.banso.information.InformationAction;
import org.banso.information.InformationSearchSupport;
import org.banso.information.InformationSearchSupport.IndexableItem;
import org.banso.information.ItemId;
import org.banso.search.Search;
import org.banso.search.SearchKind;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.banso.technology.Technology;
import org.banso.technology.TechnologyArea;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyReference;
import org.banso.technology.TechnologyRegistry;
import org.banso.technology.VisionTechnology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search (R17): indexes what the modules' APIs give a system reader, and answers a query with an exact visibility
 * filter computed per query (nothing cached here across requests: revocation, leaving or a new pledge version take
 * effect on the very next search), then re-checks each hit with its owning module before rendering it from freshly
 * read text.
 */
@Service
class SearchService implements Search {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    private static final int SNIPPET_LENGTH = 160;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CATEGORY_TEXT = Pattern.compile("[A-Za-z0-9_]{1,60}");
    private static final String MARK_OPEN = "\uE000";
    private static final String MARK_CLOSE = "\uE001";

    private final SearchEngine engine;
    private final Councils councils;
    private final Proposals proposals;
    private final Meetings meetings;
    private final TechnologyRegistry technologies;
    private final TechnologyReference reference;
    private final Guidelines guidelines;
    private final ObjectProvider<InformationSearchSupport> items;
    private final ObjectProvider<InformationAccessPolicy> policy;
    private final Clock clock;
    private final TransactionTemplate rendering;
    private final ObjectProvider<SearchFeed> feed;

    SearchService(SearchEngine engine, Councils councils, Proposals proposals, Meetings meetings,
                  TechnologyRegistry technologies, TechnologyReference reference, Guidelines guidelines,
                  ObjectProvider<InformationSearchSupport> items, ObjectProvider<InformationAccessPolicy> policy,
                  Clock clock, PlatformTransactionManager transactions, ObjectProvider<SearchFeed> feed) {
        this.engine = engine;
        this.councils = councils;
        this.proposals = proposals;
        this.meetings = meetings;
        this.technologies = technologies;
        this.reference = reference;
        this.guidelines = guidelines;
        this.items = items;
        this.policy = policy;
        this.clock = clock;
        this.rendering = new TransactionTemplate(transactions);
        this.feed = feed;
    }

    // --- querying ---

    @Override
    public Result search(String query, Refinement refinement, int page, BansoUser viewer) {
        // what other nodes changed is in this node's index before it answers (issue #19)
        feed.ifAvailable(SearchFeed::catchUp);
        Refinement refine = refinement == null ? Refinement.NONE : refinement;
        FieldChecks checks = new FieldChecks();
        if (refine.council() != null && !UUID_TEXT.matcher(refine.council()).matches()) {
            checks.add(new FieldError("council", "must be a council id"));
        }
        if (refine.category() != null && !CATEGORY_TEXT.matcher(refine.category()).matches()) {
            checks.add(new FieldError("category", "must be a category as the facet names it"));
        }
        checks.failIfAny();
        if (page < 1 || page > MAX_PAGE) {
            // collecting page n costs n × 20 hits: deep pages are refused, never allocated (issue #13)
            throw BansoException.invalid("page", "must be between 1 and " + MAX_PAGE
                    + "; refine the query to reach further results");
        }
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY_LENGTH) {
            throw BansoException.invalid("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (q.isEmpty()) {
            return new Result(0, page, List.of(), Map.of());
        }
        Instant now = clock.instant();
        InformationSearchSupport support = items.getIfAvailable();
        InformationSearchSupport.Visibility visibility = support == null ? null : support.visibility(viewer, now);
        Set<String> visibleCouncils = viewer == null ? Set.of()
                : councils.councils(viewer).stream().map(c -> c.id().toString()).collect(Collectors.toSet());
        Query text = engine.textQuery(q);
        Query filter = new VisibilityFilter(visibility, visibleCouncils, viewer != null).toQuery();
        SearchEngine.Markings markings = visibility == null ? null : new SearchEngine.Markings(
                VisibilityFilter.controlledNow(visibility), VisibilityFilter.publicNow(visibility));
        Query narrowed = refined(SearchEngine.filtered(text, filter), refine, visibility);
        SearchEngine.Page found = engine.search(narrowed, (page - 1) * PAGE_SIZE, PAGE_SIZE, true, markings);
        // the items' re-checks in one transaction: their logged decisions (R17) reach the audit outbox in one write,
        // on the one connection the request holds; the other kinds' modules answer on their own
        Map<String, Optional<Hit>> items = rendering.execute(status -> {
            Map<String, Optional<Hit>> rendered = new HashMap<>();
            for (SearchEngine.Found f : found.found()) {
                if (f.kind() == SearchKind.ITEM) {
                    rendered.put(f.id(), renderItem(f, q, text, viewer, now));
                }
            }
            return rendered;
        });
        List<Hit> hits = new ArrayList<>();
        long dropped = 0;
        for (SearchEngine.Found f : found.found()) {
            Optional<Hit> hit = f.kind() == SearchKind.ITEM ? items.get(f.id())
                    : render(f, q, text, viewer, visibleCouncils, now);
            if (hit.isPresent()) {
                hits.add(hit.get());
            } else {
                dropped++;
                log.warn("Search filter admitted {} {} but its module's re-check refused it; dropped", f.kind(),
                        f.id());
            }
        }
        return new Result(found.total() - dropped, page, hits, found.facets());
    }

    private static Query refined(Query query, Refinement refine, InformationSearchSupport.Visibility visibility) {
        if (refine.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder narrowed = new BooleanQuery.Builder().add(query, Occur.MUST);
        if (refine.kind() != null) {
            narrowed.add(new TermQuery(new Term(IndexDocument.KIND, refine.kind().name())), Occur.FILTER);
        }
        if (refine.council() != null) {
            narrowed.add(new TermQuery(new Term(IndexDocument.COUNCIL, refine.council().toLowerCase(Locale.ROOT))),
                    Occur.FILTER);
        }
        if (refine.category() != null) {
            narrowed.add(new TermQuery(new Term(IndexDocument.CATEGORY, refine.category())), Occur.FILTER);
        }
        if (refine.marking() != null) {
            // a marking is the instant's, so it narrows by the same queries the marking facet counts with
            narrowed.add(visibility == null ? new MatchNoDocsQuery("no information module")
                    : VisibilityFilter.marking(visibility, refine.marking()), Occur.FILTER);
        }
        return narrowed.build();
    }

    private Optional<Hit> render(SearchEngine.Found f, String q, Query text, BansoUser viewer,
                                 Set<String> visibleCouncils, Instant now) {
        try {
            return switch (f.kind()) {
                case COUNCIL -> visibleCouncils.contains(f.id())
                        ? councils.summary(new CouncilId(UUID.fromString(f.id())))
                                .map(c -> new Hit(SearchKind.COUNCIL, f.id(), c.name(), snippet(q, text, c.name()), f.id(),
                                        null))
                        : Optional.empty();
                case TECHNOLOGY -> technologies.technology(new TechnologyId(UUID.fromString(f.id())), viewer)
                        .map(t -> new Hit(SearchKind.TECHNOLOGY, f.id(), t.nameJa() + " / " + t.nameEn(),
                                snippet(q, text, IndexDocuments.technologyText(t)), null, null));
                case GUIDELINE -> guidelines.version(UUID.fromString(f.id()), viewer)
                        .map(v -> new Hit(SearchKind.GUIDELINE, f.id(), v.titleJa(), snippet(q, text,
                                IndexDocuments.guidelineText(v)), null, null));
                case TECHNOLOGY_AREA -> reference.area(f.id())
                        .map(a -> new Hit(SearchKind.TECHNOLOGY_AREA, f.id(), a.nameJa() + " / " + a.nameEn(),
                                snippet(q, text, IndexDocuments.areaText(a)), null, null));
                case VISION_TECHNOLOGY -> reference.visionTechnology(UUID.fromString(f.id()))
                        .map(v -> new Hit(SearchKind.VISION_TECHNOLOGY, f.id(), v.nameJa() + " / " + v.nameEn(),
                                snippet(q, text, IndexDocuments.visionText(v)), null, null));
                case PROPOSAL -> viewer == null ? Optional.empty() : Optional.of(proposals.proposal(
                                new ProposalId(UUID.fromString(f.id())), viewer))
                        .map(p -> new Hit(SearchKind.PROPOSAL, f.id(), p.title(), snippet(q, text, p.body()),
                                p.councilId().toString(), null));
                case MEETING -> viewer == null ? Optional.empty() : Optional.of(meetings.meeting(
                                new MeetingId(UUID.fromString(f.id())), viewer))
                        .map(m -> new Hit(SearchKind.MEETING, f.id(), m.title(), snippet(q, text, IndexDocuments.meetingText(m)),
                                m.councilId().toString(), null));
                default -> Optional.empty();
            };
        } catch (BansoException e) {
            return Optional.empty();
        }
    }

    private Optional<Hit> renderItem(SearchEngine.Found f, String q, Query text, BansoUser viewer, Instant now) {
        InformationAccessPolicy decider = policy.getIfAvailable();
        InformationSearchSupport support = items.getIfAvailable();
        if (decider == null || support == null) {
            return Optional.empty();
        }
        ItemId id = new ItemId(UUID.fromString(f.id()));
        AccessDecision decision = decider.decide(viewer, InformationAction.METADATA, id, now);
        if (!decision.permitted()) {
            return Optional.empty();
        }
        return support.indexable(id).map(item -> new Hit(SearchKind.ITEM, f.id(), item.title(),
                snippet(q, text, item.text() == null || item.text().isBlank() ? item.title() : item.text()),
                item.council() == null ? null : item.council().toString(),
                item.category() == null ? null : item.category().name()));
    }

    /** An HTML-safe snippet: the text escaped, the query's matches in {@code <mark>}. */
    String snippet(String q, Query text, String content) {
        if (content == null || content.isBlank()) {
            return "";
        }
        String clean = content.replace(MARK_OPEN, "").replace(MARK_CLOSE, "");
        String field = SearchAnalyzers.containsCjk(q) ? SearchAnalyzers.TEXT_JA : SearchAnalyzers.TEXT_EN;
        String best = null;
        try {
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(MARK_OPEN, MARK_CLOSE),
                    new QueryScorer(engine.textQueryFor(field, q), field));
            highlighter.setTextFragmenter(new SimpleFragmenter(SNIPPET_LENGTH));
            highlighter.setMaxDocCharsToAnalyze(100_000);
            try (TokenStream tokens = engine.analyzer().tokenStream(field, clean)) {
                best = highlighter.getBestFragment(tokens, clean);
            }
        } catch (IOException | InvalidTokenOffsetsException e) {
            log.debug("No highlight", e);
        }
        if (best == null) {
            best = clean.length() > SNIPPET_LENGTH ? clean.substring(0, SNIPPET_LENGTH) + "…" : clean;
        }
        return HtmlUtils.htmlEscape(best.strip(), "UTF-8").replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>");
    }

    // --- indexing ---

    /**
     * A changed document read from its module, with only the index write left to do. The change feed reads and
     * extracts outside its lock and writes under it ({@link SearchFeed}), so that a search waiting to apply a few
     * other nodes' changes never waits for another apply's database reads or text extraction.
     */
    @FunctionalInterface
    interface IndexWrite {
        void write();
    }

    void indexItem(ItemId id) {
        readItem(id).write();
    }

    IndexWrite readItem(ItemId id) {
        InformationSearchSupport support = items.getIfAvailable();
        if (support == null) {
            return () -> { };
        }
        Optional<IndexDocument> doc = support.indexable(id).map(IndexDocuments::item);
        return written(doc, SearchKind.ITEM, id.toString());
    }

    void indexCouncil(CouncilId id) {
        readCouncil(id).write();
    }

    IndexWrite readCouncil(CouncilId id) {
        return written(councils.summary(id).map(IndexDocuments::council), SearchKind.COUNCIL, id.toString());
    }

    void indexProposal(ProposalId id) {
        readProposal(id).write();
    }

    IndexWrite readProposal(ProposalId id) {
        return written(proposals.forIndex(id).map(p -> new IndexDocument(SearchKind.PROPOSAL, id.toString(),
                p.title(), p.body(), p.councilId().toString(), p.matter().name(), Set.of(), false, false)),
                SearchKind.PROPOSAL, id.toString());
    }

    void indexMeeting(MeetingId id) {
        readMeeting(id).write();
    }

    IndexWrite readMeeting(MeetingId id) {
        return written(meetings.forIndex(id).map(m -> new IndexDocument(SearchKind.MEETING, id.toString(),
                m.title(), IndexDocuments.meetingText(m), m.councilId().toString(), null, Set.of(), false, false)),
                SearchKind.MEETING, id.toString());
    }

    void indexTechnology(TechnologyId id) {
        readTechnology(id).write();
    }

    IndexWrite readTechnology(TechnologyId id) {
        return written(technologies.technologyForIndex(id).map(IndexDocuments::technology), SearchKind.TECHNOLOGY,
                id.toString());
    }

    void indexGuideline(UUID versionId) {
        readGuideline(versionId).write();
    }

    IndexWrite readGuideline(UUID versionId) {
        return written(guidelines.version(versionId, null).map(IndexDocuments::guideline), SearchKind.GUIDELINE,
                versionId.toString());
    }

    IndexWrite readAreas() {
        List<IndexDocument> docs = reference.areas().stream().map(IndexDocuments::area).toList();
        return () -> docs.forEach(engine::put);
    }

    /** The document put, or — when its module no longer has it, or no longer lets it be indexed — removed. */
    private IndexWrite written(Optional<IndexDocument> doc, SearchKind kind, String id) {
        return doc.<IndexWrite>map(d -> () -> engine.put(d)).orElse(() -> engine.delete(kind, id));
    }

    /**
     * The basic guideline's technology areas: public reference data, kept under their code with the code as category
     * (the technologies of an area share it, so the category facet groups both).
     */
    int indexAreas() {
        List<TechnologyArea> areas = reference.areas();
        areas.forEach(a -> engine.put(IndexDocuments.area(a)));
        return areas.size();
    }

    /** The K Program vision technologies: public reference data (no page edits them: indexed at each start). */
    int indexVisionTechnologies() {
        List<VisionTechnology> visions = reference.visionTechnologies();
        visions.forEach(v -> engine.put(IndexDocuments.vision(v)));
        return visions.size();
    }

    /** After an event: searchable at once (near-real-time), made durable by {@link #commitPeriodically()}. */
    void refresh() {
        engine.refresh();
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${banso.search.commit-interval:5s}")
    void commitPeriodically() {
        engine.commitIfChanged();
    }

    @Override
    public int reindex(BansoUser actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only an administrator rebuilds the search index.");
        }
        return reindexAll();
    }

    /**
     * Rebuilds the whole index, in place: every document is put again (replacing its older version) and then what no
     * longer exists is deleted ({@link SearchEngine#beginRebuild()}), so the index is never emptied. A rebuild that
     * fails midway leaves every earlier document findable and the feed position where it was; the next rebuild
     * finishes the work. Searches on this node are still refused meanwhile (503 with Retry-After, and the node is not
     * ready), as during a catch-up: a rebuild is run because the index is behind or suspect, and a search mid-rebuild
     * would answer from documents not yet put back. The refusal ends when the rebuild ends, whether or not it
     * succeeded.
     */
    @Override
    public synchronized int reindexAll() {
        SearchFeed changes = feed.getIfAvailable();
        if (changes == null) {
            return rebuild(null);
        }
        changes.rebuildStarted();
        try {
            return rebuild(changes);
        } finally {
            changes.rebuildEnded();
        }
    }

    private int rebuild(SearchFeed changes) {
        // changes from this position on are applied again after the rebuild (indexing is idempotent)
        String start = changes == null ? null : changes.horizon();
        int count;
        int removed;
        try (SearchEngine.Rebuild rebuilding = engine.beginRebuild()) {
            count = putEverything();
            removed = rebuilding.removeTheRest();
        }
        if (start != null) {
            engine.setFeedCursor(start);
        }
        engine.commit();
        log.info("Search index rebuilt: {} documents, {} of things that no longer exist removed", count, removed);
        return count;
    }

    /** Puts the document of everything searchable; answers how many. */
    private int putEverything() {
        int count = 0;
        InformationSearchSupport support = items.getIfAvailable();
        if (support != null) {
            ItemId after = null;
            List<ItemId> page;
            do {
                page = support.itemIds(after, 500);
                for (ItemId id : page) {
                    Optional<IndexableItem> item = support.indexable(id);
                    if (item.isPresent()) {
                        engine.put(IndexDocuments.item(item.get()));
                        count++;
                    }
                    after = id;
                }
            } while (page.size() == 500);
        }
        CouncilId afterCouncil = null;
        List<CouncilSummary> councilPage;
        do {
            councilPage = councils.allCouncils(afterCouncil, 500);
            for (CouncilSummary c : councilPage) {
                engine.put(IndexDocuments.council(c));
                count++;
                afterCouncil = c.id();
                for (ProposalId p : proposals.idsOf(c.id())) {
                    indexProposal(p);
                    count++;
                }
                for (MeetingId m : meetings.idsOf(c.id())) {
                    indexMeeting(m);
                    count++;
                }
            }
        } while (councilPage.size() == 500);
        for (Technology t : technologies.allTechnologies()) {
            engine.put(IndexDocuments.technology(t));
            count++;
        }
        for (GuidelineModel.Version v : guidelines.versions(null)) {
            engine.put(IndexDocuments.guideline(v));
            count++;
        }
        return count + indexAreas() + indexVisionTechnologies();
    }

    /** Council names for the facet, only of councils the viewer sees; other ids stay ids. */
    Map<String, String> councilNames(BansoUser viewer) {
        Map<String, String> names = new LinkedHashMap<>();
        if (viewer != null) {
            councils.councils(viewer).forEach(c -> names.put(c.id().toString(), c.name()));
        }
        return names;
    }
}
