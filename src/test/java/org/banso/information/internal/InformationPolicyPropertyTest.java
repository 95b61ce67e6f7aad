package org.banso.information.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.banso.support.SeededProperty;
import org.junit.jupiter.api.Test;

/**
 * The access policy as a property (R12, R15–R17): random worlds are generated from their parts — participants,
 * designations with scopes and millisecond periods, the item, the person's membership and pledge, the action, an
 * instant that is often exactly on a period's start or end — and the policy's pure rules must decide exactly as a
 * separately written, deliberately naive reference model, denying with the reference's code. Seeded
 * ({@link SeededProperty}): a failure names the world's seed; {@code -Dbanso.seed=<seed>} replays that world and
 * {@code -Dbanso.cases=<n>} checks more.
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
        SeededProperty.check("the policy decides as the reference model", SEED, CASES, random -> {
            World w = world(random);
            AccessDecision decision = PolicyRules.decide(w.membership(), w.action(), w.item(), w.designations(),
                    w.at(), type -> w.traceable(), w::freshSecondFactor);
            Expected expected = reference(w);
            assertThat(decision.permitted()).as("%s", w).isEqualTo(expected.permitted());
            if (!expected.permitted()) {
                assertThat(decision.denial()).as("%s", w).isEqualTo(expected.denial());
            }
        });
    }

    @Test
    void r17_aRoleNeverWidensAccess_noMembershipSeesOnlyPublicItems() {
        // R17: whatever the person's role (ADMIN, AUDITOR…), without membership only PUBLIC items are visible
        SeededProperty.check("no membership sees only public items", SEED + 1, 20_000, random -> {
            World w = world(random);
            AccessDecision decision = PolicyRules.decide(null, InformationAction.METADATA, w.item(),
                    w.designations(), w.at(), type -> true, w::freshSecondFactor);
            Marking marking = MarkingRules.marking(w.item(), w.designations(), w.at()).marking();
            assertThat(decision.permitted()).as("%s", w).isEqualTo(marking == Marking.PUBLIC);
            if (!decision.permitted()) {
                assertThat(decision.denial()).as("%s", w).isEqualTo(ProblemCode.NOT_FOUND);
            }
        });
    }

    // ------------------------------------------------------------ worlds, generated from their parts

    static World world(SplittableRandom random) {
        CouncilId council = new CouncilId(uuid(random));
        List<ParticipantId> participants = participants(random);
        List<DesignationFacts> designations = new ArrayList<>();
        int designationCount = random.nextInt(4);
        for (int i = 0; i < designationCount; i++) {
            designations.add(designation(random, council, participants));
        }
        ItemFacts item = item(random, council, participants, designations);
        CouncilMembership membership = item.council() == null ? null : membership(random, council, participants);
        InformationAction[] actions = InformationAction.values();
        return new World(item, designations, membership, actions[random.nextInt(actions.length)],
                instant(random, designations), random.nextBoolean(), random.nextInt(3) > 0);
    }

    /** One to four participants. */
    private static List<ParticipantId> participants(SplittableRandom random) {
        List<ParticipantId> participants = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            participants.add(new ParticipantId(uuid(random)));
        }
        return participants;
    }

    /** A scope of at least one participant, a period of 0–999 ms starting within the first second. */
    private static DesignationFacts designation(SplittableRandom random, CouncilId council,
                                                List<ParticipantId> participants) {
        Set<ParticipantId> scope = new HashSet<>();
        for (ParticipantId p : participants) {
            if (random.nextInt(3) > 0) {
                scope.add(p);
            }
        }
        if (scope.isEmpty()) {
            scope.add(pick(random, participants));
        }
        Instant start = EPOCH.plusMillis(random.nextLong(1_000));
        Instant end = start.plusMillis(random.nextLong(1_000));
        return new DesignationFacts(new DesignationId(uuid(random)), council, new ProposalId(uuid(random)),
                random.nextBoolean() ? Handling.VIEW_ONLY : Handling.DOWNLOAD_TRACED,
                random.nextBoolean() ? Marking.PUBLIC : Marking.COUNCIL, start, end, scope);
    }

    /** A council item (one in twenty is in the public library instead), published one time in four. */
    private static ItemFacts item(SplittableRandom random, CouncilId council, List<ParticipantId> participants,
                                  List<DesignationFacts> designations) {
        ItemCategory[] categories = ItemCategory.values();
        boolean library = random.nextInt(20) == 0;
        return new ItemFacts(new ItemId(uuid(random)), library ? null : council,
                categories[random.nextInt(categories.length)], null, library ? null : pick(random, participants),
                random.nextInt(4) == 0, 1, "text/plain", designations.stream().map(DesignationFacts::id).toList());
    }

    /** No membership one time in five; else a member of some participant, with a signed pledge three times in four. */
    private static CouncilMembership membership(SplittableRandom random, CouncilId council,
                                                List<ParticipantId> participants) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        ParticipantRole[] roles = ParticipantRole.values();
        return new CouncilMembership(council, pick(random, participants), roles[random.nextInt(roles.length)],
                random.nextBoolean(), random.nextInt(4) > 0);
    }

    /** Any instant around the periods, or (one time in three) exactly a start, an end or the last millisecond. */
    private static Instant instant(SplittableRandom random, List<DesignationFacts> designations) {
        if (!designations.isEmpty() && random.nextInt(3) == 0) {
            DesignationFacts d = pick(random, designations);
            return switch (random.nextInt(3)) {
                case 0 -> d.start();
                case 1 -> d.end();
                default -> d.end().minusMillis(1);
            };
        }
        return EPOCH.plusMillis(random.nextLong(2_200) - 100);
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Ids from the case's seed too, so that a replayed world is the same world. */
    private static UUID uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong());
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
