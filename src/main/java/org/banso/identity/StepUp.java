package org.banso.identity;

import java.time.Instant;

/**
 * Whether the person acting in the current request passed a second factor recently enough to open controlled
 * content (step-up, issue 18). The information module's access policy asks it; the answer comes from how the
 * request was authenticated (the page session's factors, or what the API token proves) and the configured window
 * ({@code banso.identity.step-up-window}).
 */
public interface StepUp {

    /**
     * @return true when {@code person} is the current request's principal and passed a second factor no longer than
     *         the window before {@code at}; also true when the second factor is optional and the person has none
     *         enrolled (the demo); false for anyone else, e.g. a decision taken outside a request
     */
    boolean freshSecondFactor(BansoUser person, Instant at);
}
