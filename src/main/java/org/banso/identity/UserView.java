package org.banso.identity;

import java.time.Instant;
import java.util.Set;

/** A person's account as administrators and other modules see it: never the password hash. */
public record UserView(UserId id, String username, String displayName, String email, OrganizationId organizationId,
                       Set<Role> roles, boolean enabled, Instant createdAt) {

    /** This account as the signed-in person. */
    public BansoUser asPrincipal() {
        return new BansoUser(id, username, displayName, organizationId, roles);
    }
}
