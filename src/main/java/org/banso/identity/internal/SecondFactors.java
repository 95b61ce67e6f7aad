package org.banso.identity.internal;

import java.time.Clock;

import org.banso.identity.IdentityEvents;
import org.banso.identity.IdentityEvents.FactorPurpose;
import org.banso.identity.IdentityEvents.SignInMethod;
import org.banso.identity.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Checks a second-factor code typed by a person who has already proved a first factor: six digits go to the
 * authenticator app, anything shaped like a recovery code to the recovery codes. Throttled per account
 * ({@link FactorThrottle}); every outcome is an audited event, without the code. Deliberately not transactional:
 * each step commits on its own, so a failure is counted even though the caller refuses the request.
 */
@Component
class SecondFactors {

    private final TotpEnrolments totp;
    private final RecoveryCodes recoveryCodes;
    private final FactorThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondFactors(TotpEnrolments totp, RecoveryCodes recoveryCodes, FactorThrottle throttle,
                  ApplicationEventPublisher events, Clock clock) {
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a typed code. */
    sealed interface Outcome {
    }

    record Passed(SignInMethod method) implements Outcome {
    }

    record Wrong(boolean nowLocked) implements Outcome {
    }

    /** Codes are refused for a while: too many wrong ones. The typed code was not even looked at. */
    record Locked() implements Outcome {
    }

    Outcome verify(UserId account, String code, FactorPurpose purpose) {
        boolean recovery = RecoveryCodes.looksLikeRecoveryCode(code);
        SignInMethod method = recovery ? SignInMethod.RECOVERY_CODE : SignInMethod.TOTP;
        if (throttle.locked(account)) {
            events.publishEvent(new IdentityEvents.SecondFactorFailed(account, method, true, clock.instant()));
            return new Locked();
        }
        boolean right = recovery ? recoveryCodes.use(account, code) : totp.verify(account, code);
        if (right) {
            throttle.succeeded(account);
            events.publishEvent(new IdentityEvents.SecondFactorPassed(account, method, purpose, clock.instant()));
            return new Passed(method);
        }
        boolean locked = throttle.failed(account);
        events.publishEvent(new IdentityEvents.SecondFactorFailed(account, method, locked, clock.instant()));
        return new Wrong(locked);
    }
}
