package org.banso.identity;

/**
 * What kind of work a person does. Roles never grant access to council information by themselves: that depends on
 * participation and pledges (R12, R17). In particular ADMIN manages accounts and configuration only.
 */
public enum Role {
    ADMIN,
    PROGRAM_OFFICER,
    MINISTRY_OFFICIAL,
    FUNDING_OFFICER,
    RESEARCHER,
    ANALYST,
    AUDITOR;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
