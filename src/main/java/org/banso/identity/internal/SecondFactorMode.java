package org.banso.identity.internal;

/** Whether Banso makes the accounts that need a second factor use one (setting {@code banso.identity.second-factor}). */
enum SecondFactorMode {
    REQUIRED,
    OPTIONAL
}
