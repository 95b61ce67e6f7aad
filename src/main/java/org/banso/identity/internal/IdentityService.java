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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class IdentityService implements IdentityManagement {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Organizations organizations;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final IdentityProperties properties;
    private final Clock clock;

    IdentityService(Organizations organizations, Accounts accounts, ApiTokens tokens, PasswordEncoder passwordEncoder,
                    ApplicationEventPublisher events, IdentityProperties properties, Clock clock) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OrganizationView registerOrganization(NewOrganization request, BansoUser actor) {
        requireAdmin(actor);
        FieldChecks checks = new FieldChecks();
        String name = trimmed(request.name());
        String nameEn = trimmed(request.nameEn());
        checks.text("name", name, 200);
        checks.text("nameEn", nameEn, 200);
        if (request.kind() == null) {
            checks.add(FieldError.coded("kind", "one-of", "must be one of MINISTRY, FUNDING_AGENCY, COMPANY, UNIVERSITY, "
                    + "STARTUP, RESEARCH_INSTITUTE, THINK_TANK, OTHER"));
        }
        String corporateNumber = trimmed(request.corporateNumber());
        if (corporateNumber != null && corporateNumber.isEmpty()) {
            corporateNumber = null;
        }
        if (corporateNumber != null) {
            if (!CorporateNumber.isValid(corporateNumber)) {
                checks.add(FieldError.coded("corporateNumber", "corporate-number", "must be 13 digits with a valid check digit"));
            } else if (organizations.corporateNumberTaken(corporateNumber)) {
                checks.add(FieldError.coded("corporateNumber", "already-registered", "is already registered"));
            }
        }
        checks.failIfAny();
        OrganizationView org = new OrganizationView(new OrganizationId(UUID.randomUUID()), name, nameEn,
                request.kind(), corporateNumber, clock.instant());
        organizations.insert(org);
        events.publishEvent(new IdentityEvents.OrganizationRegistered(org.id(), actor.id(), org.createdAt()));
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
        String username = trimmed(request.username());
        username = username == null ? null : username.toLowerCase(Locale.ROOT);
        if (username == null || !USERNAME.matcher(username).matches()) {
            checks.add(FieldError.coded("username", "username-format",
                    "must be 3–64 characters of a–z, 0–9, '.', '_' or '-', starting with a letter or digit"));
        } else if (accounts.usernameTaken(username)) {
            checks.add(FieldError.coded("username", "taken", "is already taken"));
        }
        String displayName = trimmed(request.displayName());
        checks.text("displayName", displayName, 200);
        String email = trimmed(request.email());
        if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
            checks.add(FieldError.coded("email", "email", "must be an e-mail address"));
        }
        if (request.organizationId() == null || organizations.byId(request.organizationId()).isEmpty()) {
            checks.add(FieldError.coded("organizationId", "organization", "must name a registered organization"));
        }
        if (request.roles() == null || request.roles().isEmpty() || request.roles().stream().anyMatch(java.util.Objects::isNull)) {
            checks.add(FieldError.coded("roles", "roles", "must name at least one role"));
        }
        validatePassword(request.password(), username, checks);
        checks.failIfAny();
        UserView user = new UserView(new UserId(UUID.randomUUID()), username, displayName, email,
                request.organizationId(), EnumSet.copyOf(request.roles()), true, clock.instant());
        accounts.insert(user, passwordEncoder.encode(request.password()));
        events.publishEvent(new IdentityEvents.AccountCreated(user.id(), user.username(), user.roles(), actor,
                user.createdAt()));
        return user;
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
    public Optional<UserView> user(UserId id) {
        return accounts.byId(id);
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
        tokens.revokeAll(id, actor.id());
        events.publishEvent(new IdentityEvents.RolesChanged(id, Set.copyOf(roles), actor.id(), clock.instant()));
        return accounts.byId(id).orElseThrow();
    }

    @Override
    @Transactional
    public UserView setEnabled(UserId id, boolean enabled, BansoUser actor) {
        requireAdmin(actor);
        accounts.byId(id).orElseThrow(() -> BansoException.notFound("The user"));
        if (id.equals(actor.id()) && !enabled) {
            throw BansoException.invalid("enabled", "an administrator cannot disable their own account");
        }
        accounts.setEnabled(id, enabled);
        if (!enabled) {
            tokens.revokeAll(id, actor.id());
        }
        events.publishEvent(new IdentityEvents.AccountEnabledChanged(id, enabled, actor.id(), clock.instant()));
        return accounts.byId(id).orElseThrow();
    }

    private void validatePassword(String password, String username, FieldChecks checks) {
        if (password == null || password.length() < properties.minPasswordLength()) {
            checks.add(FieldError.coded("password", "password-length",
                    "must be at least " + properties.minPasswordLength() + " characters", properties.minPasswordLength()));
        } else if (password.length() > 128) {
            checks.add(FieldError.coded("password", "too-long", "must be at most 128 characters", 128));
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username)) {
            checks.add(FieldError.coded("password", "password-username", "must not contain the username"));
        }
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
