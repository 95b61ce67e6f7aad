package org.banso.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * The signed-in person, as every module sees them: the principal of both page sessions and API tokens.
 */
public record BansoUser(UserId id, String username, String displayName, OrganizationId organizationId,
                        Set<Role> roles) implements Serializable, Principal {

    public BansoUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /**
     * The username: Spring Security names an authentication by it, and recognises a second factor as the same
     * person's only when the names agree.
     */
    @Override
    public String getName() {
        return username;
    }
}
