package org.banso.search.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.banso.council.CouncilEvents;
import org.banso.guideline.GuidelineEvents;
import org.banso.information.InformationEvents;
import org.banso.shared.ClusterSignals;
import org.banso.technology.TechnologyEvents;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writing side of the search change feed ({@link SearchFeed}): a plain (synchronous) listener, so the row is
 * written inside the business transaction that changed the document and commits with it, or not at all. Each row
 * names the document, not its content; the other nodes read the content from its module when they apply the row.
 */
@Component
class SearchChangeLog {

    private final JdbcClient jdbc;
    private final String node;

    SearchChangeLog(JdbcClient jdbc, ClusterSignals signals) {
        this.jdbc = jdbc;
        this.node = signals.node();
    }

    @EventListener
    void on(InformationEvents.ItemStored event) {
        changed("ITEM", event.item().value());
    }

    @EventListener
    void on(InformationEvents.ItemVersionAdded event) {
        changed("ITEM", event.item().value());
    }

    @EventListener
    void on(InformationEvents.ItemPublished event) {
        changed("ITEM", event.item().value());
    }

    /** R16: when a research result becomes public by default moved. */
    @EventListener
    void on(InformationEvents.PublicationScheduled event) {
        changed("ITEM", event.item().value());
    }

    @EventListener
    void on(InformationEvents.DesignationApplied event) {
        event.items().forEach(item -> changed("ITEM", item.value()));
    }

    @EventListener
    void on(InformationEvents.DesignationReleased event) {
        event.items().forEach(item -> changed("ITEM", item.value()));
    }

    @EventListener
    void on(CouncilEvents.CouncilProposed event) {
        changed("COUNCIL", event.council().value());
    }

    @EventListener
    void on(CouncilEvents.CouncilEstablished event) {
        changed("COUNCIL", event.council().value());
    }

    @EventListener
    void on(CouncilEvents.CouncilDissolved event) {
        changed("COUNCIL", event.council().value());
    }

    @EventListener
    void on(CouncilEvents.ProposalSubmitted event) {
        changed("PROPOSAL", event.proposal().value());
    }

    @EventListener
    void on(CouncilEvents.ProposalAmended event) {
        changed("PROPOSAL", event.proposal().value());
    }

    @EventListener
    void on(CouncilEvents.ProposalAdopted event) {
        changed("PROPOSAL", event.proposal().value());
    }

    @EventListener
    void on(CouncilEvents.ProposalWithdrawn event) {
        changed("PROPOSAL", event.proposal().value());
    }

    @EventListener
    void on(CouncilEvents.MeetingScheduled event) {
        changed("MEETING", event.meeting().value());
    }

    @EventListener
    void on(CouncilEvents.MeetingMinutesRecorded event) {
        changed("MEETING", event.meeting().value());
    }

    @EventListener
    void on(TechnologyEvents.TechnologyRegistered event) {
        changed("TECHNOLOGY", event.technology().value());
    }

    @EventListener
    void on(TechnologyEvents.TechnologyStatusChanged event) {
        changed("TECHNOLOGY", event.technology().value());
    }

    /** The row names the area by a UUID made from its code; applying it re-reads the twenty areas. */
    @EventListener
    void on(TechnologyEvents.TechnologyAreaCorrected event) {
        changed("TECHNOLOGY_AREA", UUID.nameUUIDFromBytes(event.code().getBytes(StandardCharsets.UTF_8)));
    }

    @EventListener
    void on(GuidelineEvents.GuidelineEnforced event) {
        changed("GUIDELINE", event.version());
        if (event.superseded() != null) {
            changed("GUIDELINE", event.superseded());
        }
    }

    private void changed(String kind, UUID target) {
        jdbc.sql("insert into search_change (kind, target, node) values (?, ?, ?)").params(kind, target, node)
                .update();
        jdbc.sql("select pg_notify(?, ?)").params(SearchFeed.CHANNEL, kind).query((rs, n) -> 0).list();
    }
}
