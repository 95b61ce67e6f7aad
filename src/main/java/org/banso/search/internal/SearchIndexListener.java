package org.banso.search.internal;

import java.util.List;

import org.banso.council.CouncilEvents;
import org.banso.guideline.GuidelineEvents;
import org.banso.information.InformationEvents;
import org.banso.information.ItemId;
import org.banso.technology.TechnologyEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Learns WHEN to index from the other modules' events, after their transaction committed (so what is read back
 * through their APIs is what was committed), and fetches WHAT to index through those APIs. Each event is handled on
 * the bounded event executor in a transaction of its own, never in the publishing request's thread: a request holds
 * one pooled connection and never waits for a second (a pool full of such requests would deadlock). The change is
 * searchable a moment after the request returns; meanwhile every hit is still re-checked by its owning module (R17).
 * A failure propagates, so the event publication registry keeps the event incomplete and it is handed in again
 * (at the next start, and periodically — see {@code banso.events.resubmit-after}); indexing is idempotent.
 */
@Component
class SearchIndexListener {

    private final SearchService search;

    SearchIndexListener(SearchService search) {
        this.search = search;
    }

    @ApplicationModuleListener
    void on(InformationEvents.ItemStored event) {
        items(List.of(event.item()));
    }

    @ApplicationModuleListener
    void on(InformationEvents.ItemVersionAdded event) {
        items(List.of(event.item()));
    }

    @ApplicationModuleListener
    void on(InformationEvents.ItemPublished event) {
        items(List.of(event.item()));
    }

    @ApplicationModuleListener
    void on(InformationEvents.DesignationApplied event) {
        items(event.items());
    }

    @ApplicationModuleListener
    void on(InformationEvents.DesignationReleased event) {
        items(event.items());
    }

    /** R16: when a research result becomes public by default moved. */
    @ApplicationModuleListener
    void on(InformationEvents.PublicationScheduled event) {
        items(List.of(event.item()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.CouncilProposed event) {
        indexed(() -> search.indexCouncil(event.council()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.CouncilEstablished event) {
        indexed(() -> search.indexCouncil(event.council()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.CouncilDissolved event) {
        indexed(() -> search.indexCouncil(event.council()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ProposalSubmitted event) {
        indexed(() -> search.indexProposal(event.proposal()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ProposalAmended event) {
        indexed(() -> search.indexProposal(event.proposal()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ProposalAdopted event) {
        indexed(() -> search.indexProposal(event.proposal()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.ProposalWithdrawn event) {
        indexed(() -> search.indexProposal(event.proposal()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.MeetingScheduled event) {
        indexed(() -> search.indexMeeting(event.meeting()));
    }

    @ApplicationModuleListener
    void on(CouncilEvents.MeetingMinutesRecorded event) {
        indexed(() -> search.indexMeeting(event.meeting()));
    }

    @ApplicationModuleListener
    void on(TechnologyEvents.TechnologyRegistered event) {
        indexed(() -> search.indexTechnology(event.technology()));
    }

    @ApplicationModuleListener
    void on(TechnologyEvents.TechnologyStatusChanged event) {
        indexed(() -> search.indexTechnology(event.technology()));
    }

    @ApplicationModuleListener
    void on(TechnologyEvents.TechnologyAreaCorrected event) {
        indexed(search::indexAreas);
    }

    @ApplicationModuleListener
    void on(GuidelineEvents.GuidelineEnforced event) {
        indexed(() -> {
            search.indexGuideline(event.version());
            if (event.superseded() != null) {
                search.indexGuideline(event.superseded());
            }
        });
    }

    private void items(List<ItemId> items) {
        indexed(() -> items.forEach(search::indexItem));
    }

    /** Indexes, then makes the change searchable; a failure propagates so that the registry retries the event. */
    private void indexed(Runnable indexing) {
        indexing.run();
        search.refresh();
    }
}
