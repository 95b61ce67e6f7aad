package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.council.internal.AggregateFixtures.NOW;
import static org.banso.council.internal.AggregateFixtures.establishedCouncil;
import static org.banso.council.internal.AggregateFixtures.organization;
import static org.banso.council.internal.AggregateFixtures.person;
import static org.banso.council.internal.AggregateFixtures.refused;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.banso.council.InvitationState;
import org.banso.council.ParticipantRole;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/** An invitation's verbs guard R13 by themselves: bound to what it was made for, used up, then silent. */
class InvitationTest {

    final Council council = establishedCouncil();

    Invitation startupInvitation() {
        return council.invite(ParticipantRole.STARTUP, null, new byte[32], Duration.ofDays(7), person(), NOW);
    }

    static Optional<OrganizationView> org(OrganizationKind kind) {
        return Optional.of(new OrganizationView(organization(), "組織", "Org", kind, null, NOW));
    }

    static BansoUser account(Optional<OrganizationView> org, Role role) {
        return new BansoUser(person(), "u", "U", org.get().id(), Set.of(role));
    }

    @Test
    void r13_aStartupInvitationBringsInAStartupsResearcherAndNobodyElse() {
        // R13
        Invitation invitation = startupInvitation();
        Optional<OrganizationView> ministry = org(OrganizationKind.MINISTRY);
        refused(ProblemCode.FORBIDDEN, () -> invitation.requireAcceptableBy(
                account(ministry, Role.MINISTRY_OFFICIAL), ministry, Optional.empty(), NOW));
        Optional<OrganizationView> company = org(OrganizationKind.COMPANY);
        refused(ProblemCode.FORBIDDEN, () -> invitation.requireAcceptableBy(account(company, Role.RESEARCHER),
                company, Optional.empty(), NOW));
        Optional<OrganizationView> startup = org(OrganizationKind.STARTUP);
        refused(ProblemCode.FORBIDDEN, () -> invitation.requireAcceptableBy(account(startup, Role.ANALYST), startup,
                Optional.empty(), NOW));
        refused(ProblemCode.FORBIDDEN, () -> invitation.requireAcceptableBy(account(startup, Role.RESEARCHER),
                Optional.empty(), Optional.empty(), NOW));
        // an organization taking part in another role keeps it
        Participant asResearcher = council.admit(startup.get().id(), ParticipantRole.RESEARCHER, person(), Set.of(),
                person(), NOW);
        refused(ProblemCode.FORBIDDEN, () -> invitation.requireAcceptableBy(account(startup, Role.RESEARCHER),
                startup, Optional.of(asResearcher), NOW));
        invitation.requireAcceptableBy(account(startup, Role.RESEARCHER), startup, Optional.empty(), NOW);
        assertThat(invitation.state(NOW)).as("checking uses nothing").isEqualTo(InvitationState.OPEN);
    }

    @Test
    void r13_onceUsedItAnswersLikeAnUnknownLinkWhileRevokedOrExpiredOnesAreConflicts() {
        // R13
        Invitation used = startupInvitation();
        used.accepted(person(), null, NOW);
        assertThat(used.state(NOW)).isEqualTo(InvitationState.ACCEPTED);
        BansoException unknown = BansoException.notFound("The invitation");
        assertThat(refused(ProblemCode.NOT_FOUND, () -> used.requireAcceptableByNewcomer(OrganizationKind.STARTUP,
                NOW)).getMessage()).isEqualTo(unknown.getMessage());
        Invitation revoked = startupInvitation();
        revoked.revoke(person(), NOW);
        refused(ProblemCode.CONFLICT, () -> revoked.requireAcceptableByNewcomer(OrganizationKind.STARTUP, NOW));
        refused(ProblemCode.NOT_FOUND, () -> revoked.revoke(person(), NOW));
        Invitation expiring = startupInvitation();
        refused(ProblemCode.CONFLICT, () -> expiring.requireAcceptableByNewcomer(OrganizationKind.STARTUP,
                NOW.plus(Duration.ofDays(8))));
        assertThat(expiring.state(NOW.plus(Duration.ofDays(8)))).isEqualTo(InvitationState.EXPIRED);
    }

    @Test
    void r13_refusedRegistrationsBeyondAFewUseTheLinkUp() {
        // R13
        Invitation invitation = startupInvitation();
        for (int i = 1; i < 5; i++) {
            invitation.registrationRefused(5, NOW);
            assertThat(invitation.state(NOW)).as("after %d refusals", i).isEqualTo(InvitationState.OPEN);
        }
        invitation.registrationRefused(5, NOW);
        assertThat(invitation.state(NOW)).isEqualTo(InvitationState.USED_UP);
        assertThat(invitation.state(NOW).isUsed()).isTrue();
        refused(ProblemCode.NOT_FOUND, () -> invitation.requireAcceptableByNewcomer(OrganizationKind.STARTUP, NOW));
    }

    @Test
    void r13_aNewcomerRegistersOnlyAnOrganizationOfTheInvitationsKindAndNeverAMinistry() {
        // R13
        Invitation invitation = startupInvitation();
        BansoException wrongKind = refused(ProblemCode.VALIDATION_FAILED,
                () -> invitation.requireAcceptableByNewcomer(OrganizationKind.COMPANY, NOW));
        assertThat(wrongKind.errors()).extracting(BansoException.FieldError::field)
                .containsExactly("organization.kind");
        invitation.requireAcceptableByNewcomer(OrganizationKind.STARTUP, NOW);
        Invitation ministry = council.invite(ParticipantRole.RELATED_MINISTRY, null, new byte[32], Duration.ofDays(7),
                person(), NOW);
        refused(ProblemCode.CONFLICT, () -> ministry.requireAcceptableByNewcomer(OrganizationKind.MINISTRY, NOW));
    }
}
