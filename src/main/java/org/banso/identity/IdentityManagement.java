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

    /** The enabled accounts of an organization, for a system reader (e.g. whom to remind of a deliverable). */
    List<UserView> usersOf(OrganizationId organization);

    /**
     * The people {@code viewer} may choose by name in a picker (a representative, an auditor's filter): every enabled
     * account for administrators, auditors and the government roles (program officers, ministry officials, funding
     * officers), who name people of other organizations in their work; for anyone else only the enabled accounts of
     * their own organization. Never a password or token; sorted by display name.
     */
    List<UserView> people(BansoUser viewer);

    /** A person by username (as typed, case-insensitive), e.g. to name a council's required consenter. */
    Optional<UserView> userByUsername(String username);

    /**
     * The one enabled account with this e-mail address (case-insensitive), e.g. to write an invitation mailed to that
     * address in its holder's language; empty when there is none or more than one.
     */
    Optional<UserView> userByEmail(String email);

    /**
     * Registers a newcomer WITHOUT an administrator (R13): a NEW organization and, in it, an account with the single
     * role RESEARCHER. It never attaches the newcomer to an existing organization (a corporate number already
     * registered is refused), since that would let anyone claim someone else's organization.
     * <p>
     * <strong>Callers must hold a capability</strong>: only another module that has checked and locked a valid
     * invitation in the same transaction may call this (the council module's acceptance of an invitation). It is
     * exposed by no controller of its own, and must never be. Fields are validated as in
     * {@link #registerOrganization} (under {@code organization.name}, {@code organization.nameEn},
     * {@code organization.kind}, {@code organization.corporateNumber}) and {@link #createUser}; a newcomer's
     * organization cannot be a ministry. The events name the new account as their author.
     */
    RegisteredNewcomer registerNewcomer(Newcomer newcomer);

    /**
     * What {@link #registerNewcomer} would refuse in the fields' shape alone (names, kind, the corporate number's check
     * digit, the username's format, the e-mail, the password policy), with the same field names and codes, changing and
     * looking up nothing: so that a registration form sent back for one mistake names the others too, without telling
     * anyone holding an invitation whether a username or a corporate number is taken (only a counted attempt does).
     */
    List<org.banso.shared.BansoException.FieldError> newcomerFormProblems(Newcomer newcomer);

    UserView changeRoles(UserId id, Set<Role> roles, BansoUser actor);

    UserView setEnabled(UserId id, boolean enabled, BansoUser actor);

    /** @param corporateNumber 法人番号, 13 digits with its check digit, or null */
    record NewOrganization(String name, String nameEn, OrganizationKind kind, String corporateNumber) {
    }

    /** A person who registers themselves and their organization through an invitation (R13). */
    record Newcomer(NewOrganization organization, String username, String displayName, String email,
                    String password) {
    }

    record RegisteredNewcomer(OrganizationView organization, UserView user) {
    }

    record NewUser(String username, String displayName, String email, OrganizationId organizationId,
                   Set<Role> roles, String password) {
    }
}
