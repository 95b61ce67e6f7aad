package org.banso.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect provider for tests (issue 18): Spring Authorization Server in the test JVM on a random port of
 * 127.0.0.1 (another host than the application's {@code localhost}, so that the two session cookies never meet). It
 * signs ID tokens with its own RSA key, asks the person for consent, requires PKCE, and puts {@code email} and
 * {@code email_verified} in the ID token as an organisation's provider would. People are added by the test; a person
 * can be disabled at the provider.
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "banso";
    public static final String CLIENT_SECRET = "banso-test-client-secret";

    /** A person at the provider: username (the subject), password, e-mail and whether the provider verified it. */
    public record Person(String username, String password, String email, boolean emailVerified) {
    }

    private final ConfigurableApplicationContext context;

    private TestOidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static TestOidcProvider start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.of("server.port", "0", "server.address", "127.0.0.1",
                        "spring.config.name", "test-oidc-provider", "spring.main.banner-mode", "off",
                        "server.servlet.session.cookie.name", "IDP_SESSION"))
                .run();
        return new TestOidcProvider(context);
    }

    public String issuer() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Registers Banso as a client that may return to {@code redirectUri} (known once Banso has its port). */
    public void registerClient(String redirectUri) {
        context.getBean(InMemoryRegisteredClientRepository.class).save(RegisteredClient
                .withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                // a scope beyond "openid", so that the provider asks the person for consent
                .scope("organization")
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true)
                        .build())
                .build());
    }

    public void add(Person person) {
        context.getBean(People.class).put(person);
    }

    /** The provider disables the person: it refuses their sign-in from now on. */
    public void disable(String username) {
        InMemoryUserDetailsManager users = context.getBean(InMemoryUserDetailsManager.class);
        users.updateUser(User.withUserDetails(users.loadUserByUsername(username)).disabled(true).build());
    }

    @Override
    public void close() {
        context.close();
    }

    /** The people the provider knows, with their e-mail claims. */
    static final class People {

        private final InMemoryUserDetailsManager users;
        private final Map<String, Person> people = new ConcurrentHashMap<>();

        People(InMemoryUserDetailsManager users) {
            this.users = users;
        }

        void put(Person person) {
            people.put(person.username(), person);
            UserDetails user = User.withUsername(person.username()).password("{noop}" + person.password())
                    .roles("USER").build();
            if (users.userExists(person.username())) {
                users.updateUser(user);
            } else {
                users.createUser(user);
            }
        }

        Person get(String username) {
            return people.get(username);
        }
    }

    /** The provider's application: excluded from the application's component scan as a test configuration. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    static class Provider {

        @Bean
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        InMemoryRegisteredClientRepository registeredClients() {
            // one placeholder client: the repository needs one; Banso's is registered once its port is known
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId("placeholder")
                    .clientId("placeholder").clientSecret("{noop}" + UUID.randomUUID())
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/unused").scope(OidcScopes.OPENID).build());
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        People people(InMemoryUserDetailsManager users) {
            return new People(users);
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> emailClaims(People people) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person person = people.get(context.getPrincipal().getName());
                    if (person != null && person.email() != null) {
                        context.getClaims().claim("email", person.email())
                                .claim("email_verified", person.emailVerified());
                    }
                }
            };
        }

        @Bean
        KeyPair signingKey() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        @Bean
        JWKSource<SecurityContext> keys(KeyPair pair) {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the provider's own UserInfo endpoint, which reads its access tokens. */
        @Bean
        JwtDecoder accessTokens(KeyPair pair) {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
