package org.banso.information.internal;

import static org.banso.information.internal.DesignationService.ts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.Councils;
import org.banso.identity.BansoUser;
import org.banso.information.DesignationId;
import org.banso.information.InformationSearchSupport;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.internal.content.ContentLimits;
import org.banso.information.internal.content.ContentStore;
import org.banso.shared.BansoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the search module needs (R17 on the search path). {@link #visibility} follows the rule of the interface's
 * javadoc exactly: readable councils are those where the person is a pledged member of a current participant; hiding
 * are the designations in force in those councils whose scope leaves the person's participant out; active, released
 * public and released council are all designations in force, ended with PUBLIC, ended with COUNCIL (the same for every
 * person at one instant).
 */
@Component
class SearchSupport implements InformationSearchSupport {

    private static final Logger log = LoggerFactory.getLogger(SearchSupport.class);

    private final JdbcClient jdbc;
    private final DesignationTimeline timeline;
    private final Councils councils;
    private final CouncilMemberships memberships;
    private final ContentStore contents;
    private final ContentLimits limits;

    SearchSupport(JdbcClient jdbc, Councils councils, CouncilMemberships memberships,
                  ContentStore contents, DesignationTimeline timeline, ContentLimits limits) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.councils = councils;
        this.memberships = memberships;
        this.contents = contents;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemId> itemIds(ItemId after, int limit) {
        return jdbc.sql("select id from information_item where ?::uuid is null or id > ? order by id limit ?")
                .params(after == null ? null : after.value(), after == null ? null : after.value(), limit)
                .query(UUID.class).list().stream().map(ItemId::new).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IndexableItem> indexable(ItemId item) {
        return jdbc.sql("""
                        select i.id, i.council_id, i.title, i.category, i.project_id, i.published_at is not null,
                               v.media_type, v.content_id,
                               array(select di.designation_id from information_designation_item di
                                     where di.item_id = i.id) as designations
                        from information_item i
                        left join information_item_version v on v.item_id = i.id and v.version = i.latest_version
                        where i.id = ?""")
                .param(item.value()).query((rs, n) -> {
                    UUID council = rs.getObject(2, UUID.class);
                    String mediaType = rs.getString(7);
                    UUID content = rs.getObject(8, UUID.class);
                    return new IndexableItem(item, council == null ? null : new CouncilId(council),
                            rs.getString(3), ItemCategory.valueOf(rs.getString(4)), rs.getObject(5, UUID.class),
                            rs.getBoolean(6), new LinkedHashSet<>(FactsStore.designationIds(rs.getArray(9))),
                            mediaType, text(mediaType, content));
                }).optional();
    }

    /**
     * The text to index, or empty (the item is then found by its title only). A content that cannot be read — its
     * authentication fails, its blob is missing — is logged as an error (it may have been tampered with) and does not
     * stop the indexing of everything else.
     */
    private String text(String mediaType, UUID content) {
        if (content == null || mediaType == null) {
            return "";
        }
        String type = mediaType.toLowerCase(java.util.Locale.ROOT);
        boolean plain = type.startsWith("text/") || type.startsWith("application/json");
        if (!plain && !type.startsWith("application/pdf")) {
            return "";
        }
        byte[] bytes;
        try {
            bytes = contents.read(new ContentStore.ContentId(content));
        } catch (RuntimeException e) {
            log.error("Content {} could not be read for the search index and is indexed by its title only: {}",
                    content, e.getMessage());
            return "";
        }
        if (plain) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            limits.checkPdf(bytes);
        } catch (BansoException e) {
            log.warn("Content {} is indexed by its title only: {}", content, e.getMessage());
            return "";
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Visibility visibility(BansoUser person, Instant at) {
        Set<CouncilId> readable = new HashSet<>();
        Set<UUID> participants = new HashSet<>();
        if (person != null) {
            councils.councils(person).forEach(council -> {
                Optional<CouncilMembership> me = memberships.membership(council.id(), person.id());
                if (me.isPresent() && me.get().pledgeSigned()) {
                    readable.add(council.id());
                    participants.add(me.get().participant().value());
                }
            });
        }
        Set<DesignationId> hiding = new HashSet<>();
        if (!readable.isEmpty()) {
            // designations in force in the person's councils whose scope leaves all of the person's participants out
            jdbc.sql("""
                            select d.id from information_designation d
                            where d.council_id = any(:readable) and d.period_start <= :at and d.period_end > :at
                              and not exists (select 1 from information_designation_scope s
                                              where s.designation_id = d.id and s.participant_id = any(:mine))""")
                    .param("readable", readable.stream().map(CouncilId::value).toArray(UUID[]::new))
                    .param("at", ts(at)).param("mine", participants.toArray(UUID[]::new))
                    .query((rs, n) -> new DesignationId(rs.getObject(1, UUID.class))).list().forEach(hiding::add);
        }
        DesignationTimeline.States states = timeline.at(at);
        return new Visibility(Set.copyOf(readable), Set.copyOf(hiding), states.active(), states.releasedPublic(),
                states.releasedCouncil());
    }
}
