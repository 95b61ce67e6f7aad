package org.banso.information.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.information.DesignationId;
import org.banso.information.Handling;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.Marking;
import org.banso.information.internal.AccessFacts.DesignationFacts;
import org.banso.information.internal.AccessFacts.ItemFacts;
import org.junit.jupiter.api.Test;

/** The marking is computed from designations and the instant alone (R15, R16), to the millisecond. */
class MarkingRulesTest {

    static final CouncilId COUNCIL = new CouncilId(UUID.randomUUID());
    static final ParticipantId A = new ParticipantId(UUID.randomUUID());
    static final ParticipantId B = new ParticipantId(UUID.randomUUID());
    static final Instant START = Instant.parse("2027-04-01T00:00:00Z");
    static final Instant END = Instant.parse("2028-04-01T00:00:00Z");
    static final Duration MS = Duration.ofMillis(1);

    static ItemFacts item(boolean published, DesignationFacts... designations) {
        return new ItemFacts(ItemId.random(), COUNCIL, ItemCategory.RESEARCH_RESULT, null, A, published, 1,
                "application/pdf", List.of(designations).stream().map(DesignationFacts::id).toList());
    }

    static DesignationFacts designation(Set<ParticipantId> scope, Handling handling, Marking after, Instant start,
                                        Instant end) {
        return new DesignationFacts(DesignationId.random(), COUNCIL, new ProposalId(UUID.randomUUID()), handling,
                after, start, end, scope);
    }

    @Test
    void r15_r16_aPeriodHoldsToTheMillisecondAtBothEnds() {
        // R15, R16: in force from start inclusive to end exclusive; released at the end instant, no job needed
        DesignationFacts d = designation(Set.of(A), Handling.VIEW_ONLY, Marking.PUBLIC, START, END);
        ItemFacts item = item(false, d);
        assertThat(MarkingRules.marking(item, List.of(d), START.minus(MS)).marking()).isEqualTo(Marking.COUNCIL);
        assertThat(MarkingRules.marking(item, List.of(d), START).marking()).isEqualTo(Marking.CONTROLLED);
        assertThat(MarkingRules.marking(item, List.of(d), END.minus(MS)).marking()).isEqualTo(Marking.CONTROLLED);
        assertThat(MarkingRules.marking(item, List.of(d), END).marking()).isEqualTo(Marking.PUBLIC);
        assertThat(MarkingRules.marking(item, List.of(d), END.plus(MS)).marking()).isEqualTo(Marking.PUBLIC);
        assertThat(MarkingRules.marking(item, List.of(d), END.minus(MS)).controlledUntil()).isEqualTo(END);
    }

    @Test
    void r16_anItemReleasedToTheCouncilStaysCouncilInternal() {
        // R16: afterPeriod COUNCIL
        DesignationFacts d = designation(Set.of(A), Handling.VIEW_ONLY, Marking.COUNCIL, START, END);
        assertThat(MarkingRules.marking(item(false, d), List.of(d), END).marking()).isEqualTo(Marking.COUNCIL);
    }

    @Test
    void r16_releasedIsPublicOnlyWhenEveryEndedDesignationSaysPublic() {
        // R16: the strictest after-period applies
        DesignationFacts pub = designation(Set.of(A), Handling.VIEW_ONLY, Marking.PUBLIC, START, END);
        DesignationFacts council = designation(Set.of(A), Handling.VIEW_ONLY, Marking.COUNCIL, START, END);
        assertThat(MarkingRules.marking(item(false, pub, council), List.of(pub, council), END).marking())
                .isEqualTo(Marking.COUNCIL);
    }

    @Test
    void r15_severalDesignationsInForceIntersectTheirScopesAndViewOnlyWins() {
        // R15: the strictest scope and handling apply
        DesignationFacts wide = designation(Set.of(A, B), Handling.DOWNLOAD_TRACED, Marking.PUBLIC, START, END);
        DesignationFacts narrow = designation(Set.of(A), Handling.VIEW_ONLY, Marking.PUBLIC, START,
                END.minus(Duration.ofDays(30)));
        MarkingRules.MarkingState state = MarkingRules.marking(item(false, wide, narrow), List.of(wide, narrow),
                START.plus(Duration.ofDays(1)));
        assertThat(state.marking()).isEqualTo(Marking.CONTROLLED);
        assertThat(state.scope()).containsExactly(A);
        assertThat(state.handling()).isEqualTo(Handling.VIEW_ONLY);
        assertThat(state.designation()).isEqualTo(wide.id());
        // after the narrow one ended, only the wide one holds
        MarkingRules.MarkingState later = MarkingRules.marking(item(false, wide, narrow), List.of(wide, narrow),
                END.minus(Duration.ofDays(1)));
        assertThat(later.scope()).containsExactlyInAnyOrder(A, B);
        assertThat(later.handling()).isEqualTo(Handling.DOWNLOAD_TRACED);
    }

    @Test
    void r16_aPublishedItemWithoutDesignationIsPublicAndAnUnpublishedOneCouncilInternal() {
        // R16: open by default once published; R12: council-internal otherwise
        assertThat(MarkingRules.marking(item(true), List.of(), START).marking()).isEqualTo(Marking.PUBLIC);
        assertThat(MarkingRules.marking(item(false), List.of(), START).marking()).isEqualTo(Marking.COUNCIL);
    }
}
