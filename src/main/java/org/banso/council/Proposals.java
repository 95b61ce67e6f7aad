package org.banso.council;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    ProposalView amend(ProposalId id, Amendment amendment, BansoUser actor);

    /**
     * A participant asks a question or answers one in the proposal's discussion (visible to the council's pledged
     * participants only, R12).
     */
    ProposalView ask(ProposalId id, String text, BansoUser actor);

    ProposalView withdraw(ProposalId id, BansoUser actor);

    /**
     * Refuses exactly as {@link #withdraw} would for this actor ({@code not-found}, {@code not-a-participant},
     * {@code forbidden}, {@code conflict}) and changes nothing: the confirmation page asks it before it is shown.
     */
    void checkWithdraw(ProposalId id, BansoUser actor);

    /** For the search module, a system reader (no viewer): a proposal, empty when it does not exist. */
    Optional<ProposalView> forIndex(ProposalId id);

    /** For the search module, a system reader (no viewer): the ids of a council's proposals. */
    List<ProposalId> idsOf(CouncilId council);

    /**
     * @param responseDeadline   by when every participant is asked to answer; optional, in the future. Past it an
     *                           open proposal has lapsed (silence is never consent, R14)
     * @param liftsDesignationId matters (3)/(4): a designation of the council this proposal ends early at adoption,
     *                           or, with {@code designation}, narrows (R16)
     * @param reviewWindowDays   matter (4): the council's review window for research results, in days (R16)
     */
    record NewProposal(Matter matter, String title, String body, Designation designation, Instant responseDeadline,
                       UUID liftsDesignationId, Integer reviewWindowDays) {

        public NewProposal(Matter matter, String title, String body, Designation designation,
                           Instant responseDeadline) {
            this(matter, title, body, designation, responseDeadline, null, null);
        }

        public InformationTerms terms() {
            return new InformationTerms(designation, liftsDesignationId, reviewWindowDays);
        }
    }

    /** The whole new revision of a proposal; a null {@code responseDeadline} keeps the current deadline. */
    record Amendment(String title, String body, Designation designation, Instant responseDeadline,
                     UUID liftsDesignationId, Integer reviewWindowDays) {

        public InformationTerms terms() {
            return new InformationTerms(designation, liftsDesignationId, reviewWindowDays);
        }
    }
}
