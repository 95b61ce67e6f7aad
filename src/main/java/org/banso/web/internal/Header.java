package org.banso.web.internal;

import org.banso.web.PersonalHome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** What the header shows about the person looking; templates reach it as {@code @header}. */
@Component("header")
class Header {

    private final ObjectProvider<PersonalHome> home;

    Header(ObjectProvider<PersonalHome> home) {
        this.home = home;
    }

    /** The count of things waiting for the signed-in person, or null (signed out, or no module counts). */
    public Integer waitingCount(Authentication authentication) {
        PersonalHome personal = home.getIfAvailable();
        if (personal == null || !signedIn(authentication)) {
            return null;
        }
        return personal.waitingCount(authentication);
    }

    /** The personal home page's path, or null. */
    public String homePath() {
        PersonalHome personal = home.getIfAvailable();
        return personal == null ? null : personal.path();
    }

    static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
