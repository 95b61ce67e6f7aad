package org.banso.search.internal;

import java.util.List;

import org.banso.council.CouncilEvents;
import org.banso.guideline.GuidelineEvents;
import org.banso.information.InformationEvents;
import org.banso.information.ItemId;
import org.banso.technology.TechnologyEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Learns WHEN to index from the other modules' events, after their transaction committed (so what is read back
 * through their APIs is what was committed), and fetches WHAT to index through those APIs. Runs in the publishing
 * thread, so the change is searchable as soon as the request that made it returns. A failure is logged and does not
 * undo the business change; {@code POST /api/v1/search/reindex} rebuilds everything.
 */
@Component
class SearchIndexListener {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexListener.class);

    private final SearchService search;

    SearchIndexListener(SearchService search) {
        this.search = search;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InformationEvents.ItemStored event) {
        items(List.of(event.item()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InformationEvents.ItemVersionAdded event) {
        items(List.of(event.item()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InformationEvents.ItemPublished event) {
        items(List.of(event.item()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InformationEvents.DesignationApplied event) {
        items(event.items());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InformationEvents.DesignationReleased event) {
        items(event.items());
    }

    /** R16: when a research result becomes public by default moved. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(InformationEvents.PublicationScheduled event) {
        items(List.of(event.item()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.CouncilProposed event) {
        safely("council " + event.council(), () -> search.indexCouncil(event.council()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.CouncilEstablished event) {
        safely("council " + event.council(), () -> search.indexCouncil(event.council()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.CouncilDissolved event) {
        safely("council " + event.council(), () -> search.indexCouncil(event.council()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.ProposalSubmitted event) {
        safely("proposal " + event.proposal(), () -> search.indexProposal(event.proposal()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.ProposalAmended event) {
        safely("proposal " + event.proposal(), () -> search.indexProposal(event.proposal()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.ProposalAdopted event) {
        safely("proposal " + event.proposal(), () -> search.indexProposal(event.proposal()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.ProposalWithdrawn event) {
        safely("proposal " + event.proposal(), () -> search.indexProposal(event.proposal()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.MeetingScheduled event) {
        safely("meeting " + event.meeting(), () -> search.indexMeeting(event.meeting()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CouncilEvents.MeetingMinutesRecorded event) {
        safely("meeting " + event.meeting(), () -> search.indexMeeting(event.meeting()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TechnologyEvents.TechnologyRegistered event) {
        safely("technology " + event.technology(), () -> search.indexTechnology(event.technology()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TechnologyEvents.TechnologyStatusChanged event) {
        safely("technology " + event.technology(), () -> search.indexTechnology(event.technology()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(GuidelineEvents.GuidelineEnforced event) {
        safely("guideline " + event.version(), () -> {
            search.indexGuideline(event.version());
            if (event.superseded() != null) {
                search.indexGuideline(event.superseded());
            }
        });
    }

    private void items(List<ItemId> items) {
        safely("items " + items, () -> items.forEach(search::indexItem));
    }

    private void safely(String what, Runnable indexing) {
        try {
            indexing.run();
            search.refresh();
        } catch (RuntimeException e) {
            log.warn("Could not index {}; a re-index will pick it up", what, e);
        }
    }
}
