package org.banso.council;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.banso.council.CouncilViews.ProposalSummary;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.identity.BansoUser;

/**
 * Proposals of the four matters decided by the consent of every current participant (R8, R14). Only pledged
 * participants of an established council see or make them (R12); others get {@code not-found},
 * {@code not-a-participant} or {@code pledge-required}. A refused request changes nothing.
 */
public interface Proposals {

    /** A proposal of one of the four matters, optionally carrying a designation (matters 3 and 4, R15). */
    ProposalView propose(CouncilId council, NewProposal proposal, BansoUser actor);

    /** The council's proposals, newest first. */
    List<ProposalSummary> proposals(CouncilId council, BansoUser viewer);

    ProposalView proposal(ProposalId id, BansoUser viewer);

    /**
     * A participant's representative answers the current revision; the last consent adopts it and puts its
     * designation into effect in the same transaction. {@code response} null = not one of CONSENT, OBJECT.
     */
    ProposalView respond(ProposalId id, ProposalResponse response, String reason, BansoUser actor);

    /**
     * A new revision, by the proposer or the competent ministry: everyone is asked again (R14). It states the whole
     * revision: a null designation means the revision carries none. A null {@code responseDeadline} keeps the
     * current deadline; a new one must lie in the future.
     */
    ProposalView amend(ProposalId id, String title, String body, Designation designation, Instant responseDeadline,
                       BansoUser actor);

    ProposalView withdraw(ProposalId id, BansoUser actor);

    /** For the search module, a system reader (no viewer): a proposal, empty when it does not exist. */
    Optional<ProposalView> forIndex(ProposalId id);

    /** For the search module, a system reader (no viewer): the ids of a council's proposals. */
    List<ProposalId> idsOf(CouncilId council);

    /**
     * @param responseDeadline by when every participant is asked to answer; optional, in the future. Past it an open
     *                         proposal has lapsed (silence is never consent, R14)
     */
    record NewProposal(Matter matter, String title, String body, Designation designation, Instant responseDeadline) {
    }
}
