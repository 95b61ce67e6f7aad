package org.banso.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityEvents;
import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R13 without an account: a researcher or startup registers its own new organization and account through the
 * invitation link — no administrator — then signs in and signs the pledge. A refused registration creates nothing.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@RecordApplicationEvents
class InvitationRegistrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    CouncilTestSupport api;
    Person official;
    Person pi;
    String council;
    Duration moved = Duration.ZERO;

    @BeforeEach
    void councilWithAnOfficial() throws Exception {
        api = new CouncilTestSupport(mvc, json);
        official = api.official();
        pi = api.researcher("UNIVERSITY");
        council = api.establishedCouncil(official, pi);
    }

    @AfterEach
    void clockBack() {
        clock.advance(moved.negated());
    }

    private String invite(String role) throws Exception {
        return api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", role), 201).get("token").asString();
    }

    private static Map<String, Object> newcomer(String username, String corporateNumber) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("name", "スタートアップ " + username);
        organization.put("nameEn", "Startup " + username);
        organization.put("kind", "STARTUP");
        organization.put("corporateNumber", corporateNumber);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", organization);
        body.put("username", username);
        body.put("displayName", "新参 " + username);
        body.put("email", username + "@example.jp");
        body.put("password", ApiAccounts.PASSWORD);
        return body;
    }

    /** Organizations, accounts, participants of the council, and used invitations: what a refusal must not change. */
    private List<Long> counts() {
        return List.of(
                jdbc.sql("select count(*) from identity_organization").query(Long.class).single(),
                jdbc.sql("select count(*) from identity_account").query(Long.class).single(),
                jdbc.sql("select count(*) from council_participant where council_id = ?::uuid").param(council)
                        .query(Long.class).single(),
                jdbc.sql("select count(*) from council_invitation where accepted_at is not null").query(Long.class)
                        .single());
    }

    private long accountsNamed(String username) {
        return jdbc.sql("select count(*) from identity_account where username = ?").param(username)
                .query(Long.class).single();
    }

    /** A valid 法人番号 not yet registered: twelve random digits and their check digit. */
    private static String corporateNumber(SplittableRandom random) {
        StringBuilder twelve = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            twelve.append(random.nextInt(10));
        }
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (twelve.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + twelve.toString();
    }

    // ------------------------------------------------------------------ API

    @Test
    void r13_aNewcomerRegistersThroughTheInvitationAndSignsThePledgeWithoutAnyAdministrator() throws Exception {
        // R13: no admin token is used from here on
        String token = invite("STARTUP");
        String username = ApiAccounts.unique("newcomer-");
        JsonNode joined = api.call("POST", "/api/v1/invitations/" + token + "/register", null,
                newcomer(username, null), 201);
        assertThat(joined.get("councilId").asString()).isEqualTo(council);

        String userToken = new ApiAccounts(mvc, json).token(username, ApiAccounts.PASSWORD);
        Map<String, Object> account = jdbc.sql("select id::text as id, organization_id::text as org "
                + "from identity_account where username = ?").param(username).query().singleRow();
        Person newcomer = new Person((String) account.get("id"), username, userToken, (String) account.get("org"));
        assertThat(jdbc.sql("select role from identity_account_role where account_id = ?::uuid")
                .param(newcomer.id()).query(String.class).list()).containsExactly("RESEARCHER");
        assertThat(newcomer.organizationId()).as("a new organization of its own")
                .isNotIn(official.organizationId(), pi.organizationId());
        api.problem("GET", "/api/v1/councils/" + council + "/proposals", userToken, null, 403, "pledge-required");
        api.sign(council, newcomer);
        api.call("GET", "/api/v1/councils/" + council + "/proposals", userToken, null, 200);

        JsonNode view = api.call("GET", "/api/v1/councils/" + council, official.token(), null, 200);
        assertThat(view.get("participants")).anySatisfy(p -> {
            assertThat(p.get("organizationId").asString()).isEqualTo(newcomer.organizationId());
            assertThat(p.get("role").asString()).as("the invitation's role").isEqualTo("STARTUP");
            assertThat(p.get("representativeId").asString()).isEqualTo(newcomer.id());
            assertThat(p.get("memberIds").toString()).contains(newcomer.id());
        });
        assertThat(events.stream(IdentityEvents.AccountCreated.class)
                .filter(e -> e.username().equals(username)))
                .singleElement().satisfies(e -> assertThat(e.by().value().toString()).as("by the newcomer")
                        .isEqualTo(newcomer.id()));
        assertThat(events.stream(IdentityEvents.OrganizationRegistered.class)
                .filter(e -> e.organization().value().toString().equals(newcomer.organizationId())))
                .singleElement().satisfies(e -> assertThat(e.by().value().toString()).isEqualTo(newcomer.id()));
        // the link is used up, and says no more than an unknown one (R13)
        api.problem("POST", "/api/v1/invitations/" + token + "/register", null,
                newcomer(ApiAccounts.unique("second-"), null), 404, "not-found");
    }

    @Test
    void r13_aUsedRevokedOrExpiredInvitationRefusesRegistrationAndCreatesNothing() throws Exception {
        // R13
        String used = invite("STARTUP");
        api.call("POST", "/api/v1/invitations/" + used + "/register", null,
                newcomer(ApiAccounts.unique("first-"), null), 201);
        JsonNode revoked = api.call("POST", "/api/v1/councils/" + council + "/invitations", official.token(),
                Map.of("role", "COMPANY"), 201);
        api.call("DELETE", "/api/v1/councils/" + council + "/invitations/" + revoked.get("id").asString(),
                official.token(), null, 204);
        String expiring = invite("RESEARCHER");
        clock.advance(Duration.ofDays(15));
        moved = moved.plusDays(15);

        // a used link reveals nothing (the answer to an unknown token); a revoked or expired one is a conflict
        Map<String, Integer> refusals = new LinkedHashMap<>();
        refusals.put(used, 404);
        refusals.put(revoked.get("token").asString(), 409);
        refusals.put(expiring, 409);
        for (var refusal : refusals.entrySet()) {
            String token = refusal.getKey();
            List<Long> before = counts();
            String username = ApiAccounts.unique("late-");
            api.problem("POST", "/api/v1/invitations/" + token + "/register", null, newcomer(username, null),
                    refusal.getValue(), refusal.getValue() == 404 ? "not-found" : "conflict");
            assertThat(counts()).as("nothing created for %s", token).isEqualTo(before);
            assertThat(accountsNamed(username)).isZero();
        }
        List<Long> before = counts();
        api.problem("POST", "/api/v1/invitations/bnsi_nonsense/register", null,
                newcomer(ApiAccounts.unique("nobody-"), null), 404, "not-found");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void r13_invalidFieldsAreAllListedAndNothingIsCreated() throws Exception {
        // R13
        String token = invite("STARTUP");
        List<Long> before = counts();
        JsonNode problem = api.problem("POST", "/api/v1/invitations/" + token + "/register", null, Map.of(
                "organization", Map.of("name", " ", "kind", "NO_SUCH_KIND", "corporateNumber", "1234567890123"),
                "username", "X", "email", "not-an-address", "password", "short"), 400, "validation-failed");
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("organization.name", "organization.nameEn", "organization.kind",
                "organization.corporateNumber", "username", "displayName", "email", "password");
        api.problem("POST", "/api/v1/invitations/" + token + "/register", null, null, 400, "validation-failed");
        // a newcomer cannot declare itself a ministry
        Map<String, Object> ministry = newcomer(ApiAccounts.unique("min-"), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> org = (Map<String, Object>) ministry.get("organization");
        org.put("kind", "MINISTRY");
        JsonNode refused = api.problem("POST", "/api/v1/invitations/" + token + "/register", null, ministry, 400,
                "validation-failed");
        assertThat(refused.get("errors").toString()).contains("organization.kind");
        assertThat(counts()).as("nothing created, the invitation still open").isEqualTo(before);
        api.call("POST", "/api/v1/invitations/" + token + "/register", null,
                newcomer(ApiAccounts.unique("fixed-"), null), 201);
    }

    @Test
    @SuppressWarnings("unchecked")
    void r13_theCorporateNumberOfAnExistingOrganizationDoesNotAttachTheNewcomerToIt() throws Exception {
        // R13: claiming someone else's organization by its number is refused, and changes nothing
        SplittableRandom random = new SplittableRandom(13L ^ System.nanoTime());
        String number = corporateNumber(random);
        String existing = api.call("POST", "/api/v1/organizations", api.admin(), Map.of("name",
                ApiAccounts.unique("既存-"), "nameEn", "Existing", "kind", "COMPANY", "corporateNumber", number), 201)
                .get("id").asString();
        String token = invite("COMPANY");
        List<Long> before = counts();
        String username = ApiAccounts.unique("claimer-");
        Map<String, Object> claimer = newcomer(username, number);
        // a company, as the invitation is for one (R13): only the number is wrong
        ((Map<String, Object>) claimer.get("organization")).put("kind", "COMPANY");
        JsonNode problem = api.problem("POST", "/api/v1/invitations/" + token + "/register", null, claimer, 400,
                "validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asString()).as("number " + number)
                .isEqualTo("organization.corporateNumber");
        assertThat(counts()).isEqualTo(before);
        assertThat(accountsNamed(username)).isZero();
        assertThat(jdbc.sql("select count(*) from identity_account where organization_id = ?::uuid").param(existing)
                .query(Long.class).single()).as("no one attached to the existing organization").isZero();
        assertThat(jdbc.sql("select count(*) from council_participant where council_id = ?::uuid "
                        + "and organization_id = ?::uuid").params(council, existing).query(Long.class).single())
                .isZero();
    }

    @Test
    void r13_aMinistryInvitationCannotBeUsedToRegister() throws Exception {
        // R13: ministries take part with accounts an administrator vouched for
        String token = invite("RELATED_MINISTRY");
        List<Long> before = counts();
        api.problem("POST", "/api/v1/invitations/" + token + "/register", null,
                newcomer(ApiAccounts.unique("fake-"), null), 409, "conflict");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void r13_concurrentRegistrationsOfOneUsernameLeaveOneAccountAndNoOrphanOrganization() throws Exception {
        // R13: whichever step refuses — the check or the database's unique index — the whole registration is undone
        int n = 4;
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(invite("STARTUP"));
        }
        String username = ApiAccounts.unique("race-");
        List<Long> before = counts();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<MvcResult>> results = new java.util.ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.perform("POST", "/api/v1/invitations/" + token + "/register", null,
                            newcomer(username, null));
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : results) {
                MvcResult r = result.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(r.getResponse().getStatus());
                if (r.getResponse().getStatus() == 400) {
                    assertThat(r.getResponse().getContentAsString()).contains("\"username\"");
                }
            }
            assertThat(statuses).as("statuses").containsExactlyInAnyOrder(201, 400, 400, 400);
        } finally {
            pool.shutdownNow();
        }
        List<Long> after = counts();
        assertThat(after.get(0) - before.get(0)).as("one new organization, no orphan").isEqualTo(1);
        assertThat(after.get(1) - before.get(1)).as("one new account").isEqualTo(1);
        assertThat(after.get(2) - before.get(2)).as("one new participant").isEqualTo(1);
        assertThat(after.get(3) - before.get(3)).as("one invitation used").isEqualTo(1);
    }

    @Test
    void r13_anInvitationBringsInOnlyTheKindOfOrganizationAndPersonItWasMadeFor() throws Exception {
        // R13: a STARTUP invitation cannot make a ministry official, a company or a think tank's analyst a startup
        String token = invite("STARTUP");
        Person ministry = api.official();
        Person company = api.researcher("COMPANY");
        Person analyst = api.person(api.organization("STARTUP"), "ANALYST");
        List<Long> before = counts();
        for (Person stranger : List.of(ministry, company, analyst)) {
            api.problem("POST", "/api/v1/invitations/" + token + "/accept", stranger.token(), null, 403,
                    "forbidden");
            api.problem("GET", "/api/v1/councils/" + council, stranger.token(), null, 404, "not-found");
        }
        assertThat(counts()).as("nothing joined, the invitation still open").isEqualTo(before);
        // an organization that takes part in another role does not change its role through a link
        Person member = api.researcher("STARTUP");
        api.addParticipant(council, official, member, "RESEARCHER");
        Person colleague = api.person(member.organizationId(), "RESEARCHER");
        api.problem("POST", "/api/v1/invitations/" + token + "/accept", colleague.token(), null, 403, "forbidden");
        // the startup it was made for joins as a startup
        Person startup = api.researcher("STARTUP");
        api.call("POST", "/api/v1/invitations/" + token + "/accept", startup.token(), null, 200);
        assertThat(api.call("GET", "/api/v1/councils/" + council, startup.token(), null, 200).get("participants"))
                .anySatisfy(p -> {
                    assertThat(p.get("organizationId").asString()).isEqualTo(startup.organizationId());
                    assertThat(p.get("role").asString()).isEqualTo("STARTUP");
                });
    }

    @Test
    void r13_aNewcomerOfAnotherKindThanTheInvitationIsRefusedAndNothingIsCreated() throws Exception {
        // R13
        String token = invite("STARTUP");
        List<Long> before = counts();
        Map<String, Object> company = newcomer(ApiAccounts.unique("company-"), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> org = (Map<String, Object>) company.get("organization");
        org.put("kind", "COMPANY");
        JsonNode problem = api.problem("POST", "/api/v1/invitations/" + token + "/register", null, company, 400,
                "validation-failed");
        assertThat(problem.get("errors").toString()).contains("organization.kind");
        assertThat(counts()).isEqualTo(before);
        // the registration page offers only the kind the invitation is for
        String page = mvc.perform(get("/invitations/" + token).param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("value=\"STARTUP\"").doesNotContain("value=\"COMPANY\"");
    }

    @Test
    void r13_refusedRegistrationsUseTheLinkUpSoThatItCannotProbeUsernamesWithoutLimit() throws Exception {
        // R13: every refusal is counted although the refused registration itself leaves nothing behind
        String token = invite("STARTUP");
        List<Long> before = counts();
        for (int attempt = 1; attempt <= 5; attempt++) {
            JsonNode refused = api.problem("POST", "/api/v1/invitations/" + token + "/register", null,
                    newcomer(pi.username(), null), 400, "validation-failed");
            assertThat(refused.get("errors").toString()).as("attempt %d", attempt).contains("username");
        }
        assertThat(counts()).as("nothing created by the refusals").isEqualTo(before);
        // used up: even a valid registration now gets the answer to a token that never existed
        JsonNode usedUp = api.problem("POST", "/api/v1/invitations/" + token + "/register", null,
                newcomer(ApiAccounts.unique("late-"), null), 404, "not-found");
        JsonNode unknown = api.problem("POST", "/api/v1/invitations/bnsi_nonsense/register", null,
                newcomer(ApiAccounts.unique("late-"), null), 404, "not-found");
        assertThat(usedUp.get("detail")).isEqualTo(unknown.get("detail"));
        assertThat(mvc.perform(get("/invitations/" + token)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(counts()).isEqualTo(before);
        assertThat(api.call("GET", "/api/v1/councils/" + council + "/invitations", official.token(), null, 200))
                .anySatisfy(i -> assertThat(i.get("state").asString()).isEqualTo("USED_UP"));
    }

    // ------------------------------------------------------------------ pages

    @Test
    void r13_aSignedOutVisitorRegistersOnTheInvitationPageAndIsAskedToSignThePledge() throws Exception {
        // R13
        String token = invite("STARTUP");
        String page = mvc.perform(get("/invitations/" + token).param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"login-to-accept\"", "id=\"register-form\"", "name=\"_csrf\"",
                "for=\"corporateNumber\"", "Register and join");
        // "log in to accept" leads to the login form and, once signed in, back to the invitation
        MockHttpSession member = new MockHttpSession();
        assertThat(mvc.perform(get("/invitations/" + token + "/login").session(member)).andReturn().getResponse()
                .getRedirectedUrl()).endsWith("/login");
        String back = mvc.perform(post("/login").session(member).with(csrf()).param("username", pi.username())
                .param("password", ApiAccounts.PASSWORD)).andReturn().getResponse().getRedirectedUrl();
        assertThat(back).contains("/invitations/" + token + "/login");
        assertThat(mvc.perform(get("/invitations/" + token + "/login").session(member)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/invitations/" + token);
        assertThat(mvc.perform(get("/invitations/" + token).session(member)).andReturn().getResponse()
                .getContentAsString()).contains("id=\"accept-invitation\"").doesNotContain("id=\"register-form\"");
        String ja = mvc.perform(get("/invitations/" + token).param("lang", "ja")).andReturn().getResponse()
                .getContentAsString();
        assertThat(ja).contains("登録して参加する");

        // invalid fields: the form comes back with the reasons beside the fields, nothing created
        List<Long> before = counts();
        MvcResult refused = mvc.perform(post("/invitations/" + token + "/register").with(csrf()).param("lang", "en")
                .param("name", "").param("nameEn", "Startup").param("kind", "STARTUP").param("username", "A!")
                .param("displayName", "新参").param("email", "nope").param("password", "short")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        String form = refused.getResponse().getContentAsString();
        assertThat(form).contains("id=\"name-error\"", "id=\"username-error\"", "id=\"email-error\"",
                "id=\"password-error\"", "Enter an e-mail address.").doesNotContain("id=\"kind-error\"")
                .contains("value=\"Startup\"");
        assertThat(counts()).isEqualTo(before);
        // without the CSRF token the form is refused
        assertThat(mvc.perform(post("/invitations/" + token + "/register").param("username", "x")).andReturn()
                .getResponse().getStatus()).isEqualTo(403);

        String username = ApiAccounts.unique("page-");
        MockHttpSession session = new MockHttpSession();
        MvcResult joined = mvc.perform(post("/invitations/" + token + "/register").session(session).with(csrf())
                .param("name", "ページ株式会社 " + username).param("nameEn", "Page KK " + username)
                .param("kind", "STARTUP").param("corporateNumber", "").param("username", username)
                .param("displayName", "新参 " + username).param("email", username + "@example.jp")
                .param("password", ApiAccounts.PASSWORD)).andReturn();
        assertThat(joined.getResponse().getRedirectedUrl()).isEqualTo("/councils/" + council + "#pledge");
        SecurityContext context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context).as("signed in").isNotNull();
        assertThat(((BansoUser) context.getAuthentication().getPrincipal()).username()).isEqualTo(username);

        String councilPage = mvc.perform(get("/councils/" + council).session(session).param("lang", "en")
                .flashAttr("saved", "invitation.registered")).andReturn().getResponse().getContentAsString();
        assertThat(councilPage).contains("id=\"pledge-sign\"", "Sign the current pledge",
                "Please sign the pledge next");
        MvcResult signed = mvc.perform(post("/councils/" + council + "/pledges").session(session).with(csrf())
                .param("accept", "true").param("language", "ja")).andReturn();
        assertThat(signed.getResponse().getRedirectedUrl()).startsWith("/councils/" + council);
        String after = mvc.perform(get("/councils/" + council).session(session).param("lang", "en")).andReturn()
                .getResponse().getContentAsString();
        assertThat(after).contains("You have signed the current pledge");

        // the link is used up: its page is the page of a link that never existed (R13)
        MvcResult usedPage = mvc.perform(get("/invitations/" + token).param("lang", "en")).andReturn();
        MvcResult unknownPage = mvc.perform(get("/invitations/bnsi_nonsense").param("lang", "en")).andReturn();
        assertThat(usedPage.getResponse().getStatus()).isEqualTo(unknownPage.getResponse().getStatus()).isEqualTo(404);
        assertThat(usedPage.getResponse().getContentAsString()).doesNotContain("id=\"register-form\"",
                "id=\"login-to-accept\"", "id=\"accept-invitation\"", "invitation-role");
    }
}
