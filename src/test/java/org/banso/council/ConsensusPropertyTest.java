package org.banso.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.Councils.NewCouncil;
import org.banso.council.Councils.NewParticipant;
import org.banso.council.Proposals.NewProposal;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.IdentityManagement.NewOrganization;
import org.banso.identity.IdentityManagement.NewUser;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R14 as a property: over seeded random sequences of answers, amendments, joins, leaves and withdrawals, the real
 * module (through its API, on the real database) behaves like a reference model of a few lines, and a proposal is
 * adopted exactly when every current participant has consented to its current revision. Plain JUnit over a seeded
 * {@link SplittableRandom}: the failing seed, case and step are in the message; rerun one with
 * {@code -Dcouncil.property.seed=<seed>}.
 */
@BansoIntegrationTest
class ConsensusPropertyTest {

    private static final int CASES = 30;
    private static final int STEPS = 30;
    private static final int POOL = 5;

    @Autowired
    Councils councils;

    @Autowired
    Proposals proposals;

    @Autowired
    Pledges pledges;

    @Autowired
    IdentityManagement identity;

    /** The reference model: who takes part, who answered the current revision how, and the status. */
    static final class Model {
        final Set<ParticipantId> current = new java.util.HashSet<>();
        final Map<ParticipantId, String> answers = new HashMap<>();
        ProposalStatus status = ProposalStatus.OPEN;

        boolean everyoneConsented() {
            return current.stream().allMatch(p -> "CONSENT".equals(answers.get(p)));
        }

        /** The expected failure of an answer, or null; applies it when accepted. */
        ProblemCode answer(ParticipantId participant, String response) {
            if (status != ProposalStatus.OPEN) {
                return ProblemCode.PROPOSAL_CLOSED;
            }
            if (answers.containsKey(participant)) {
                return ProblemCode.ALREADY_RESPONDED;
            }
            answers.put(participant, response);
            adoptIfComplete();
            return null;
        }

        ProblemCode amend() {
            if (status != ProposalStatus.OPEN) {
                return ProblemCode.PROPOSAL_CLOSED;
            }
            answers.clear();
            return null;
        }

        ProblemCode withdraw() {
            if (status != ProposalStatus.OPEN) {
                return ProblemCode.PROPOSAL_CLOSED;
            }
            status = ProposalStatus.WITHDRAWN;
            return null;
        }

        void join(ParticipantId participant) {
            current.add(participant);
        }

        void leave(ParticipantId participant) {
            current.remove(participant);
            adoptIfComplete();
        }

        private void adoptIfComplete() {
            if (status == ProposalStatus.OPEN && everyoneConsented()) {
                status = ProposalStatus.ADOPTED;
            }
        }
    }

    @Test
    void r14_adoptedExactlyWhenEveryCurrentParticipantConsentedToTheCurrentRevision() {
        long seed = Long.getLong("council.property.seed", 20261125L);
        SplittableRandom random = new SplittableRandom(seed);
        BansoUser admin = administrator();
        OrganizationView ministry = organization("省", OrganizationKind.MINISTRY, admin);
        BansoUser official = person(ministry, Role.MINISTRY_OFFICIAL, admin);
        List<BansoUser> pool = new ArrayList<>();
        OrganizationKind[] kinds = {OrganizationKind.UNIVERSITY, OrganizationKind.STARTUP, OrganizationKind.COMPANY,
                OrganizationKind.THINK_TANK, OrganizationKind.FUNDING_AGENCY};
        for (int i = 0; i < POOL; i++) {
            pool.add(person(organization("参加", kinds[i % kinds.length], admin), Role.RESEARCHER, admin));
        }
        int adoptions = 0;
        int refusals = 0;
        for (int c = 0; c < CASES; c++) {
            String where = "seed " + seed + ", case " + c;
            CouncilId council = councils.propose(new NewCouncil("性質 " + UUID.randomUUID(), ministry.id(),
                    List.of(), List.of(pool.get(0).id())), official).id();
            councils.recordConsent(council, ConsentDecision.CONSENT, pool.get(0));
            councils.establish(council, official);
            pledges.sign(council, "ja", official);
            Map<UserId, ParticipantId> joined = new LinkedHashMap<>();
            joined.put(official.id(), councils.council(council, official).participants().get(0).id());
            for (BansoUser person : pool) {
                if (random.nextInt(3) > 0) {
                    joined.put(person.id(), join(council, person, official));
                }
            }
            Model model = new Model();
            joined.values().forEach(model::join);
            ProposalId[] current = {newProposal(council, official)};
            List<String> trace = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                if (model.status != ProposalStatus.OPEN && random.nextInt(3) == 0) {
                    // a closed proposal: the council moves on to the next one
                    if (model.status == ProposalStatus.ADOPTED) {
                        adoptions++;
                    }
                    trace.add("next proposal");
                    current[0] = newProposal(council, official);
                    model.answers.clear();
                    model.status = ProposalStatus.OPEN;
                }
                ProposalId proposal = current[0];
                ProposalStatus before = model.status;
                int op = random.nextInt(100);
                ProblemCode expected;
                ProblemCode actual;
                if (op < 60) {
                    UserId who = pick(random, new ArrayList<>(joined.keySet()));
                    BansoUser person = who.equals(official.id()) ? official : byId(pool, who);
                    String response = random.nextInt(5) == 0 ? "OBJECT" : "CONSENT";
                    trace.add(response + " by " + person.username());
                    expected = model.answer(joined.get(who), response);
                    actual = code(() -> proposals.respond(proposal, ProposalResponse.named(response).orElseThrow(), "理由",
                            person));
                } else if (op < 70) {
                    trace.add("amend");
                    expected = model.amend();
                    actual = code(() -> proposals.amend(proposal, "題（修正）", "本文（修正）", null, null, official));
                } else if (op < 82) {
                    List<BansoUser> outside = pool.stream().filter(p -> !joined.containsKey(p.id())).toList();
                    if (outside.isEmpty()) {
                        continue;
                    }
                    BansoUser person = pick(random, outside);
                    trace.add("join " + person.username());
                    ParticipantId participant = join(council, person, official);
                    joined.put(person.id(), participant);
                    model.join(participant);
                    expected = null;
                    actual = null;
                } else if (op < 97) {
                    List<UserId> leavers = joined.keySet().stream().filter(u -> !u.equals(official.id())).toList();
                    if (leavers.isEmpty()) {
                        continue;
                    }
                    UserId who = pick(random, leavers);
                    BansoUser leaver = byId(pool, who);
                    trace.add("leave " + leaver.username());
                    ParticipantId participant = joined.remove(who);
                    // the representative leaves, or the competent ministry removes the participant
                    councils.removeParticipant(council, participant, random.nextBoolean() ? leaver : official);
                    model.leave(participant);
                    expected = null;
                    actual = null;
                } else {
                    trace.add("withdraw");
                    expected = model.withdraw();
                    actual = code(() -> proposals.withdraw(proposal, official));
                }
                if (actual != null) {
                    refusals++;
                }
                ProposalView view = proposals.proposal(current[0], official);
                String message = where + ", step " + step + ", trace " + trace;
                assertThat(actual).as("refusal, " + message).isEqualTo(expected);
                assertThat(view.status()).as("status, " + message).isEqualTo(model.status);
                if (view.status() == ProposalStatus.OPEN) {
                    assertThat(model.everyoneConsented()).as("open although all consented, " + message).isFalse();
                    assertThat(Set.copyOf(view.awaiting())).as("awaiting, " + message).isEqualTo(
                            model.current.stream().filter(p -> !model.answers.containsKey(p))
                                    .collect(java.util.stream.Collectors.toSet()));
                }
                if (before == ProposalStatus.OPEN && view.status() == ProposalStatus.ADOPTED) {
                    // the invariant itself, at the moment of adoption
                    assertThat(model.everyoneConsented()).as("adopted without everyone, " + message).isTrue();
                    assertThat(view.responses().stream().filter(r -> r.revision() == view.revision()
                                    && r.response() == ProposalResponse.CONSENT).map(CouncilViews.ResponseView::participantId)
                            .collect(java.util.stream.Collectors.toSet()))
                            .as("the service's own record, " + message).containsAll(model.current);
                }
            }
            if (model.status == ProposalStatus.ADOPTED) {
                adoptions++;
            }
        }
        // the generator must reach adoptions and refusals, or the property proves little
        assertThat(adoptions).as("adopted proposals").isPositive();
        assertThat(refusals).as("refused answers exercised").isPositive();
    }

    private ProposalId newProposal(CouncilId council, BansoUser official) {
        return proposals.propose(council, new NewProposal(Matter.CONTENT_AND_RESULTS, "題", "本文", null, null),
                official).id();
    }

    private ParticipantId join(CouncilId council, BansoUser person, BansoUser official) {
        ParticipantId id = councils.addParticipant(council, new NewParticipant(person.organizationId(),
                        ParticipantRole.RESEARCHER, person.id(), List.of()), official).participants().stream()
                .filter(p -> p.organizationId().equals(person.organizationId())).findFirst().orElseThrow().id();
        pledges.sign(council, "en", person);
        return id;
    }

    private static ProblemCode code(Runnable action) {
        BansoException refused = catchThrowableOfType(BansoException.class, action::run);
        return refused == null ? null : refused.code();
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static BansoUser byId(List<BansoUser> pool, UserId id) {
        return pool.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private BansoUser administrator() {
        BansoUser probe = new BansoUser(new UserId(UUID.randomUUID()), "probe", "probe", null, Set.of(Role.ADMIN));
        return identity.users(probe).stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow()
                .asPrincipal();
    }

    private OrganizationView organization(String prefix, OrganizationKind kind, BansoUser admin) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return identity.registerOrganization(new NewOrganization(name, name, kind, null), admin);
    }

    private BansoUser person(OrganizationView org, Role role, BansoUser admin) {
        String username = "prop-" + UUID.randomUUID().toString().substring(0, 8);
        return identity.createUser(new NewUser(username, "性質 " + username, username + "@example.jp", org.id(),
                Set.of(role), "correct-horse-battery"), admin).asPrincipal();
    }
}
