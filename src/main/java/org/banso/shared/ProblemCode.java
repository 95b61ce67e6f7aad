package org.banso.shared;

import java.net.URI;

/**
 * The stable error codes of the REST contract (API.md). The problem {@code type} is {@code /problems/<code>}.
 */
public enum ProblemCode {
    VALIDATION_FAILED(400),
    UNAUTHENTICATED(401),
    /** The account must pass a second factor (TOTP, a recovery code or a passkey) before this (issue 18). */
    SECOND_FACTOR_REQUIRED(401),
    /** Controlled content needs a second factor passed within the last minutes (step-up, issue 18). */
    FRESH_SECOND_FACTOR_REQUIRED(401),
    FORBIDDEN(403),
    NOT_A_PARTICIPANT(403),
    PLEDGE_REQUIRED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    CONSENT_MISSING(409),
    CONSENT_DECLINED(409),
    COUNCIL_NOT_ESTABLISHED(409),
    COUNCIL_HAS_ACTIVE_PROJECT(409),
    INSUFFICIENT_FUNDS(409),
    ASSESSMENT_REQUIRED(409),
    ENTITY_NOT_QUALIFIED(409),
    ALREADY_RESPONDED(409),
    PROPOSAL_CLOSED(409),
    ITEM_DESIGNATED(409),
    GUIDELINE_INCOMPLETE(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    PERIOD_TOO_LONG(422),
    PAGE_TOO_LARGE(422),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ProblemCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as written in the contract, e.g. {@code consent-missing}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public URI type() {
        return URI.create("/problems/" + code());
    }

    /** A short English title; pages translate the code themselves. */
    public String title() {
        String words = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
