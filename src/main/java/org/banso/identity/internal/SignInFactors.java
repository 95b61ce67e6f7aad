package org.banso.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.banso.identity.BansoUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The factors a sign-in proved, as Spring Security 7's {@link FactorGrantedAuthority}s with the instant (from the
 * injected clock) each was proved: a password or an OIDC provider is one factor; a TOTP code or a recovery code is a
 * second one; a passkey (possession and, with user verification, knowledge or biometrics) counts as both. They live
 * in the authentication, so they serialise with the session and need no in-memory map.
 */
final class SignInFactors {

    static final String PASSWORD = FactorGrantedAuthority.PASSWORD_AUTHORITY;
    static final String OIDC = FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY;
    static final String PASSKEY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
    static final String BEARER = FactorGrantedAuthority.BEARER_AUTHORITY;
    static final String TOTP = "FACTOR_TOTP";
    static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";

    /** The authority a session lacking its second factor is told it misses (any second factor satisfies it). */
    static final String SECOND_FACTOR = TOTP;

    private static final Set<String> SECOND_FACTORS = Set.of(TOTP, RECOVERY_CODE, PASSKEY);

    private SignInFactors() {
    }

    static FactorGrantedAuthority factor(String authority, Instant at) {
        return FactorGrantedAuthority.withAuthority(authority).issuedAt(at).build();
    }

    /** The person's roles and the factors given, as the authentication of an API request. */
    static Authentication authentication(BansoUser user, Collection<? extends GrantedAuthority> factors) {
        return authentication(user, factors, null);
    }

    /**
     * The person's roles and the factors given, as the authentication of a page session; {@code stamp} (the
     * account's credentials version at sign-in) makes the session follow the account ({@link AccountSessionFilter})
     * whichever way it signed in.
     */
    static Authentication authentication(BansoUser user, Collection<? extends GrantedAuthority> factors,
                                         SessionStamp stamp) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        authorities.addAll(factors);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
                authorities);
        token.setDetails(stamp);
        return token;
    }

    /**
     * The same sign-in for the account as it is now ({@code user}: current name and roles) under {@code stamp}: the
     * factors already proved, and when, are kept, so that a change of roles or of one's own password does not
     * take away a second factor the session passed.
     */
    static Authentication following(Authentication current, BansoUser user, SessionStamp stamp) {
        return authentication(user, factors(current), stamp);
    }

    /** The factors an authentication proved. */
    static List<FactorGrantedAuthority> factors(Authentication authentication) {
        return authentication == null ? List.of() : authentication.getAuthorities().stream()
                .filter(a -> a instanceof FactorGrantedAuthority)
                .map(a -> (FactorGrantedAuthority) a)
                .toList();
    }

    /** The stamp of a page session's authentication, if it has one. */
    static SessionStamp stamp(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof SessionStamp stamp ? stamp : null;
    }

    /** When the authentication last proved a second factor, if ever. */
    static Optional<Instant> secondFactorAt(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream()
                .filter(a -> a instanceof FactorGrantedAuthority && SECOND_FACTORS.contains(a.getAuthority()))
                .map(a -> ((FactorGrantedAuthority) a).getIssuedAt())
                .max(Instant::compareTo);
    }

    /** The authority of the factor proved last. */
    static Optional<String> newest(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .filter(a -> a instanceof FactorGrantedAuthority)
                .map(a -> (FactorGrantedAuthority) a)
                .max(java.util.Comparator.comparing(FactorGrantedAuthority::getIssuedAt))
                .map(FactorGrantedAuthority::getAuthority);
    }

    static boolean hasSecondFactor(Authentication authentication) {
        return secondFactorAt(authentication).isPresent();
    }

    /** The authority prefix of a service token's scope; such a token proves no person's factors. */
    static final String SERVICE_SCOPE_PREFIX = "SCOPE_";

    static boolean isServiceToken(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority() != null && a.getAuthority().startsWith(SERVICE_SCOPE_PREFIX));
    }

    static Optional<BansoUser> user(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof BansoUser user ? Optional.of(user) : Optional.empty();
    }
}
