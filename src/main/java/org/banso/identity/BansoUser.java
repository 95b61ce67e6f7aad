package org.banso.identity;

import java.io.Serializable;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in person, as every module sees them: the principal of both page sessions and API tokens. Its name (the
 * authentication's name) is the username: the page session table indexes sessions by it (issue #19).
 */
public record BansoUser(UserId id, String username, String displayName, OrganizationId organizationId,
                        Set<Role> roles) implements Serializable, AuthenticatedPrincipal {

    public BansoUser {
        roles = Set.copyOf(roles);
    }

    @Override
    @JsonIgnore
    public String getName() {
        return username;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
