package org.banso.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents.FactorPurpose;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * The second factor on the API (issue 18): what a token request must prove, and step-up for a token. Token requests
 * carry the code with the password, so a token is only ever issued to a caller that passed the second factor when
 * its account needs one.
 */
@Component
public class SignInSecondFactor {

    private final SecondFactorPolicy policy;
    private final SecondFactors factors;
    private final ApiTokens tokens;
    private final Clock clock;

    SignInSecondFactor(SecondFactorPolicy policy, SecondFactors factors, ApiTokens tokens, Clock clock) {
        this.policy = policy;
        this.factors = factors;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * For a token request whose password was right: the instant the code proved a second factor, or null when no
     * code was sent and the account needs none.
     *
     * @throws BansoException {@code second-factor-required} without a code where one is needed, {@code unauthenticated}
     *                        for a wrong code or while codes are refused
     */
    public Instant forToken(BansoUser user, String code) {
        if (code == null || code.isBlank()) {
            if (policy.requires(user)) {
                throw new BansoException(ProblemCode.SECOND_FACTOR_REQUIRED, policy.enrolled(user.id())
                        ? "This account must pass a second factor: send `code` (authenticator app or recovery code)."
                        : "This account must pass a second factor: set one up on the account page (/account) first.");
            }
            return null;
        }
        return check(user, code, FactorPurpose.API_TOKEN);
    }

    /** Step-up for the presented personal token; answers the instant now recorded. */
    public Instant stepUp(BansoUser user, String code, String presentedToken) {
        if (code == null || code.isBlank()) {
            throw BansoException.invalid("code", "must not be blank");
        }
        Instant at = check(user, code, FactorPurpose.STEP_UP);
        if (!tokens.secondFactorPassed(presentedToken, user.id(), at)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "A service token cannot step up.");
        }
        return at;
    }

    private Instant check(BansoUser user, String code, FactorPurpose purpose) {
        SecondFactors.Outcome outcome = factors.verify(user.id(), code, purpose);
        if (outcome instanceof SecondFactors.Passed) {
            // to the microsecond, as the token row keeps it: the answer and later step-up checks agree
            return clock.instant().truncatedTo(ChronoUnit.MICROS);
        }
        throw new BansoException(ProblemCode.UNAUTHENTICATED, outcome instanceof SecondFactors.Locked
                || outcome instanceof SecondFactors.Wrong w && w.nowLocked()
                ? "Too many wrong codes: codes are refused for a while."
                : "The code is not correct.");
    }
}
