package org.banso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.internal.IdentityService;
import org.banso.identity.internal.SessionToKeep;
import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.ConnectionsPerThread;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in throttling with the default limits (the test profile raises them for the rest of the suite, whose requests
 * all come from 127.0.0.1): per source, per username and source with back-off, per username with trusted sources —
 * and never a lock a stranger can put on someone else's account (#13). Sources are set per request. The buckets are
 * Bucket4j's in PostgreSQL (#19), whose proxy manager takes a pooled connection per operation: no request may hold
 * two at once (#13), which the data source wrapped by {@link ConnectionsPerThread} checks.
 */
@BansoIntegrationTest(properties = {
        "banso.identity.throttle.source-failures=30",
        "banso.identity.throttle.account-failures=100",
        "banso.identity.throttle.public-posts-per-source=20"})
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, ConnectionsPerThread.Wrapping.class})
class SignInThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MutableClock clock;
    @Autowired
    IdentityManagement identity;
    @Autowired
    IdentityService passwords;
    @Autowired
    PlatformTransactionManager transactions;

    ApiScript api;
    static int nextSource = 1;

    @BeforeEach
    void script() {
        api = new ApiScript(mvc, json);
    }

    @Test
    void theOwnerSignsInFromAnotherSourceWhileAStrangerHammersTheAccount() throws Exception {
        Person owner = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        String stranger = source();
        int throttled = 0;
        for (int i = 0; i < 40; i++) {
            MvcResult attempt = token(owner.username(), "guess-" + i, stranger);
            assertThat(attempt.getResponse().getStatus()).isIn(401, 429);
            if (attempt.getResponse().getStatus() == 429) {
                throttled++;
                assertThat(attempt.getResponse().getHeader("Retry-After")).matches("[1-9][0-9]*");
                assertThat(json.readTree(attempt.getResponse().getContentAsString()).get("type").asString())
                        .isEqualTo("/problems/rate-limited");
            }
        }
        assertThat(throttled).as("the stranger is slowed after five failures").isEqualTo(35);
        // the owner, elsewhere, is not locked out
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, source()).getResponse().getStatus()).isEqualTo(200);
        // and on the login page either
        MvcResult page = mvc.perform(post("/login").with(csrf()).with(from(source()))
                .param("username", owner.username()).param("password", ApiAccounts.PASSWORD)).andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void theBackOffDoublesAndASuccessEndsIt() throws Exception {
        Person owner = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        String here = source();
        for (int i = 0; i < 5; i++) {
            assertThat(token(owner.username(), "typo-" + i, here).getResponse().getStatus()).isEqualTo(401);
        }
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, here).getResponse().getHeader("Retry-After"))
                .isEqualTo("2");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token(owner.username(), "typo-5", here).getResponse().getStatus()).isEqualTo(401);
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, here).getResponse().getHeader("Retry-After"))
                .isEqualTo("4");
        clock.advance(Duration.ofSeconds(4));
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, here).getResponse().getStatus()).isEqualTo(200);
        // a success resets the pair: a typo afterwards is an ordinary failure
        assertThat(token(owner.username(), "typo-6", here).getResponse().getStatus()).isEqualTo(401);
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, here).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void oneSourceGuessingManyNamesIsThrottledWhateverTheNames() throws Exception {
        String guesser = source();
        for (int i = 0; i < 30; i++) {
            assertThat(token(ApiAccounts.unique("name-"), "guess", guesser).getResponse().getStatus()).isEqualTo(401);
        }
        MvcResult refused = token(ApiAccounts.unique("name-"), "guess", guesser);
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 600L);
        // successes from a busy shared source (a ministry's proxy) are not counted
        Person person = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        String proxy = source();
        for (int i = 0; i < 40; i++) {
            assertThat(token(person.username(), ApiAccounts.PASSWORD, proxy).getResponse().getStatus()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(token(ApiAccounts.unique("name-"), "guess", guesser).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void underADistributedAttackOnlyTheOwnersKnownSourcesStillGetIn() throws Exception {
        Person owner = api.person(api.organization("COMPANY"), "RESEARCHER");
        String office = source();
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, office).getResponse().getStatus()).isEqualTo(200);
        for (int i = 0; i < 100; i++) {
            assertThat(token(owner.username(), "botnet-" + i, source()).getResponse().getStatus()).isEqualTo(401);
        }
        // the name is under attack: a source that never signed in to it is refused, even with the right password
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, source()).getResponse().getStatus()).isEqualTo(429);
        // the owner's office, where they signed in before, still gets in
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, office).getResponse().getStatus()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, source()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysHowLongToWait() throws Exception {
        Person owner = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        String here = source();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).with(from(here)).param("username", owner.username())
                    .param("password", "typo-" + i));
        }
        MvcResult throttled = mvc.perform(post("/login").with(csrf()).with(from(here))
                .param("username", owner.username()).param("password", ApiAccounts.PASSWORD)).andReturn();
        assertThat(throttled.getResponse().getRedirectedUrl()).isEqualTo("/login?throttled=1");
        assertThat(throttled.getResponse().getHeader("Retry-After")).isEqualTo("2");
        String ja = mvc.perform(get("/login?throttled=1")).andReturn().getResponse().getContentAsString();
        assertThat(ja).contains("約1分後にもう一度お試しください");
        String en = mvc.perform(get("/login?throttled=1&lang=en")).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Try again in about 1 minute(s)");
    }

    @Test
    void invitationRegistrationIsThrottledPerSource() throws Exception {
        String here = source();
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            MvcResult result = mvc.perform(post("/api/v1/invitations/not-a-token-" + i + "/register").with(from(here))
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                            "username", "someone", "password", "x")))).andReturn();
            if (result.getResponse().getStatus() == 429) {
                limited++;
                assertThat(result.getResponse().getHeader("Retry-After")).isNotNull();
                assertThat(json.readTree(result.getResponse().getContentAsString()).get("type").asString())
                        .isEqualTo("/problems/rate-limited");
            } else {
                assertThat(result.getResponse().getStatus()).isBetween(400, 404);
            }
        }
        assertThat(limited).isEqualTo(5);
        // another source is not affected
        assertThat(mvc.perform(post("/api/v1/invitations/not-a-token/register").with(from(source()))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus())
                .isNotEqualTo(429);
    }

    @Test
    void theThrottlesRefusalOfAPublicPostIsInTheLanguageAsked() throws Exception { // #17
        String here = source();
        MvcResult refused = null;
        for (int i = 0; i < 25 && (refused == null || refused.getResponse().getStatus() != 429); i++) {
            refused = mvc.perform(post("/api/v1/invitations/not-a-token-" + i + "/register").with(from(here))
                    .header("Accept-Language", "ja").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andReturn();
        }
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        JsonNode ja = json.readTree(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ja.get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(ja.get("title").asString()).isEqualTo("操作が多すぎます。しばらくしてからお試しください。");
        MvcResult english = mvc.perform(post("/api/v1/invitations/not-a-token/register").with(from(here))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(english.getResponse().getStatus()).isEqualTo(429);
        assertThat(json.readTree(english.getResponse().getContentAsString()).get("title").asString())
                .isEqualTo("Rate limited");
    }

    @Test
    void noThrottledPathHoldsTwoPooledConnections() throws Exception { // #13
        Person owner = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        String here = source();
        ConnectionsPerThread.reset();
        // the token endpoint: failures (counted), a success (resets the pair), a refusal after the back-off
        for (int i = 0; i < 5; i++) {
            assertThat(token(owner.username(), "typo-" + i, here).getResponse().getStatus()).isEqualTo(401);
        }
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, here).getResponse().getStatus()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(2));
        assertThat(token(owner.username(), ApiAccounts.PASSWORD, here).getResponse().getStatus()).isEqualTo(200);
        // the login form, in the security filter chain
        assertThat(mvc.perform(post("/login").with(csrf()).with(from(here)).param("username", owner.username())
                .param("password", "typo")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        // a password change with a wrong current password: checked and counted before the change's transaction
        MvcResult wrong = mvc.perform(put("/api/v1/users/me/password").with(from(here))
                .header("Authorization", ApiAccounts.bearer(owner.token())).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("currentPassword", "not-mine",
                        "newPassword", "a-fresh-passphrase-2026")))).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("password-wrong");
        // an anonymous public action, throttled in a filter
        assertThat(mvc.perform(post("/api/v1/invitations/not-a-token/register").with(from(here))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus())
                .isBetween(400, 404);

        assertThat(ConnectionsPerThread.maximum()).as("the throttle did use the pool").isEqualTo(1);
        assertThat(ConnectionsPerThread.offenders()).as("threads that held two pooled connections at once").isEmpty();
    }

    @Test
    void theThrottleRefusesToCountInsideATransaction() throws Exception { // #13
        Person owner = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        BansoUser user = identity.user(new UserId(UUID.fromString(owner.id()))).orElseThrow().asPrincipal();
        // inside a transaction the request already holds a connection: the throttle would need a second one
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                passwords.changePassword(user, "not-mine", "a-fresh-passphrase-2026", source(),
                        SessionToKeep.NONE)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside any transaction");
    }

    private MvcResult token(String username, String password, String source) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").with(from(source)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("username", username, "password", password)))).andReturn();
    }

    private static RequestPostProcessor from(String source) {
        return request -> {
            request.setRemoteAddr(source);
            return request;
        };
    }

    private static synchronized String source() {
        int n = nextSource++;
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }
}
