package org.banso.information.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.information.AccessDecision;
import org.banso.information.DesignationId;
import org.banso.information.Handling;
import org.banso.information.InformationAction;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.Marking;
import org.banso.information.internal.AccessFacts.DesignationFacts;
import org.banso.information.internal.AccessFacts.ItemFacts;
import org.banso.information.internal.InformationPolicyPropertyTest.Expected;
import org.banso.information.internal.InformationPolicyPropertyTest.World;
import org.banso.shared.ProblemCode;

/**
 * The access policy as jqwik properties (R12, R15–R17): worlds are generated from their parts (participants,
 * designations with scopes and millisecond periods, the item, the person's membership and pledge, the action, an
 * instant that is often exactly on a period's start or end), so that a counterexample shrinks to a smallest world.
 * The policy must never permit what the separately written reference model of {@link InformationPolicyPropertyTest}
 * denies, and must deny with the reference's code. The seeded 200,000-world loop there stays as a fixed regression.
 */
class InformationPolicyProperties {

    private static final CouncilId COUNCIL = new CouncilId(new UUID(0xC0, 1));
    private static final Instant EPOCH = InformationPolicyPropertyTest.EPOCH;

    @Property(tries = 3_000)
    void r12_r15_r16_r17_neverPermitsWhatTheReferenceDenies(@ForAll("worlds") World w) {
        AccessDecision decision = PolicyRules.decide(w.membership(), w.action(), w.item(), w.designations(),
                w.at(), type -> w.traceable(), w::freshSecondFactor);
        Expected expected = InformationPolicyPropertyTest.reference(w);
        assertThat(decision.permitted()).as("%s", w).isEqualTo(expected.permitted());
        if (!expected.permitted()) {
            assertThat(decision.denial()).as("%s", w).isEqualTo(expected.denial());
        }
    }

    @Property(tries = 1_000)
    void r17_noRoleAndNoMembershipSeesMoreThanPublicItems(@ForAll("worlds") World w) {
        AccessDecision decision = PolicyRules.decide(null, InformationAction.METADATA, w.item(), w.designations(),
                w.at(), type -> true, w::freshSecondFactor);
        Marking marking = MarkingRules.marking(w.item(), w.designations(), w.at()).marking();
        assertThat(decision.permitted()).as("%s", w).isEqualTo(marking == Marking.PUBLIC);
        if (!decision.permitted()) {
            assertThat(decision.denial()).isEqualTo(ProblemCode.NOT_FOUND);
        }
    }

    @Provide
    Arbitrary<World> worlds() {
        return Arbitraries.integers().between(1, 4).flatMap(count -> {
            List<ParticipantId> participants = IntStream.range(0, count)
                    .mapToObj(i -> new ParticipantId(new UUID(0xB0, i))).toList();
            return designation(participants).list().ofMaxSize(3).flatMap(designations ->
                    Combinators.combine(item(participants, designations), membership(participants),
                                    Arbitraries.of(InformationAction.class), instant(designations),
                                    Arbitraries.of(true, false), Arbitraries.of(true, false))
                            .as((item, membership, action, at, traceable, fresh) -> new World(item, designations,
                                    item.council() == null ? null : membership.orElse(null), action, at,
                                    traceable, fresh)));
        });
    }

    private static Arbitrary<DesignationFacts> designation(List<ParticipantId> participants) {
        return Combinators.combine(Arbitraries.subsetOf(participants).ofMinSize(1),
                        Arbitraries.longs().between(0, 999), Arbitraries.longs().between(0, 999),
                        Arbitraries.of(Handling.class), Arbitraries.of(Marking.PUBLIC, Marking.COUNCIL))
                .as((scope, start, length, handling, after) -> new DesignationFacts(DesignationId.random(), COUNCIL,
                        new ProposalId(UUID.randomUUID()), handling, after, EPOCH.plusMillis(start),
                        EPOCH.plusMillis(start + length), scope));
    }

    private static Arbitrary<ItemFacts> item(List<ParticipantId> participants, List<DesignationFacts> designations) {
        Arbitrary<Boolean> library = Arbitraries.frequency(java.util.List.of(
                net.jqwik.api.Tuple.of(19, false), net.jqwik.api.Tuple.of(1, true)));
        return Combinators.combine(library, Arbitraries.of(ItemCategory.class), Arbitraries.of(participants),
                        Arbitraries.frequency(java.util.List.of(net.jqwik.api.Tuple.of(3, false),
                                net.jqwik.api.Tuple.of(1, true))))
                .as((inLibrary, category, provider, published) -> new ItemFacts(ItemId.random(),
                        inLibrary ? null : COUNCIL, category, null, inLibrary ? null : provider, published, 1,
                        "text/plain", designations.stream().map(DesignationFacts::id).toList()));
    }

    /** No membership (a fifth of the time), or a participant's member with or without a signed current pledge. */
    private static Arbitrary<java.util.Optional<CouncilMembership>> membership(List<ParticipantId> participants) {
        Arbitrary<java.util.Optional<CouncilMembership>> member = Combinators.combine(Arbitraries.of(participants),
                        Arbitraries.of(ParticipantRole.class), Arbitraries.of(true, false),
                        Arbitraries.frequency(java.util.List.of(net.jqwik.api.Tuple.of(3, true),
                                net.jqwik.api.Tuple.of(1, false))))
                .as((participant, role, representative, signed) -> java.util.Optional.of(
                        new CouncilMembership(COUNCIL, participant, role, representative, signed)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(java.util.Optional.empty())),
                net.jqwik.api.Tuple.of(4, member));
    }

    /** Any instant around the periods, or exactly a period's start or end (the millisecond boundary, R15). */
    private static Arbitrary<Instant> instant(List<DesignationFacts> designations) {
        Arbitrary<Instant> around = Arbitraries.longs().between(-100, 2_100).map(EPOCH::plusMillis);
        if (designations.isEmpty()) {
            return around;
        }
        Arbitrary<Instant> boundary = Arbitraries.of(designations)
                .flatMap(d -> Arbitraries.of(d.start(), d.end(), d.end().minus(Duration.ofMillis(1))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, around), net.jqwik.api.Tuple.of(1, boundary));
    }
}
