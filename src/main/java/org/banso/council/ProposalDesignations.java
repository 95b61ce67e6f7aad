package org.banso.council;

import java.time.Instant;
import java.util.UUID;

import org.banso.identity.UserId;

/**
 * Extension point (R14–R16), implemented by the information module: checks what a proposal decides about information
 * ({@link InformationTerms}) when the proposal is made or amended, and puts it into effect when the proposal is
 * adopted, inside the adopting transaction, so that there is never an adopted proposal without its effect nor an
 * effect without its adoption. It also learns, in the same transactions, when a proposal that would designate items
 * is open and when it closes, because research results it would designate wait for its outcome before they are
 * published by default (R16). While no implementation exists, proposals carrying such terms are refused.
 */
public interface ProposalDesignations {

    /** Throws {@link org.banso.shared.BansoException} ({@code validation-failed}, {@code period-too-long}…) when invalid. */
    void validate(CouncilId council, Designation designation);

    /** Puts the designation into effect; a failure rolls the adoption back. */
    void apply(CouncilId council, ProposalId proposal, Designation designation, UserId adoptedBy);

    /**
     * R16: checks an early end of one of the council's designations in force or to come; with a {@code replacement},
     * a narrowing: the replacement may only restrict less (fewer items, a wider scope, an earlier end, lighter
     * handling, a more open after-period).
     */
    default void validateLift(CouncilId council, UUID designation, Designation replacement) {
        throw org.banso.shared.BansoException.invalid("liftsDesignationId", "ending designations is not available");
    }

    /** R16: ends the designation at adoption (its items become what it said for after its period), and applies the
     * replacement of a narrowing; a failure rolls the adoption back. */
    default void lift(CouncilId council, ProposalId proposal, UUID designation, Designation replacement,
                      UserId adoptedBy) {
        throw new IllegalStateException("ending designations is not available");
    }

    /** R16: checks a review window for the council's research results, in days. */
    default void validateReviewWindow(CouncilId council, int days) {
        throw org.banso.shared.BansoException.invalid("reviewWindowDays", "review windows are not available");
    }

    /** R16: the council's research results uploaded from now on are published by default after {@code days}. */
    default void setReviewWindow(CouncilId council, ProposalId proposal, int days, UserId adoptedBy) {
        throw new IllegalStateException("review windows are not available");
    }

    /**
     * R16: the proposal's revision opened at {@code from}; it would designate what {@code designation} names (null:
     * nothing) until it closes or, at the latest, its {@code deadline} (null: none). A previous revision's deliberation
     * ends at {@code from}.
     */
    default void deliberating(CouncilId council, ProposalId proposal, Designation designation, Instant from,
                              Instant deadline) {
    }

    /** R16: the proposal was adopted or withdrawn at {@code at}: nothing waits for it any longer. */
    default void closed(CouncilId council, ProposalId proposal, Instant at) {
    }
}
