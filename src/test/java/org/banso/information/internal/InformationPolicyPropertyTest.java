package org.banso.information.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

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
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/**
 * Random worlds (participants, scopes, designations with periods, pledges, instants, actions): the policy's pure logic
 * decides exactly as a separately written, deliberately naive reference model (R12, R15–R17), and denies with the
 * code the reference expects. Seeded SplittableRandom; the seed and case are in every failure message.
 */
class InformationPolicyPropertyTest {

    static final long SEED = 0x5EED_2026_1125L;
    static final int CASES = 200_000;
    static final Instant EPOCH = Instant.parse("2027-01-01T00:00:00Z");

    /** @param freshSecondFactor whether the person passed a second factor within the step-up window (issue 18) */
    record World(ItemFacts item, List<DesignationFacts> designations, CouncilMembership membership,
                 InformationAction action, Instant at, boolean traceable, boolean freshSecondFactor) {
    }

    @Test
    void r12_r15_r16_r17_thePolicyDecidesExactlyAsTheReferenceModel() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int n = 0; n < CASES; n++) {
            World w = world(random);
            AccessDecision decision = PolicyRules.decide(w.membership(), w.action(), w.item(), w.designations(),
                    w.at(), type -> w.traceable(), w::freshSecondFactor);
            Expected expected = reference(w);
            String context = "seed " + SEED + " case " + n + ": " + w;
            assertThat(decision.permitted()).as(context).isEqualTo(expected.permitted());
            if (!expected.permitted()) {
                assertThat(decision.denial()).as(context).isEqualTo(expected.denial());
            }
        }
    }

    @Test
    void r17_aRoleNeverWidensAccess_noMembershipSeesOnlyPublicItems() {
        // R17: whatever the person's role (ADMIN, AUDITOR…), without membership only PUBLIC items are visible
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int n = 0; n < 20_000; n++) {
            World w = world(random);
            AccessDecision decision = PolicyRules.decide(null, InformationAction.METADATA, w.item(),
                    w.designations(), w.at(), type -> true, w::freshSecondFactor);
            Marking marking = MarkingRules.marking(w.item(), w.designations(), w.at()).marking();
            assertThat(decision.permitted()).as("seed %d case %d: %s", SEED + 1, n, w)
                    .isEqualTo(marking == Marking.PUBLIC);
            if (!decision.permitted()) {
                assertThat(decision.denial()).isEqualTo(ProblemCode.NOT_FOUND);
            }
        }
    }

    // ------------------------------------------------------------ the world generator

    static World world(SplittableRandom random) {
        CouncilId council = new CouncilId(UUID.randomUUID());
        List<ParticipantId> participants = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            participants.add(new ParticipantId(UUID.randomUUID()));
        }
        List<DesignationFacts> designations = new ArrayList<>();
        int designationCount = random.nextInt(4);
        for (int i = 0; i < designationCount; i++) {
            Set<ParticipantId> scope = new HashSet<>();
            for (ParticipantId p : participants) {
                if (random.nextInt(3) > 0) {
                    scope.add(p);
                }
            }
            if (scope.isEmpty()) {
                scope.add(participants.get(random.nextInt(participants.size())));
            }
            Instant start = EPOCH.plus(Duration.ofMillis(random.nextLong(1_000)));
            Instant end = start.plus(Duration.ofMillis(random.nextLong(1_000)));
            designations.add(new DesignationFacts(DesignationId.random(), council, new ProposalId(UUID.randomUUID()),
                    random.nextBoolean() ? Handling.VIEW_ONLY : Handling.DOWNLOAD_TRACED,
                    random.nextBoolean() ? Marking.PUBLIC : Marking.COUNCIL, start, end, scope));
        }
        ItemCategory[] categories = ItemCategory.values();
        boolean library = random.nextInt(20) == 0;
        ItemFacts item = new ItemFacts(ItemId.random(), library ? null : council,
                categories[random.nextInt(categories.length)], null,
                library ? null : participants.get(random.nextInt(participants.size())), random.nextInt(4) == 0, 1,
                "text/plain", designations.stream().map(DesignationFacts::id).toList());
        CouncilMembership membership = null;
        if (!library && random.nextInt(5) > 0) {
            ParticipantRole[] roles = ParticipantRole.values();
            membership = new CouncilMembership(council, participants.get(random.nextInt(participants.size())),
                    roles[random.nextInt(roles.length)], random.nextBoolean(), random.nextInt(4) > 0);
        }
        InformationAction[] actions = InformationAction.values();
        Instant at = EPOCH.plus(Duration.ofMillis(random.nextLong(2_200) - 100));
        // sometimes exactly on a boundary
        if (!designations.isEmpty() && random.nextInt(3) == 0) {
            DesignationFacts d = designations.get(random.nextInt(designations.size()));
            at = random.nextBoolean() ? d.start() : d.end();
        }
        return new World(item, designations, membership, actions[random.nextInt(actions.length)], at,
                random.nextBoolean(), random.nextInt(3) > 0);
    }

    // ------------------------------------------------------------ the reference model, written separately

    record Expected(boolean permitted, ProblemCode denial) {
        static Expected yes() {
            return new Expected(true, null);
        }

        static Expected no(ProblemCode code) {
            return new Expected(false, code);
        }
    }

    static Expected reference(World w) {
        long t = w.at().toEpochMilli();
        List<DesignationFacts> inForce = new ArrayList<>();
        List<DesignationFacts> ended = new ArrayList<>();
        for (DesignationFacts d : w.designations()) {
            if (d.start().toEpochMilli() <= t && t < d.end().toEpochMilli()) {
                inForce.add(d);
            } else if (d.end().toEpochMilli() <= t) {
                ended.add(d);
            }
        }
        CouncilMembership m = w.membership();
        boolean isPublic;
        if (w.item().council() == null) {
            isPublic = true;
        } else if (!inForce.isEmpty()) {
            isPublic = false;
        } else {
            boolean allEndedPublic = !ended.isEmpty();
            for (DesignationFacts d : ended) {
                if (d.afterPeriod() != Marking.PUBLIC) {
                    allEndedPublic = false;
                }
            }
            isPublic = w.item().published() || allEndedPublic;
        }
        if (!isPublic) {
            if (m == null) {
                return Expected.no(ProblemCode.NOT_FOUND);
            }
            for (DesignationFacts d : inForce) {
                if (!d.scope().contains(m.participant())) {
                    return Expected.no(ProblemCode.NOT_FOUND);
                }
            }
            if (!m.pledgeSigned()) {
                return Expected.no(ProblemCode.PLEDGE_REQUIRED);
            }
        }
        boolean pledged = m != null && m.pledgeSigned();
        boolean provider = pledged && m.participant().equals(w.item().provider());
        // issue 18: controlled content opens, shows or leaves only after a recent second factor
        boolean controlled = w.item().council() != null && !inForce.isEmpty();
        Expected stale = Expected.no(ProblemCode.FRESH_SECOND_FACTOR_REQUIRED);
        switch (w.action()) {
            case LIST, METADATA:
                return Expected.yes();
            case OPEN, VIEW:
                return controlled && !w.freshSecondFactor() ? stale : Expected.yes();
            case DOWNLOAD:
                if (!controlled) {
                    return Expected.yes();
                }
                for (DesignationFacts d : inForce) {
                    if (d.handling() == Handling.VIEW_ONLY) {
                        return Expected.no(ProblemCode.FORBIDDEN);
                    }
                }
                if (!w.traceable()) {
                    return Expected.no(ProblemCode.FORBIDDEN);
                }
                return w.freshSecondFactor() ? Expected.yes() : stale;
            case NEW_VERSION:
                return provider ? Expected.yes() : Expected.no(ProblemCode.FORBIDDEN);
            case PUBLISH:
                if (w.item().council() == null) {
                    return Expected.no(ProblemCode.FORBIDDEN);
                }
                boolean ministry = pledged && m.role() == ParticipantRole.COMPETENT_MINISTRY;
                if (!provider && !ministry) {
                    return Expected.no(ProblemCode.FORBIDDEN);
                }
                if (w.item().category() != ItemCategory.RESEARCH_RESULT
                        && w.item().category() != ItemCategory.GOVERNMENT_RESEARCH_RESULT) {
                    return Expected.no(ProblemCode.FORBIDDEN);
                }
                for (DesignationFacts d : w.designations()) {
                    if (t < d.end().toEpochMilli()) {
                        return Expected.no(ProblemCode.ITEM_DESIGNATED);
                    }
                }
                return Expected.yes();
            default:
                throw new AssertionError(w.action());
        }
    }
}
