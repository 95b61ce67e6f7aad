package org.banso.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in person, as every module sees them: the principal of both page sessions and API tokens.
 */
public record BansoUser(UserId id, String username, String displayName, OrganizationId organizationId,
                        Set<Role> roles) implements Serializable {

    public BansoUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
