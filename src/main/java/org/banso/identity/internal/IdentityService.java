package org.banso.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class IdentityService implements IdentityManagement {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Organizations organizations;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy passwordPolicy;
    private final AccountStates states;
    private final Authenticator authenticator;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SessionRecords sessions;
    private final PageSessionStore pageSessions;

    IdentityService(Organizations organizations, Accounts accounts, ApiTokens tokens, PasswordEncoder passwordEncoder,
                    ApplicationEventPublisher events, PasswordPolicy passwordPolicy, AccountStates states,
                    Authenticator authenticator, Clock clock, PlatformTransactionManager transactionManager,
                    SessionRecords sessions, PageSessionStore pageSessions) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.passwordPolicy = passwordPolicy;
        this.states = states;
        this.authenticator = authenticator;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.sessions = sessions;
        this.pageSessions = pageSessions;
    }

    @Override
    @Transactional
    public OrganizationView registerOrganization(NewOrganization request, BansoUser actor) {
        requireAdmin(actor);
        FieldChecks checks = new FieldChecks();
        NewOrganization org = checkOrganization(request, "", true, checks);
        checks.failIfAny();
        return insertOrganization(org, actor.id());
    }

    @Override
    @Transactional
    public RegisteredNewcomer registerNewcomer(Newcomer request) {
        FieldChecks checks = new FieldChecks();
        NewOrganization org = checkNewcomer(request, true, checks);
        String username = checkAccount(request.username(), request.displayName(), request.email(), request.password(),
                true, checks);
        checks.failIfAny();
        UserId id = new UserId(UUID.randomUUID());
        try {
            OrganizationView organization = insertOrganization(org, id);
            UserView user = new UserView(id, username, request.displayName().strip(), request.email().strip(),
                    organization.id(), EnumSet.of(Role.RESEARCHER), true, clock.instant());
            insertAccount(user, request.password(), id);
            return new RegisteredNewcomer(organization, user);
        } catch (DuplicateKeyException e) {
            // a concurrent registration took the username or the number after the checks: refused as if seen there,
            // and the caller's transaction rolls back (this is a public path, so no 500 for a race)
            boolean number = String.valueOf(e.getMessage()).contains("corporate_number");
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.", List.of(number
                    ? FieldError.coded("organization.corporateNumber", "already-registered", "is already registered")
                    : FieldError.coded("username", "taken", "is already taken")));
        }
    }

    @Override
    public List<FieldError> newcomerFormProblems(Newcomer request) {
        FieldChecks checks = new FieldChecks();
        checkNewcomer(request, false, checks);
        checkAccount(request.username(), request.displayName(), request.email(), request.password(), false, checks);
        try {
            checks.failIfAny();
            return List.of();
        } catch (BansoException refused) {
            return refused.errors();
        }
    }

    /** A newcomer's organization, checked (a ministry cannot register itself), its number looked up when asked. */
    private NewOrganization checkNewcomer(Newcomer request, boolean lookUp, FieldChecks checks) {
        NewOrganization org = checkOrganization(request.organization() == null
                ? new NewOrganization(null, null, null, null) : request.organization(), "organization.", lookUp, checks);
        if (org.kind() == OrganizationKind.MINISTRY) {
            checks.add(FieldError.coded("organization.kind", "one-of",
                    "a ministry cannot register itself: choose another kind"));
        }
        return org;
    }

    /**
     * Validates an organization's fields (names under {@code prefix}) and answers them trimmed; {@code lookUp}: whether
     * a corporate number already registered is refused too.
     */
    private NewOrganization checkOrganization(NewOrganization request, String prefix, boolean lookUp,
                                              FieldChecks checks) {
        String name = trimmed(request.name());
        String nameEn = trimmed(request.nameEn());
        checks.text(prefix + "name", name, 200);
        checks.text(prefix + "nameEn", nameEn, 200);
        if (request.kind() == null) {
            checks.add(FieldError.coded(prefix + "kind", "one-of", "must be one of MINISTRY, FUNDING_AGENCY, COMPANY, "
                    + "UNIVERSITY, STARTUP, RESEARCH_INSTITUTE, THINK_TANK, OTHER"));
        }
        String corporateNumber = trimmed(request.corporateNumber());
        if (corporateNumber != null && corporateNumber.isEmpty()) {
            corporateNumber = null;
        }
        if (corporateNumber != null) {
            if (!CorporateNumber.isValid(corporateNumber)) {
                checks.add(FieldError.coded(prefix + "corporateNumber", "corporate-number",
                        "must be 13 digits with a valid check digit"));
            } else if (lookUp && organizations.corporateNumberTaken(corporateNumber)) {
                checks.add(FieldError.coded(prefix + "corporateNumber", "already-registered", "is already registered"));
            }
        }
        return new NewOrganization(name, nameEn, request.kind(), corporateNumber);
    }

    private OrganizationView insertOrganization(NewOrganization request, UserId by) {
        OrganizationView org = new OrganizationView(new OrganizationId(UUID.randomUUID()), request.name(),
                request.nameEn(), request.kind(), request.corporateNumber(), clock.instant());
        organizations.insert(org);
        events.publishEvent(new IdentityEvents.OrganizationRegistered(org.id(), by, org.createdAt()));
        return org;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationView> organizations() {
        return organizations.all();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationView> organization(OrganizationId id) {
        return organizations.byId(id);
    }

    @Override
    @Transactional
    public UserView createUser(NewUser request, BansoUser actor) {
        requireAdmin(actor);
        return create(request, actor.id());
    }

    private UserView create(NewUser request, UserId actor) {
        FieldChecks checks = new FieldChecks();
        String username = checkAccount(request.username(), request.displayName(), request.email(), request.password(),
                true, checks);
        if (request.organizationId() == null || organizations.byId(request.organizationId()).isEmpty()) {
            checks.add(FieldError.coded("organizationId", "organization", "must name a registered organization"));
        }
        if (request.roles() == null || request.roles().isEmpty() || request.roles().stream().anyMatch(java.util.Objects::isNull)) {
            checks.add(FieldError.coded("roles", "roles", "must name at least one role"));
        }
        checks.failIfAny();
        UserView user = new UserView(new UserId(UUID.randomUUID()), username, trimmed(request.displayName()),
                trimmed(request.email()), request.organizationId(), EnumSet.copyOf(request.roles()), true,
                clock.instant());
        insertAccount(user, request.password(), actor);
        return user;
    }

    /** Validates an account's own fields and answers the username as stored (trimmed, lower case). */
    private String checkAccount(String rawUsername, String rawDisplayName, String rawEmail, String password,
                                boolean lookUp, FieldChecks checks) {
        String username = trimmed(rawUsername);
        username = username == null ? null : username.toLowerCase(Locale.ROOT);
        if (username == null || !USERNAME.matcher(username).matches()) {
            checks.add(FieldError.coded("username", "username-format",
                    "must be 3–64 characters of a–z, 0–9, '.', '_' or '-', starting with a letter or digit"));
        } else if (lookUp && accounts.usernameTaken(username)) {
            checks.add(FieldError.coded("username", "taken", "is already taken"));
        }
        checks.text("displayName", trimmed(rawDisplayName), 200);
        String email = trimmed(rawEmail);
        if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
            checks.add(FieldError.coded("email", "email", "must be an e-mail address"));
        }
        validatePassword(password, username, checks);
        return username;
    }

    private void insertAccount(UserView user, String password, UserId by) {
        accounts.insert(user, passwordEncoder.encode(password));
        events.publishEvent(new IdentityEvents.AccountCreated(user.id(), user.username(), user.roles(), by,
                user.createdAt()));
    }

    /** The first administrator, created at first start with no one to act for. */
    @Transactional
    UserView createInitialAdmin(String password) {
        OrganizationView operator = organizations.byName("Banso 運用者").orElseGet(() -> {
            OrganizationView operatorOrg = new OrganizationView(new OrganizationId(UUID.randomUUID()),
                    "Banso 運用者", "Banso operator", OrganizationKind.OTHER, null, clock.instant());
            organizations.insert(operatorOrg);
            return operatorOrg;
        });
        return create(new NewUser("admin", "Administrator", "admin@banso.invalid", operator.id(),
                Set.of(Role.ADMIN), password), null);
    }

    boolean userExists(String username) {
        return accounts.usernameTaken(username);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserView> users(BansoUser actor) {
        requireAdmin(actor);
        return accounts.all();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserView> people(BansoUser viewer) {
        if (viewer == null) {
            return List.of();
        }
        boolean everyone = viewer.hasRole(Role.ADMIN) || viewer.hasRole(Role.AUDITOR)
                || viewer.hasRole(Role.PROGRAM_OFFICER) || viewer.hasRole(Role.MINISTRY_OFFICIAL)
                || viewer.hasRole(Role.FUNDING_OFFICER);
        return accounts.all().stream().filter(UserView::enabled)
                .filter(u -> everyone || u.organizationId().equals(viewer.organizationId()))
                .sorted(java.util.Comparator.comparing(UserView::displayName)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserView> user(UserId id) {
        return accounts.byId(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserView> usersOf(OrganizationId organization) {
        return organization == null ? List.of() : accounts.enabledOf(organization);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserView> userByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return accounts.byUsername(username.strip().toLowerCase(Locale.ROOT)).map(Accounts.Account::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserView> userByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        List<UserView> holders = accounts.enabledByEmail(email.strip());
        return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
    }

    @Override
    @Transactional
    public UserView changeRoles(UserId id, Set<Role> roles, BansoUser actor) {
        requireAdmin(actor);
        UserView user = accounts.byId(id).orElseThrow(() -> BansoException.notFound("The user"));
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw BansoException.invalid("roles", "must name at least one role");
        }
        if (user.id().equals(actor.id()) && !roles.contains(Role.ADMIN)) {
            throw BansoException.invalid("roles", "an administrator cannot remove their own ADMIN role");
        }
        accounts.replaceRoles(id, roles);
        states.changed(id);
        tokens.revokeAll(id, actor.id());
        events.publishEvent(new IdentityEvents.RolesChanged(id, Set.copyOf(roles), actor.id(), clock.instant()));
        return accounts.byId(id).orElseThrow();
    }

    @Override
    @Transactional
    public UserView setEnabled(UserId id, boolean enabled, BansoUser actor) {
        requireAdmin(actor);
        UserView user = accounts.byId(id).orElseThrow(() -> BansoException.notFound("The user"));
        if (id.equals(actor.id()) && !enabled) {
            throw BansoException.invalid("enabled", "an administrator cannot disable their own account");
        }
        accounts.setEnabled(id, enabled);
        states.changed(id);
        if (!enabled) {
            tokens.revokeAll(id, actor.id());
            // ended with the disable, not at each session's next request: no node serves them from here on (#19)
            sessions.end(id, null);
            pageSessions.deleteAll(user.username());
        }
        events.publishEvent(new IdentityEvents.AccountEnabledChanged(id, enabled, actor.id(), clock.instant()));
        return accounts.byId(id).orElseThrow();
    }

    private void validatePassword(String password, String username, FieldChecks checks) {
        passwordPolicy.check(password, username, "password", checks);
    }

    /**
     * Changes the signed-in person's own password after checking the current one (failures count as failed sign-ins
     * from {@code source}). Every API token of the account is revoked and every page session but {@code kept} ends, its
     * record ended and its stored row deleted, in the change's own transaction (as a disable ends them): when the new
     * password is in force on any node, no other session is; when the change rolls back, none has ended. Answers the
     * new credentials version, which the kept session takes on.
     * The checks run before the change's transaction, holding no connection: the shared sign-in throttle takes a
     * pooled connection of its own for each count (#13: never two at once), and a wrong password's count must outlive
     * the refusal (#19). The change itself commits only if the credentials are still those checked (a concurrent
     * change of the same password refuses this one).
     */
    public int changePassword(BansoUser actor, String currentPassword, String newPassword, String source,
                              SessionToKeep kept) {
        Accounts.Account account = accounts.accountById(actor.id())
                .orElseThrow(() -> BansoException.notFound("The user"));
        FieldChecks checks = new FieldChecks();
        if (!authenticator.currentPasswordMatches(account, currentPassword, source)) {
            checks.add(passwordWrong());
        }
        passwordPolicy.check(newPassword, account.view().username(), "newPassword", checks);
        if (newPassword != null && newPassword.equals(currentPassword)) {
            checks.add(FieldError.coded("newPassword", "password-same", "must differ from the current password"));
        }
        checks.failIfAny();
        String hash = passwordEncoder.encode(newPassword);
        Integer version = transactions.execute(status -> {
            Optional<Integer> changed = accounts.changePassword(actor.id(), account.credentialsVersion(), hash);
            if (changed.isEmpty()) {
                return null;
            }
            states.changed(actor.id());
            tokens.revokeAll(actor.id(), actor.id());
            sessions.endOthers(actor.id(), kept.record());
            pageSessions.deleteAllBut(account.view().username(), kept.storedId());
            events.publishEvent(new IdentityEvents.PasswordChanged(actor.id(), actor.id(), clock.instant()));
            return changed.get();
        });
        if (version == null) {
            throw BansoException.invalidCoded("currentPassword", "password-wrong", "is not your current password");
        }
        return version;
    }

    private static FieldError passwordWrong() {
        return FieldError.coded("currentPassword", "password-wrong", "is not your current password");
    }

    private static void requireAdmin(BansoUser actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only an administrator may manage accounts.");
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }
}
