package org.banso.identity.internal;

import java.time.Clock;
import java.time.Instant;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * Service tokens (issue 18): an ADMIN issues one in the name of an enabled account, for one narrow read-only scope
 * ({@link ServiceScope}) and an expiry no later than {@code banso.identity.service-token-max-lifetime}. It carries no
 * second factor, so controlled content stays closed to it whatever the account may read.
 */
@Component
public class ServiceTokens {

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final IdentityProperties properties;
    private final Clock clock;

    ServiceTokens(ApiTokens tokens, Accounts accounts, IdentityProperties properties, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    public ApiTokens.IssuedToken issue(UserId account, String scope, Instant expiresAt, String label, BansoUser admin) {
        if (admin == null || !admin.hasRole(Role.ADMIN)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only an administrator issues service tokens.");
        }
        UserView holder = accounts.byId(account).orElseThrow(() -> BansoException.notFound("The user"));
        if (!holder.enabled()) {
            throw new BansoException(ProblemCode.CONFLICT, "The account is disabled.");
        }
        ServiceScope parsed;
        try {
            parsed = ServiceScope.valueOf(scope == null ? "" : scope);
        } catch (IllegalArgumentException e) {
            throw BansoException.invalid("scope", "must be one of AUDIT_READ, REFERENCE_READ");
        }
        if (parsed == ServiceScope.AUDIT_READ && !holder.roles().contains(Role.AUDITOR)) {
            throw BansoException.invalid("scope", "AUDIT_READ is only for an AUDITOR's account");
        }
        Instant now = clock.instant();
        if (expiresAt == null || !expiresAt.isAfter(now)
                || expiresAt.isAfter(now.plus(properties.serviceTokenMaxLifetime()))) {
            throw BansoException.invalid("expiresAt", "must be in the future and at most "
                    + properties.serviceTokenMaxLifetime().toDays() + " days ahead");
        }
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw BansoException.invalid("label", "must be 1 to 100 characters");
        }
        return tokens.issueService(account, parsed, expiresAt, name, admin.id());
    }
}
