package org.banso.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents.SignInMethod;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What the account page and the second-factor page do (issue 18), for the identity module's page controllers: the
 * account's factors, passkeys, provider links and sessions, and changing them. Every change of factors needs a fresh
 * second factor (or none enrolled yet); each is audited by the component that makes it. Templates also reach it as
 * {@code @signInOptions} for the login page's buttons.
 */
@Component("signInOptions")
public class AccountSecurity {

    private final SecondFactorPolicy policy;
    private final TotpEnrolments totp;
    private final RecoveryCodes recoveryCodes;
    private final Passkeys passkeys;
    private final OidcLinks links;
    private final SessionRecords sessions;
    private final PageSessionStore pageSessions;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final IdentityProperties properties;
    private final Clock clock;

    AccountSecurity(SecondFactorPolicy policy, TotpEnrolments totp, RecoveryCodes recoveryCodes, Passkeys passkeys,
                    OidcLinks links, SessionRecords sessions, PageSessionStore pageSessions,
                    ObjectProvider<ClientRegistrationRepository> registrations, IdentityProperties properties,
                    Clock clock) {
        this.policy = policy;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.links = links;
        this.sessions = sessions;
        this.pageSessions = pageSessions;
        this.registrations = registrations;
        this.properties = properties;
        this.clock = clock;
    }

    /** A configured OIDC provider as the login page shows it. */
    public record Provider(String registrationId, String name) {
    }

    public record Overview(boolean secondFactorRequired, boolean totpActive, Instant totpSince, int recoveryCodesLeft,
                           List<Passkeys.Passkey> passkeys, List<OidcLinks.Link> links,
                           List<SessionRecords.SessionRecord> sessions, UUID currentSession,
                           boolean mayChangeFactors, boolean secondFactorPassed, long stepUpMinutes) {
    }

    // ---------------------------------------------------------------- for the login page

    /** Every OIDC provider under {@code spring.security.oauth2.client.registration} that uses the authorization code. */
    public List<Provider> providers() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        List<Provider> result = new ArrayList<>();
        if (repository instanceof Iterable<?> all) {
            for (Object o : all) {
                ClientRegistration r = (ClientRegistration) o;
                if ("authorization_code".equals(r.getAuthorizationGrantType().getValue())) {
                    result.add(new Provider(r.getRegistrationId(), r.getClientName()));
                }
            }
        }
        return result;
    }

    /** The name a provider's button shows (its {@code client-name}), or its registration id. */
    public String providerName(String registrationId) {
        return providers().stream().filter(p -> p.registrationId().equals(registrationId)).map(Provider::name)
                .findFirst().orElse(registrationId);
    }

    /** True when nobody is made to use a second factor (the demo and test harnesses). */
    public boolean secondFactorOptional() {
        return !policy.required();
    }

    // ---------------------------------------------------------------- pages

    public Overview overview(BansoUser user, HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        Object record = request.getSession(false) == null ? null
                : request.getSession(false).getAttribute(SessionRecords.ATTRIBUTE);
        return new Overview(policy.requires(user), totp.active(user.id()), totp.activatedAt(user.id()).orElse(null),
                recoveryCodes.remaining(user.id()), passkeys.of(user.id()), links.of(user.id()),
                sessions.openSessions(user.id()), record instanceof UUID id ? id : null,
                policy.mayChangeFactors(current, clock.instant()), SignInFactors.hasSecondFactor(current),
                properties.stepUpWindow().toMinutes());
    }

    /** A passkey of the account by its name, for the page that asks before revoking it; empty if not the account's. */
    public Optional<String> passkeyLabel(BansoUser user, String credentialId) {
        return passkeys.of(user.id()).stream().filter(p -> p.id().equals(credentialId)).findFirst()
                .map(Passkeys.Passkey::label);
    }

    /** The provider of one of the account's OIDC links, by name, for the page that asks before unlinking it. */
    public Optional<String> linkProviderName(BansoUser user, UUID link) {
        return links.of(user.id()).stream().filter(l -> l.id().equals(link)).findFirst()
                .map(l -> providerName(l.registrationId()));
    }

    /** The device of one of the account's open sessions, for the page that asks before ending it. */
    public Optional<String> sessionDevice(BansoUser user, UUID session) {
        return sessions.openSessions(user.id()).stream().filter(r -> r.id().equals(session)).findFirst()
                .map(SessionRecords.SessionRecord::device);
    }

    /** Has the account an authenticator app, a passkey, recovery codes? For the second-factor page. */
    public record Factors(boolean totp, boolean passkey, int recoveryCodes, boolean stepUp) {
        public boolean any() {
            return totp || passkey;
        }
    }

    public Factors factors(BansoUser user) {
        return new Factors(totp.active(user.id()), passkeys.any(user.id()), recoveryCodes.remaining(user.id()),
                SignInFactors.hasSecondFactor(SecurityContextHolder.getContext().getAuthentication()));
    }

    public TotpEnrolments.Enrolment beginTotp(BansoUser user) {
        requireMayChange();
        return totp.begin(user.id(), user.username());
    }

    public Optional<TotpEnrolments.Enrolment> pendingTotp(BansoUser user) {
        return totp.pending(user.id(), user.username());
    }

    /**
     * Confirms the enrolment with the app's first code. The session has then proved the new factor: it is added to
     * the session's authentication. Answers the recovery codes to show once, or empty for a wrong code.
     */
    public Optional<List<String>> confirmTotp(BansoUser user, String code, HttpServletRequest request,
                                              HttpServletResponse response) {
        requireMayChange();
        if (!totp.confirm(user.id(), code)) {
            return Optional.empty();
        }
        addFactor(SignInFactors.TOTP, request, response);
        recordSecondFactor(request, user, SignInMethod.TOTP);
        return Optional.of(recoveryCodes.generate(user.id()));
    }

    public void removeTotp(BansoUser user) {
        requireMayChange();
        requireAnotherFactor(user, true, false);
        totp.remove(user.id(), user.id());
        if (!passkeys.any(user.id())) {
            recoveryCodes.discard(user.id());
        }
    }

    public List<String> regenerateRecoveryCodes(BansoUser user) {
        requireMayChange();
        if (!totp.active(user.id())) {
            throw new BansoException(ProblemCode.CONFLICT, "Recovery codes go with an authenticator app.");
        }
        return recoveryCodes.generate(user.id());
    }

    public boolean revokePasskey(BansoUser user, String credentialId) {
        requireMayChange();
        boolean last = passkeys.of(user.id()).size() == 1;
        requireAnotherFactor(user, false, last);
        return passkeys.revoke(user.id(), credentialId, user.id());
    }

    public boolean unlink(BansoUser user, UUID link) {
        requireMayChange();
        return links.unlink(user.id(), link, user.id());
    }

    /**
     * Ends one of the account's sessions, or all of them (id null); answers whether the current one ended. The others'
     * stored page sessions are deleted at once (database sessions); the current one is invalidated with this request.
     */
    public boolean endSessions(BansoUser user, UUID id, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object current = session == null ? null : session.getAttribute(SessionRecords.ATTRIBUTE);
        List<UUID> ended = sessions.end(user.id(), id);
        pageSessions.delete(user.username(), ended.stream().filter(record -> !record.equals(current)).toList());
        boolean currentEnded = id == null || id.equals(current);
        if (currentEnded && session != null) {
            SecurityContextHolder.clearContext();
            session.invalidate();
        }
        return currentEnded;
    }

    /** Throws the step-up problem unless this session may change factors now. */
    public void requireMayChange() {
        if (!policy.mayChangeFactors(SecurityContextHolder.getContext().getAuthentication(), clock.instant())) {
            throw new BansoException(ProblemCode.FRESH_SECOND_FACTOR_REQUIRED,
                    "Confirm with your second factor before changing how you sign in.");
        }
    }

    private void requireAnotherFactor(BansoUser user, boolean removingTotp, boolean removingLastPasskey) {
        boolean remains = (!removingTotp && totp.active(user.id()))
                || (!removingLastPasskey && passkeys.any(user.id()));
        if (policy.requires(user) && !remains) {
            throw new BansoException(ProblemCode.CONFLICT,
                    "This account must keep a second factor: add another before removing this one.");
        }
    }

    private void addFactor(String factor, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        BansoUser user = (BansoUser) current.getPrincipal();
        List<GrantedAuthority> factors = new ArrayList<>(current.getAuthorities().stream()
                .filter(a -> a.getAuthority() != null && a.getAuthority().startsWith("FACTOR_")
                        && !a.getAuthority().equals(factor))
                .toList());
        factors.add(SignInFactors.factor(factor, clock.instant()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SignInFactors.authentication(user, factors, SignInFactors.stamp(current)));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }

    private void recordSecondFactor(HttpServletRequest request, BansoUser user, SignInMethod method) {
        Object record = request.getSession(false) == null ? null
                : request.getSession(false).getAttribute(SessionRecords.ATTRIBUTE);
        if (record instanceof UUID id) {
            sessions.secondFactor(id, user.id(), method);
        }
    }
}
