package org.banso.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The identity module's facade: organizations and accounts. Callers pass the acting user so that every change is
 * attributed; role checks happen here, not only in controllers.
 */
public interface IdentityManagement {

    OrganizationView registerOrganization(NewOrganization organization, BansoUser actor);

    List<OrganizationView> organizations();

    Optional<OrganizationView> organization(OrganizationId id);

    UserView createUser(NewUser user, BansoUser actor);

    List<UserView> users(BansoUser actor);

    Optional<UserView> user(UserId id);

    /** A person by username (as typed, case-insensitive), e.g. to name a council's required consenter. */
    Optional<UserView> userByUsername(String username);

    UserView changeRoles(UserId id, Set<Role> roles, BansoUser actor);

    UserView setEnabled(UserId id, boolean enabled, BansoUser actor);

    /** @param corporateNumber 法人番号, 13 digits with its check digit, or null */
    record NewOrganization(String name, String nameEn, OrganizationKind kind, String corporateNumber) {
    }

    record NewUser(String username, String displayName, String email, OrganizationId organizationId,
                   Set<Role> roles, String password) {
    }
}
