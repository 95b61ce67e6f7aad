package org.banso.notification;

/** How a person receives one kind of notification by e-mail. */
public enum EmailMode {
    /** one e-mail per notification, right away */
    IMMEDIATE,
    /** in the weekly digest */
    DIGEST,
    /** not by e-mail (in the app only); not allowed for kinds that ask for an answer */
    OFF
}
