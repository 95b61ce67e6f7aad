package org.banso.council;

import java.util.EnumSet;
import java.util.Set;

import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;

/** The part an organization plays in a council (R6), and which organizations and accounts may play it. */
public enum ParticipantRole {
    COMPETENT_MINISTRY(EnumSet.of(OrganizationKind.MINISTRY), EnumSet.of(Role.MINISTRY_OFFICIAL)),
    NEEDS_MINISTRY(EnumSet.of(OrganizationKind.MINISTRY), EnumSet.of(Role.MINISTRY_OFFICIAL, Role.PROGRAM_OFFICER)),
    RELATED_MINISTRY(EnumSet.of(OrganizationKind.MINISTRY), EnumSet.of(Role.MINISTRY_OFFICIAL, Role.PROGRAM_OFFICER)),
    FUNDING_AGENCY(EnumSet.of(OrganizationKind.FUNDING_AGENCY), EnumSet.of(Role.FUNDING_OFFICER)),
    RESEARCHER(EnumSet.of(OrganizationKind.UNIVERSITY, OrganizationKind.RESEARCH_INSTITUTE, OrganizationKind.COMPANY,
            OrganizationKind.STARTUP, OrganizationKind.OTHER), EnumSet.of(Role.RESEARCHER)),
    COMPANY(EnumSet.of(OrganizationKind.COMPANY), EnumSet.of(Role.RESEARCHER)),
    STARTUP(EnumSet.of(OrganizationKind.STARTUP), EnumSet.of(Role.RESEARCHER)),
    UNIVERSITY(EnumSet.of(OrganizationKind.UNIVERSITY), EnumSet.of(Role.RESEARCHER)),
    THINK_TANK(EnumSet.of(OrganizationKind.THINK_TANK), EnumSet.of(Role.ANALYST, Role.RESEARCHER));

    private final Set<OrganizationKind> invitedKinds;
    private final Set<Role> invitedAccounts;

    ParticipantRole(Set<OrganizationKind> invitedKinds, Set<Role> invitedAccounts) {
        this.invitedKinds = invitedKinds;
        this.invitedAccounts = invitedAccounts;
    }

    public boolean isMinistry() {
        return invitedKinds.contains(OrganizationKind.MINISTRY);
    }

    /**
     * R6, when the competent ministry adds a participant itself: ministry roles are for ministries, other roles for
     * other organizations.
     */
    public boolean suits(OrganizationKind kind) {
        return isMinistry() == (kind == OrganizationKind.MINISTRY);
    }

    /**
     * R13, when someone uses an invitation made for this role: the organization must be of a kind the role stands for
     * (a STARTUP invitation brings in a startup, nothing else).
     */
    public boolean invites(OrganizationKind kind) {
        return kind != null && invitedKinds.contains(kind);
    }

    /** R13: and the person must hold an account of the kind of work the role stands for. */
    public boolean invitesAccountWith(Set<Role> roles) {
        return roles.stream().anyMatch(invitedAccounts::contains);
    }
}
