package org.banso.council.internal;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.ParticipantRole;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * Who may know of a council and act in it: the one place the council module decides it, asking the memberships query
 * (R12). A council is known to its participants' members, its required consenters and the competent ministry's
 * officials; to anyone else it does not exist ({@code not-found}). Acting needs a membership
 * ({@code not-a-participant}), non-public information a signed current pledge ({@code pledge-required}), running
 * the council the competent ministry ({@code forbidden}).
 */
@Component
class CouncilAccess {

    private final CouncilRepository councils;
    private final MembershipCache memberships;

    CouncilAccess(CouncilRepository councils, MembershipCache memberships) {
        this.councils = councils;
        this.memberships = memberships;
    }

    /** The council, if the viewer may know it exists; {@code not-found} naming {@code what} otherwise. */
    Council visible(CouncilId id, BansoUser viewer, String what) {
        return councils.findById(id).filter(c -> maySee(c, viewer))
                .orElseThrow(() -> BansoException.notFound(what));
    }

    Council visible(CouncilId id, BansoUser viewer) {
        return visible(id, viewer, "The council");
    }

    /** As {@link #visible}, and locked for the rest of the transaction. */
    Council visibleLocked(CouncilId id, BansoUser viewer) {
        Council council = visible(id, viewer);
        return councils.findLockedById(council.id()).orElseThrow();
    }

    boolean maySee(Council council, BansoUser viewer) {
        if (viewer == null) {
            return false;
        }
        if (viewer.hasRole(Role.MINISTRY_OFFICIAL) && council.competentMinistryId().equals(viewer.organizationId())) {
            return true;
        }
        return memberships.membership(council.id(), viewer.id()).isPresent() || council.requires(viewer.id());
    }

    CouncilMembership participant(Council council, BansoUser actor) {
        return memberships.membership(council.id(), actor.id()).orElseThrow(() -> new BansoException(
                ProblemCode.NOT_A_PARTICIPANT, "You are not a participant of this council."));
    }

    /** A participant who signed the current pledge: the condition for any non-public information (R12). */
    CouncilMembership pledged(Council council, BansoUser actor) {
        CouncilMembership membership = participant(council, actor);
        if (!membership.pledgeSigned()) {
            throw new BansoException(ProblemCode.PLEDGE_REQUIRED,
                    "Sign this council's current confidentiality pledge first (R12).");
        }
        return membership;
    }

    /** A member of the competent ministry's participant: the one who runs the council. */
    CouncilMembership competent(Council council, BansoUser actor) {
        CouncilMembership membership = participant(council, actor);
        if (membership.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only the competent ministry's members may do this in a council.");
        }
        return membership;
    }

    /** The council's people changed: memberships are forgotten now and again when the transaction completes. */
    void changed(CouncilId council) {
        memberships.invalidate(council);
    }
}
