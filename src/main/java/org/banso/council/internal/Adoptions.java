package org.banso.council.internal;

import java.time.Instant;

import org.banso.council.CouncilId;
import org.banso.council.InformationTerms;
import org.banso.council.ProposalDesignations;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a proposal decides about information goes through the information module's {@link ProposalDesignations}, in
 * the proposal's own transactions (R14–R16): its terms are checked when it is made or amended; the module learns
 * that a revision is open (research results it would designate wait for the outcome) and when the proposal closed;
 * and a proposal that may just have been adopted is saved only after its terms took effect — a designation applied,
 * one ended early or narrowed, the review window set — so there is never an adopted proposal without its effect, nor
 * an effect (or a ProposalAdopted event) without its adoption.
 */
@Component
class Adoptions {

    private final ProposalRepository proposals;
    private final ObjectProvider<ProposalDesignations> designations;

    Adoptions(ProposalRepository proposals, ObjectProvider<ProposalDesignations> designations) {
        this.proposals = proposals;
        this.designations = designations;
    }

    /** @param adopted whether the verb just called adopted the proposal */
    Proposal save(Proposal proposal, boolean adopted, UserId by) {
        InformationTerms terms = proposal.terms();
        ProposalDesignations spi = designations.getIfAvailable();
        if (adopted && !terms.isEmpty()) {
            if (spi == null) {
                throw new BansoException(ProblemCode.CONFLICT,
                        "The proposal decides about information but designations are not available.");
            }
            if (terms.liftsDesignationId() != null) {
                spi.lift(proposal.councilId(), proposal.id(), terms.liftsDesignationId(), terms.designation(), by);
            } else if (terms.designation() != null) {
                spi.apply(proposal.councilId(), proposal.id(), terms.designation(), by);
            }
            if (terms.reviewWindowDays() != null) {
                spi.setReviewWindow(proposal.councilId(), proposal.id(), terms.reviewWindowDays(), by);
            }
        }
        if (adopted && spi != null) {
            spi.closed(proposal.councilId(), proposal.id(), proposal.closedAt());
        }
        return proposals.save(proposal);
    }

    /** The information module's check of the terms' content (R15, R16), for proposing and amending. */
    void check(CouncilId council, InformationTerms terms) {
        ProposalDesignations spi = designations.getIfAvailable();
        if (spi == null) {
            throw BansoException.invalid(terms.designation() != null ? "designation"
                    : terms.liftsDesignationId() != null ? "liftsDesignationId" : "reviewWindowDays",
                    "designations are not available yet");
        }
        if (terms.liftsDesignationId() != null) {
            spi.validateLift(council, terms.liftsDesignationId(), terms.designation());
        } else if (terms.designation() != null) {
            spi.validate(council, terms.designation());
        }
        if (terms.reviewWindowDays() != null) {
            spi.validateReviewWindow(council, terms.reviewWindowDays());
        }
    }

    /** R16: the proposal's current revision is open from now; what it would designate waits for its outcome. */
    void deliberating(Proposal proposal, Instant from) {
        ProposalDesignations spi = designations.getIfAvailable();
        if (spi != null) {
            spi.deliberating(proposal.councilId(), proposal.id(), proposal.designation(), from,
                    proposal.responseDeadline());
        }
    }

    /** R16: the proposal closed without being adopted (withdrawn). */
    void closed(Proposal proposal, Instant at) {
        ProposalDesignations spi = designations.getIfAvailable();
        if (spi != null) {
            spi.closed(proposal.councilId(), proposal.id(), at);
        }
    }
}
