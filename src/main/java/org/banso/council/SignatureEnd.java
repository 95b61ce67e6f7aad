package org.banso.council;

/** Why a pledge signature no longer gives access (R12); the duty itself continues either way. */
public enum SignatureEnd {
    REVOKED,
    LEFT
}
