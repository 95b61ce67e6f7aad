package org.banso.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * The page sign-in methods beside the password form (issue 18), each with Spring Security 7's own support: OpenID
 * Connect ({@code oauth2Login}, authorization code with PKCE, for every provider under
 * {@code spring.security.oauth2.client.registration}), passkeys ({@code webAuthn}, webauthn4j, user verification
 * required), the second step with a typed code, the session records, and where a session lacking its second factor is
 * sent. {@link SecurityConfiguration} applies it to the page filter chain with one call.
 */
@Component
class SignInMethods implements ApplicationListener<WebServerInitializedEvent> {

    private final IdentityProperties properties;
    private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;
    private final OidcLinks oidcLinks;
    private final PasskeyUsers passkeyUsers;
    private final Passkeys passkeys;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final SessionRecords sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Where passkey ceremonies may come from; without configured origins, this server's localhost origin. */
    private final Set<String> origins = ConcurrentHashMap.newKeySet();
    private final Webauthn4JRelyingPartyOperations relyingParty;

    SignInMethods(IdentityProperties properties, ObjectProvider<ClientRegistrationRepository> clientRegistrations,
                  OidcLinks oidcLinks, PasskeyUsers passkeyUsers, Passkeys passkeys, Accounts accounts,
                  SecondFactors secondFactors, SessionRecords sessions, ApplicationEventPublisher events,
                  Clock clock) {
        this.properties = properties;
        this.clientRegistrations = clientRegistrations;
        this.oidcLinks = oidcLinks;
        this.passkeyUsers = passkeyUsers;
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.origins.addAll(properties.passkeys().allowedOrigins());
        this.relyingParty = new Webauthn4JRelyingPartyOperations(passkeyUsers, passkeys,
                PublicKeyCredentialRpEntity.builder().id(properties.passkeys().rpId())
                        .name(properties.passkeys().rpName()).build(), origins);
        // a passkey counts as two factors only if the authenticator verified the person (PIN, biometrics)
        relyingParty.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder().userVerification(UserVerificationRequirement.REQUIRED)
                        .residentKey(ResidentKeyRequirement.REQUIRED).build()));
        relyingParty.setCustomizeRequestOptions(options -> options.userVerification(
                UserVerificationRequirement.REQUIRED));
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (properties.passkeys().allowedOrigins().isEmpty()) {
            origins.add("http://localhost:" + event.getWebServer().getPort());
        }
    }

    WebAuthnRelyingPartyOperations relyingParty() {
        return relyingParty;
    }

    /** Adds the sign-in methods, the session records and the second-factor redirect to the page chain. */
    void applyTo(HttpSecurity http, AuthenticationSuccessHandler returnToPage) throws Exception {
        SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        SessionAuthenticationStrategy sessionStrategy = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), SessionRecording.strategy(sessions)));
        http.sessionManagement(session -> session.sessionAuthenticationStrategy(sessionStrategy));
        // the passkey provider below replaces Spring's; this only satisfies the configurer's lookup
        http.setSharedObject(UserDetailsService.class, username -> accounts.byUsername(username)
                .map(a -> User.withUsername(a.view().username()).password("").disabled(!a.view().enabled())
                        .authorities(a.view().roles().stream().map(r -> r.authority()).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such account")));
        PasskeyAuthenticationProvider passkeyProvider = new PasskeyAuthenticationProvider(relyingParty, passkeyUsers,
                accounts, events, clock);
        http.webAuthn(webAuthn -> webAuthn
                .rpId(properties.passkeys().rpId())
                .rpName(properties.passkeys().rpName())
                .allowedOrigins(origins)
                .disableDefaultRegistrationPage(true)
                // serializable, so that a registration works with page sessions in the database (#19)
                .creationOptionsRepository(new SessionPasskeyCreationOptions())
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(new ProviderManager(passkeyProvider));
                        filter.setSessionAuthenticationStrategy(sessionStrategy);
                        filter.setSecurityContextRepository(contexts);
                        filter.setMfaEnabled(true);
                        filter.setRequestOptionsRepository(new SessionPasskeyRequestOptions());
                        return filter;
                    }
                }));
        ClientRegistrationRepository registrations = clientRegistrations.getIfAvailable();
        if (registrations != null) {
            DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                    registrations, "/oauth2/authorization");
            // PKCE for every provider, confidential clients included (RFC 9700)
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(oidc -> oidc
                    .loginPage("/login")
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(OidcSignIn.userService(oidcLinks)))
                    .authorizedClientRepository(NO_STORED_CLIENTS)
                    .successHandler(OidcSignIn.successHandler(contexts, accounts, returnToPage, clock))
                    .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                            + "/login?oidc-refused")));
        }
        http.addFilterBefore(SecondFactorCodes.filter(secondFactors, accounts, sessions, contexts,
                        returnToPage, clock),
                AuthorizationFilter.class);
        http.addFilterAfter(SessionRecording.filter(sessions), SecurityContextHolderFilter.class);
        http.logout(logout -> logout.addLogoutHandler(SessionRecording.endOnSignOut(sessions)));
        LoginUrlAuthenticationEntryPoint secondFactorPage = new LoginUrlAuthenticationEntryPoint(SecondFactorCodes.PATH);
        // a relative Location, never built from the request's Host header
        secondFactorPage.setFavorRelativeUris(true);
        http.exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(secondFactorPage,
                SignInFactors.SECOND_FACTOR));
    }

    /**
     * Banso uses a provider only to know who signs in; it keeps none of the provider's access or refresh tokens.
     */
    private static final OAuth2AuthorizedClientRepository NO_STORED_CLIENTS = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
                                                                         Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
            // nothing kept: see above
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
                                           HttpServletRequest request, HttpServletResponse response) {
            // nothing kept: see above
        }
    };
}
