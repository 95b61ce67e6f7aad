package org.banso.identity;

/**
 * A reason, known to another module, why a person must use a second factor: the information module says so for
 * everyone who participates in a council with a designation (issue 18). The identity module asks every bean of this
 * type at sign-in and while a session has no second factor, so an implementation must be cheap and must not depend
 * on the request.
 */
@FunctionalInterface
public interface SecondFactorRequirement {

    boolean requiresSecondFactor(UserId person);
}
