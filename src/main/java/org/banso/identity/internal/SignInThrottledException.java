package org.banso.identity.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** The login form's answer when {@link SignInThrottle} refuses the attempt: the page says when to try again. */
class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("Too many sign-in attempts");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
