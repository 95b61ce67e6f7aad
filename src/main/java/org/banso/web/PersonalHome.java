package org.banso.web;

import org.springframework.security.core.Authentication;

/**
 * A module that knows what waits for a signed-in person contributes it as a bean of this type (the notification
 * module's "My work" page, issue 16): "/" leads a signed-in person to {@link #path()}, and the header of every page
 * shows {@link #waitingCount}. Without such a bean the home page is the same for everybody.
 */
public interface PersonalHome {

    /** The signed-in person's home page. */
    String path();

    /** How many things wait for the signed-in person now; called once per page, so it must be cheap. */
    int waitingCount(Authentication signedIn);
}
