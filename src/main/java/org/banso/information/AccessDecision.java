package org.banso.information;

import org.banso.shared.ProblemCode;

/**
 * The access policy's answer (R17): permit or deny, why, and — when denied — the problem the caller is shown
 * ({@code not-found} whenever the caller may not know the item exists, {@code pledge-required} for a member of the
 * council who has not signed its current pledge, {@code forbidden} otherwise).
 *
 * @param reason a stable, non-secret reason code such as {@code pledged-participant} or {@code outside-scope}
 */
public record AccessDecision(boolean permitted, String reason, ProblemCode denial) {

    public static AccessDecision permit(String reason) {
        return new AccessDecision(true, reason, null);
    }

    public static AccessDecision deny(String reason, ProblemCode denial) {
        return new AccessDecision(false, reason, denial);
    }
}
