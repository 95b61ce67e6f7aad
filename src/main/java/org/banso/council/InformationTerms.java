package org.banso.council;

import java.util.UUID;

/**
 * What a proposal of matter (3) or (4) decides about information besides its text (R15, R16): a new designation; the
 * early end of one of the council's designations ({@code liftsDesignationId}), which with a designation becomes a
 * narrowing — the lifted one ends at adoption and the narrower one replaces it; and, for matter (4), the council's
 * review window for research results ({@code reviewWindowDays}). The council module stores and transports them; the
 * information module checks them when the proposal is made or amended and puts them into effect in the adopting
 * transaction, through {@link ProposalDesignations}.
 */
public record InformationTerms(Designation designation, UUID liftsDesignationId, Integer reviewWindowDays) {

    public static final InformationTerms NONE = new InformationTerms(null, null, null);

    public static InformationTerms of(Designation designation) {
        return new InformationTerms(designation, null, null);
    }

    public boolean isEmpty() {
        return designation == null && liftsDesignationId == null && reviewWindowDays == null;
    }

    /** Whether adopting it changes what is controlled (a designation, an early end or a narrowing). */
    public boolean designates() {
        return designation != null || liftsDesignationId != null;
    }
}
