package org.banso.council;

import org.banso.identity.UserId;

/**
 * Extension point (R14, R15), implemented by the information module: checks a proposal's designation when the
 * proposal is made or amended, and puts it into effect when the proposal is adopted, inside the adopting transaction,
 * so that there is never an adopted proposal without its designation nor a designation without its adoption.
 * While no implementation exists, proposals carrying a designation are refused.
 */
public interface ProposalDesignations {

    /** Throws {@link org.banso.shared.BansoException} ({@code validation-failed}, {@code period-too-long}…) when invalid. */
    void validate(CouncilId council, Designation designation);

    /** Puts the designation into effect; a failure rolls the adoption back. */
    void apply(CouncilId council, ProposalId proposal, Designation designation, UserId adoptedBy);
}
