package org.banso.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.identity.SecondFactorRequirement;
import org.banso.identity.StepUp;
import org.banso.identity.UserId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who must use a second factor, and whether the current request's is fresh (issue 18). In {@code required} mode:
 * every government role (program officer, ministry official, funding-agency officer), ADMIN and AUDITOR, and anybody
 * another module names through {@link SecondFactorRequirement} (participants of a council with a designation). Step-up
 * for controlled content applies to everybody in {@code required} mode, and in {@code optional} mode to those who
 * enrolled a factor.
 */
@Component
class SecondFactorPolicy implements StepUp {

    static final Set<Role> ROLES_REQUIRING = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.PROGRAM_OFFICER,
            Role.MINISTRY_OFFICIAL, Role.FUNDING_OFFICER);

    private final IdentityProperties properties;
    private final TotpEnrolments totp;
    private final Passkeys passkeys;
    private final ObjectProvider<SecondFactorRequirement> requirements;

    SecondFactorPolicy(IdentityProperties properties, TotpEnrolments totp, Passkeys passkeys,
                       ObjectProvider<SecondFactorRequirement> requirements) {
        this.properties = properties;
        this.totp = totp;
        this.passkeys = passkeys;
        this.requirements = requirements;
    }

    boolean required() {
        return properties.secondFactor() == SecondFactorMode.REQUIRED;
    }

    /** Must this person pass a second factor to sign in at all? */
    boolean requires(BansoUser user) {
        if (!required()) {
            return false;
        }
        if (user.roles().stream().anyMatch(ROLES_REQUIRING::contains)) {
            return true;
        }
        List<SecondFactorRequirement> others = requirements.orderedStream().toList();
        return others.stream().anyMatch(r -> r.requiresSecondFactor(user.id()));
    }

    /** Has the account an authenticator app or a passkey? */
    boolean enrolled(UserId account) {
        return totp.active(account) || passkeys.any(account);
    }

    @Override
    public boolean freshSecondFactor(BansoUser person, Instant at) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        Optional<BansoUser> principal = SignInFactors.user(current);
        if (person == null || principal.isEmpty() || !principal.get().id().equals(person.id())) {
            return false;
        }
        if (fresh(current, at)) {
            return true;
        }
        return !required() && !enrolled(person.id());
    }

    /** Did the authentication pass a second factor within the step-up window before {@code at}? */
    boolean fresh(Authentication authentication, Instant at) {
        return SignInFactors.secondFactorAt(authentication)
                .map(t -> !t.isBefore(at.minus(properties.stepUpWindow())))
                .orElse(false);
    }

    /**
     * May this session add or remove factors, unlink a provider? Only with a fresh second factor, except while the
     * account has none at all (the first enrolment, which a new account must be able to make with its password).
     */
    boolean mayChangeFactors(Authentication authentication, Instant at) {
        return SignInFactors.user(authentication)
                .map(user -> fresh(authentication, at) || !enrolled(user.id()))
                .orElse(false);
    }
}
