package org.banso.funding;

import java.util.List;

import org.banso.council.ParticipantRole;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;

/**
 * Issue 16: a K Program project's council starts complete. The award already knows the people who should take part —
 * the principal investigator and their organization, the co-researchers' organizations, the social-implementation
 * lead, the funding agency — and invites them by name, once the awarding officer has confirmed the list on the
 * project's page. Only the awarding officer sees and sends the list (everyone else: {@code not-found}).
 */
public interface AwardInvitations {

    /** What the award proposes, one entry per organization (the competent ministry is in the council already). */
    ProposedInvitations proposed(ProjectId project, BansoUser actor);

    /**
     * Invites the confirmed organizations' people by name, by e-mail, all in one transaction through the council
     * module; {@code validation-failed} on {@code organizationIds} when none of the proposed ones with an address is
     * named, {@code conflict} when the list was sent already. Answers the entries invited.
     */
    List<ProposedInvitee> invite(ProjectId project, List<OrganizationId> organizationIds, BansoUser actor);

    /** Why an organization is on the list. */
    enum Part {
        PRINCIPAL_INVESTIGATOR, CO_RESEARCHER, SOCIAL_IMPLEMENTATION_LEAD, FUNDING_AGENCY
    }

    /**
     * @param sentAt when the awarding officer sent the invitations, or null
     */
    record ProposedInvitations(List<ProposedInvitee> invitees, java.time.Instant sentAt) {
    }

    /**
     * @param personId null when the organization has no account that could take the role (then nobody is named)
     * @param email    null when that person has no address: they cannot be invited by e-mail
     */
    record ProposedInvitee(Part part, OrganizationId organizationId, String organizationName, ParticipantRole role,
                           UserId personId, String personName, String email) {

        public boolean invitable() {
            return personId != null && email != null;
        }
    }
}
