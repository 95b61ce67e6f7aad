package org.banso.council.internal;

import org.banso.council.Designation;
import org.banso.council.ProposalDesignations;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Saves a proposal that may just have been adopted (R14): its designation takes effect first, in the same
 * transaction, through the information module's {@link ProposalDesignations}; only then is the proposal saved and
 * ProposalAdopted published. So there is never an adopted proposal without its designation, nor a designation (or a
 * ProposalAdopted event) without its adoption.
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
        Designation designation = proposal.designation();
        if (adopted && designation != null) {
            ProposalDesignations spi = designations.getIfAvailable();
            if (spi == null) {
                throw new BansoException(ProblemCode.CONFLICT,
                        "The proposal carries a designation but designations are not available.");
            }
            spi.apply(proposal.councilId(), proposal.id(), designation, by);
        }
        return proposals.save(proposal);
    }

    /** The information module's check of a designation's content (R15), for proposing and amending. */
    void check(org.banso.council.CouncilId council, Designation designation) {
        ProposalDesignations spi = designations.getIfAvailable();
        if (spi == null) {
            throw BansoException.invalid("designation", "designations are not available yet");
        }
        spi.validate(council, designation);
    }
}
