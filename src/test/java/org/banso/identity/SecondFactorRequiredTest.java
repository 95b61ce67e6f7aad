package org.banso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.SecondFactorScript;
import org.banso.support.TestClockConfiguration;
import org.banso.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second factor with {@code banso.identity.second-factor=required}, the default outside the demo (issue 18):
 * who needs it, enrolment through the pages, the code with a token request, codes that work once, brute force
 * throttled, recovery codes, service tokens, step-up freshness, the session list and "sign out everywhere", and the
 * audit log without secrets. The clock is the test's.
 */
@BansoIntegrationTest(properties = "banso.identity.second-factor=required")
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class SecondFactorRequiredTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    StepUp stepUp;

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void governmentRolesAdminAndAuditorMustSendACode_aResearcherInNoCouncilNeedNot() throws Exception {
        for (Role role : List.of(Role.ADMIN, Role.AUDITOR, Role.PROGRAM_OFFICER, Role.MINISTRY_OFFICIAL,
                Role.FUNDING_OFFICER)) {
            String username = account(role);
            JsonNode problem = tokenRequest(username, ApiAccounts.PASSWORD, null, 401);
            assertThat(problem.get("type").asString()).as(role.name()).isEqualTo("/problems/second-factor-required");
            assertThat(problem.get("detail").asString()).contains("/account");
        }
        assertThat(tokenRequest(account(Role.RESEARCHER), ApiAccounts.PASSWORD, null, 200).get("token").asString())
                .startsWith("bns_");
        // a wrong password still gets the uniform answer, code or not
        assertThat(tokenRequest(account(Role.PROGRAM_OFFICER), "wrong-password-9", "123456", 401).get("type")
                .asString()).isEqualTo("/problems/unauthenticated");
    }

    @Test
    void anOfficialWithOnlyAPasswordReachesNothingButEnrolment_thenSetsUpTheAppAndGoesOn() throws Exception {
        String officer = account(Role.PROGRAM_OFFICER);
        SecondFactorScript script = new SecondFactorScript(mvc, clock);
        MockHttpSession session = script.signIn(officer, ApiAccounts.PASSWORD);
        assertThat(mvc.perform(get("/councils").session(session)).andReturn().getResponse().getRedirectedUrl())
                .startsWith("/login/second-factor?").contains("factor.reason=missing");
        assertThat(mvc.perform(get("/api/v1/technologies").session(session)).andReturn().getResponse()
                .getStatus()).as("the API chain knows no page session").isEqualTo(200);
        String page = mvc.perform(get("/login/second-factor").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"enrol-first\"", "id=\"enrol-totp\"");

        SecondFactorScript.Enrolled enrolled = script.enrolTotp(officer, ApiAccounts.PASSWORD);
        assertThat(mvc.perform(get("/councils").session(enrolled.session())).andReturn().getResponse()
                .getStatus()).as("the code that confirmed the app is the session's second factor").isEqualTo(200);

        // the next sign-in asks for the code, and comes back to the page asked for
        clock.advance(Duration.ofSeconds(30));
        MockHttpSession next = script.signIn(officer, ApiAccounts.PASSWORD);
        mvc.perform(get("/councils").session(next));
        MvcResult wrong = mvc.perform(post("/login/second-factor").session(next).with(csrf()).param("code", "000000"))
                .andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor?error");
        MvcResult right = mvc.perform(post("/login/second-factor").session(next).with(csrf())
                .param("code", Totp.code(enrolled.secret(), clock.instant()))).andReturn();
        assertThat(right.getResponse().getRedirectedUrl()).contains("/councils");
        assertThat(mvc.perform(get("/councils").session(next)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(audited("TotpEnrolled", officer)).isEqualTo(1);
        assertThat(audited("SecondFactorPassed", officer)).isEqualTo(1);
        assertThat(audited("SecondFactorFailed", officer)).isEqualTo(1);
    }

    @Test
    void aTokenCarriesTheCode_aCodeWorksOnlyOnce() throws Exception {
        String official = account(Role.MINISTRY_OFFICIAL);
        SecondFactorScript.Enrolled enrolled = new SecondFactorScript(mvc, clock).enrolTotp(official,
                ApiAccounts.PASSWORD);
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(enrolled.secret(), clock.instant());
        String token = tokenRequest(official, ApiAccounts.PASSWORD, code, 200).get("token").asString();
        assertThat(mvc.perform(get("/api/v1/users/me").header("Authorization", ApiAccounts.bearer(token)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select second_factor_at from identity_api_token where account_id = ? "
                        + "and second_factor_at is not null").param(id(official)).query(java.sql.Timestamp.class)
                .single().toInstant()).isCloseTo(clock.instant(), org.assertj.core.api.Assertions.within(1,
                java.time.temporal.ChronoUnit.MICROS));
        // the same code again (replayed within its 30 seconds) is refused
        assertThat(tokenRequest(official, ApiAccounts.PASSWORD, code, 401).get("type").asString())
                .isEqualTo("/problems/unauthenticated");
        clock.advance(Duration.ofSeconds(30));
        tokenRequest(official, ApiAccounts.PASSWORD, Totp.code(enrolled.secret(), clock.instant()), 200);
    }

    @Test
    void bruteForceOfCodesLocksTheAccountsCodesForAWhile() throws Exception {
        String official = account(Role.FUNDING_OFFICER);
        SecondFactorScript.Enrolled enrolled = new SecondFactorScript(mvc, clock).enrolTotp(official,
                ApiAccounts.PASSWORD);
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            tokenRequest(official, ApiAccounts.PASSWORD, String.format("%06d", (i * 7919) % 1_000_000), 401);
        }
        String right = Totp.code(enrolled.secret(), clock.instant());
        JsonNode locked = tokenRequest(official, ApiAccounts.PASSWORD, right, 401);
        assertThat(locked.get("detail").asString()).contains("Too many wrong codes");
        // the page refuses the right code too, and says why
        MockHttpSession session = new SecondFactorScript(mvc, clock).signIn(official, ApiAccounts.PASSWORD);
        assertThat(mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", right))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor?locked");
        assertThat(jdbc.sql("select count(*) from identity_factor_throttle where account_id = ? and locked_until > ?")
                .params(id(official), java.sql.Timestamp.from(clock.instant())).query(Long.class).single())
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(15).plusSeconds(30));
        tokenRequest(official, ApiAccounts.PASSWORD, Totp.code(enrolled.secret(), clock.instant()), 200);
        assertThat(audited("SecondFactorFailed", official)).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aRecoveryCodeWorksOnce_andOnlyItsSaltedHashIsStored() throws Exception {
        String auditor = account(Role.AUDITOR);
        SecondFactorScript.Enrolled enrolled = new SecondFactorScript(mvc, clock).enrolTotp(auditor,
                ApiAccounts.PASSWORD);
        String recovery = enrolled.recoveryCodes().get(3);
        tokenRequest(auditor, ApiAccounts.PASSWORD, recovery.toLowerCase().replace("-", " "), 200);
        assertThat(tokenRequest(auditor, ApiAccounts.PASSWORD, recovery, 401).get("type").asString())
                .isEqualTo("/problems/unauthenticated");
        assertThat(jdbc.sql("select count(*) from identity_recovery_code where account_id = ? and used_at is null")
                .param(id(auditor)).query(Long.class).single()).isEqualTo(9);
        for (String code : enrolled.recoveryCodes()) {
            assertThat(jdbc.sql("""
                            select count(*) from identity_recovery_code
                            where position(convert_to(?, 'UTF8') in code_hash) > 0
                               or position(convert_to(?, 'UTF8') in salt) > 0""")
                    .params(code.replace("-", ""), code.replace("-", "")).query(Long.class).single()).isZero();
        }
        // the TOTP secret is stored sealed: its bytes are not in the row
        byte[] secret = new org.apache.commons.codec.binary.Base32().decode(enrolled.secret());
        byte[] stored = jdbc.sql("select ciphertext from identity_totp where account_id = ? and state = 'ACTIVE'")
                .param(id(auditor)).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
    }

    @Test
    void apiStepUpRenewsTheSecondFactorOfTheTokenPresented() throws Exception {
        String official = account(Role.MINISTRY_OFFICIAL);
        SecondFactorScript.Enrolled enrolled = new SecondFactorScript(mvc, clock).enrolTotp(official,
                ApiAccounts.PASSWORD);
        clock.advance(Duration.ofSeconds(30));
        String token = tokenRequest(official, ApiAccounts.PASSWORD, Totp.code(enrolled.secret(), clock.instant()),
                200).get("token").asString();
        clock.advance(Duration.ofMinutes(20));
        MvcResult stepped = mvc.perform(post("/api/v1/auth/second-factor")
                .header("Authorization", ApiAccounts.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + Totp.code(enrolled.secret(), clock.instant()) + "\"}")).andReturn();
        assertThat(stepped.getResponse().getStatus()).as(stepped.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(stepped.getResponse().getContentAsString()).get("secondFactorAt").asString())
                .isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
        MvcResult wrong = mvc.perform(post("/api/v1/auth/second-factor")
                .header("Authorization", ApiAccounts.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"999999\"}")).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void stepUpNeedsASecondFactorWithinFifteenMinutes_evenForPeopleWhoHaveNone() {
        // R17 + issue 18: the policy's question to the identity module, answered from the request's authentication
        BansoUser researcher = identity.userByUsername(account(Role.RESEARCHER)).orElseThrow().asPrincipal();
        Instant now = clock.instant();
        authenticate(researcher, FactorGrantedAuthority.withAuthority("FACTOR_PASSWORD").issuedAt(now).build());
        assertThat(stepUp.freshSecondFactor(researcher, now)).as("required mode: no factor, no step-up").isFalse();
        authenticate(researcher, FactorGrantedAuthority.withAuthority("FACTOR_TOTP").issuedAt(now).build());
        assertThat(stepUp.freshSecondFactor(researcher, now.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(stepUp.freshSecondFactor(researcher, now.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(stepUp.freshSecondFactor(researcher, now.plus(Duration.ofMinutes(15)).plusMillis(1))).isFalse();
        BansoUser someoneElse = identity.userByUsername(account(Role.RESEARCHER)).orElseThrow().asPrincipal();
        assertThat(stepUp.freshSecondFactor(someoneElse, now)).as("only the request's own person").isFalse();
        authenticate(researcher, FactorGrantedAuthority.withAuthority("FACTOR_WEBAUTHN").issuedAt(now).build());
        assertThat(stepUp.freshSecondFactor(researcher, now.plus(Duration.ofMinutes(10))))
                .as("a passkey counts as the second factor").isTrue();
    }

    @Test
    void serviceTokensAreIssuedByAnAdminForOneNarrowScopeAndExpiry() throws Exception {
        String admin = account(Role.ADMIN);
        SecondFactorScript.Enrolled enrolled = new SecondFactorScript(mvc, clock).enrolTotp(admin,
                ApiAccounts.PASSWORD);
        clock.advance(Duration.ofSeconds(30));
        String adminToken = tokenRequest(admin, ApiAccounts.PASSWORD, Totp.code(enrolled.secret(), clock.instant()),
                200).get("token").asString();
        String researcher = account(Role.RESEARCHER);
        String auditor = account(Role.AUDITOR);
        Instant in30Days = clock.instant().plus(Duration.ofDays(30));

        MvcResult issued = serviceToken(adminToken, researcher, "REFERENCE_READ", in30Days);
        assertThat(issued.getResponse().getStatus()).as(issued.getResponse().getContentAsString()).isEqualTo(201);
        String reference = json.readTree(issued.getResponse().getContentAsString()).get("token").asString();
        assertThat(status(get("/api/v1/technologies"), reference)).isEqualTo(200);
        assertThat(status(get("/api/v1/users/me"), reference)).isEqualTo(403);
        assertThat(status(get("/api/v1/councils"), reference)).as("never council information").isEqualTo(403);
        assertThat(status(post("/api/v1/technologies").contentType(MediaType.APPLICATION_JSON).content("{}"),
                reference)).as("read only").isEqualTo(403);

        // an AUDITOR's verifier reads the log without any person's second factor
        String audit = json.readTree(serviceToken(adminToken, auditor, "AUDIT_READ", in30Days).getResponse()
                .getContentAsString()).get("token").asString();
        assertThat(status(get("/api/v1/audit/entries?from=0&to=1"), audit)).isEqualTo(200);

        assertThat(serviceToken(adminToken, researcher, "AUDIT_READ", in30Days).getResponse().getStatus())
                .as("AUDIT_READ only for an auditor").isEqualTo(400);
        assertThat(serviceToken(adminToken, researcher, "REFERENCE_READ", clock.instant().plus(Duration.ofDays(91)))
                .getResponse().getStatus()).as("at most 90 days").isEqualTo(400);
        assertThat(serviceToken(adminToken, researcher, "EVERYTHING", in30Days).getResponse().getStatus())
                .isEqualTo(400);
        String researcherToken = tokenRequest(researcher, ApiAccounts.PASSWORD, null, 200).get("token").asString();
        assertThat(serviceToken(researcherToken, researcher, "REFERENCE_READ", in30Days).getResponse().getStatus())
                .as("only an administrator").isEqualTo(403);

        clock.advance(Duration.ofDays(31));
        assertThat(status(get("/api/v1/technologies"), reference)).as("expired").isEqualTo(401);
    }

    @Test
    void theAccountPageListsSessions_andSignOutEverywhereEndsThemAtTheirNextRequest() throws Exception {
        String researcher = account(Role.RESEARCHER);
        SecondFactorScript script = new SecondFactorScript(mvc, clock);
        MockHttpSession laptop = script.signIn(researcher, ApiAccounts.PASSWORD);
        MockHttpSession phone = script.signIn(researcher, ApiAccounts.PASSWORD);
        String page = mvc.perform(get("/account").session(laptop).header("User-Agent",
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.split("<tr", -1).length - 1).as("header row and two sessions").isEqualTo(3);
        assertThat(page.substring(page.indexOf("id=\"sessions\""))).as("the sign-in method").contains("パスワード");

        MvcResult asked = mvc.perform(post("/account/sessions/end-all").session(laptop).with(csrf())).andReturn();
        assertThat(asked.getResponse().getContentAsString()).as("asked first (#17)").contains("id=\"confirm-submit\"");
        assertThat(jdbc.sql("select count(*) from identity_session where account_id = ? and ended_at is null")
                .param(id(researcher)).query(Long.class).single()).as("nothing ended before").isEqualTo(2L);
        MvcResult ended = mvc.perform(post("/account/sessions/end-all").session(laptop).with(csrf())
                .param("confirmed", "true")).andReturn();
        assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(mvc.perform(get("/account").session(phone)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(jdbc.sql("select count(*) from identity_session where account_id = ? and ended_at is null")
                .param(id(researcher)).query(Long.class).single()).isZero();
        assertThat(audited("SessionsEnded", researcher)).isEqualTo(1);
    }

    @Test
    void aSessionThatPassedItsSecondFactorKeepsItWhenItsRolesChange_andEndsWhenTheAccountIsDisabled() throws Exception {
        // sessions follow the account (#13) whatever way they signed in, and never lose a factor they proved
        String officer = account(Role.PROGRAM_OFFICER);
        SecondFactorScript.Enrolled enrolled = new SecondFactorScript(mvc, clock).enrolTotp(officer,
                ApiAccounts.PASSWORD);
        MockHttpSession session = enrolled.session();
        assertThat(mvc.perform(get("/councils").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        BansoUser admin = identity.userByUsername("admin").orElseThrow().asPrincipal();

        identity.changeRoles(new UserId(id(officer)), Set.of(Role.PROGRAM_OFFICER, Role.AUDITOR), admin);
        MvcResult next = mvc.perform(get("/councils").session(session)).andReturn();
        assertThat(next.getResponse().getStatus()).as("still past the second factor: %s",
                next.getResponse().getRedirectedUrl()).isEqualTo(200);
        var authentication = ((org.springframework.security.core.context.SecurityContext) session.getAttribute(
                "SPRING_SECURITY_CONTEXT")).getAuthentication();
        assertThat(authentication.getAuthorities()).extracting(a -> a.getAuthority())
                .contains("ROLE_AUDITOR", FactorGrantedAuthority.PASSWORD_AUTHORITY, "FACTOR_TOTP");

        identity.setEnabled(new UserId(id(officer)), false, admin);
        MvcResult ended = mvc.perform(get("/councils").session(session)).andReturn();
        assertThat(ended.getResponse().getRedirectedUrl()).endsWith("/login?ended");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsInTheListToo_andThisSessionKeepsItsSecondFactor() throws Exception {
        String officer = account(Role.PROGRAM_OFFICER);
        SecondFactorScript script = new SecondFactorScript(mvc, clock);
        SecondFactorScript.Enrolled enrolled = script.enrolTotp(officer, ApiAccounts.PASSWORD);
        clock.advance(Duration.ofSeconds(30));
        MockHttpSession other = script.signIn(officer, ApiAccounts.PASSWORD);
        MockHttpSession here = enrolled.session();

        MvcResult changed = mvc.perform(post("/account/password").session(here).with(csrf())
                        .param("currentPassword", ApiAccounts.PASSWORD)
                        .param("newPassword", "sakura-tsubomi-2026").param("confirmPassword", "sakura-tsubomi-2026"))
                .andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/account/password");

        assertThat(mvc.perform(get("/councils").session(here)).andReturn().getResponse().getStatus())
                .as("this session keeps its second factor under the new password").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from identity_session where account_id = ? and ended_at is null")
                .param(id(officer)).query(Long.class).single()).as("only this session is listed").isEqualTo(1);
        assertThat(mvc.perform(get("/councils").session(other)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login?ended");
    }

    @Test
    void passkeyCeremoniesRequireUserVerification_soThatAPasskeyCountsAsTwoFactors() throws Exception {
        MvcResult signIn = mvc.perform(post("/webauthn/authenticate/options").with(csrf())).andReturn();
        assertThat(json.readTree(signIn.getResponse().getContentAsString()).get("userVerification").asString())
                .isEqualTo("required");
        MockHttpSession session = new SecondFactorScript(mvc, clock).signIn(account(Role.RESEARCHER),
                ApiAccounts.PASSWORD);
        MvcResult register = mvc.perform(post("/webauthn/register/options").session(session).with(csrf()))
                .andReturn();
        JsonNode options = json.readTree(register.getResponse().getContentAsString());
        assertThat(options.get("authenticatorSelection").get("userVerification").asString()).isEqualTo("required");
        assertThat(options.get("rp").get("id").asString()).isEqualTo("localhost");
    }

    @Test
    void theAuditLogNamesEveryFactorEventButNeverACodeOrSecret() throws Exception {
        String official = account(Role.MINISTRY_OFFICIAL);
        SecondFactorScript.Enrolled enrolled = new SecondFactorScript(mvc, clock).enrolTotp(official,
                ApiAccounts.PASSWORD);
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(enrolled.secret(), clock.instant());
        tokenRequest(official, ApiAccounts.PASSWORD, code, 200);
        tokenRequest(official, ApiAccounts.PASSWORD, "314159", 401);
        tokenRequest(official, ApiAccounts.PASSWORD, enrolled.recoveryCodes().get(0), 200);
        List<String> leaves = new ArrayList<>();
        // one statement, so that the sequencer moving entries from the outbox to the log loses none
        jdbc.sql("select leaf from audit_pending where actor = ? union all select leaf from audit_leaf where actor = ?")
                .params(id(official), id(official)).query(byte[].class).list()
                .forEach(l -> leaves.add(new String(l, StandardCharsets.UTF_8)));
        String all = String.join("\n", leaves);
        assertThat(all).contains("TotpEnrolled", "RecoveryCodesGenerated", "SecondFactorPassed",
                "SecondFactorFailed", "\"method\":\"RECOVERY_CODE\"", "\"purpose\":\"API_TOKEN\"");
        assertThat(all).doesNotContain(code, "314159", enrolled.secret(),
                enrolled.recoveryCodes().get(0).replace("-", ""), enrolled.recoveryCodes().get(0));
    }

    // ------------------------------------------------------------------ helpers

    private final Map<String, UUID> ids = new HashMap<>();

    /** A new account with the role in a new organization, created as the first administrator would. */
    private String account(Role role) {
        BansoUser admin = identity.userByUsername("admin").orElseThrow().asPrincipal();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OrganizationView org = identity.registerOrganization(new IdentityManagement.NewOrganization(
                "組織" + suffix, "Org " + suffix, role == Role.MINISTRY_OFFICIAL ? OrganizationKind.MINISTRY
                : OrganizationKind.OTHER, null), admin);
        String username = role.name().substring(0, 3).toLowerCase() + "-" + suffix;
        UserView user = identity.createUser(new IdentityManagement.NewUser(username, "試験 " + username,
                username + "@example.jp", org.id(), Set.of(role), ApiAccounts.PASSWORD), admin);
        ids.put(username, user.id().value());
        return username;
    }

    private UUID id(String username) {
        return ids.get(username);
    }

    private JsonNode tokenRequest(String username, String password, String code, int status) throws Exception {
        Map<String, String> body = new HashMap<>(Map.of("username", username, "password", password));
        if (code != null) {
            body.put("code", code);
        }
        MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s: %s", username, result.getResponse().getContentAsString())
                .isEqualTo(status);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private MvcResult serviceToken(String adminToken, String username, String scope, Instant expiresAt)
            throws Exception {
        return mvc.perform(post("/api/v1/users/" + id(username) + "/service-tokens")
                .header("Authorization", ApiAccounts.bearer(adminToken)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("scope", scope, "expiresAt", expiresAt.toString(),
                        "label", "verifier")))).andReturn();
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                       String token) throws Exception {
        return mvc.perform(request.header("Authorization", ApiAccounts.bearer(token))).andReturn().getResponse()
                .getStatus();
    }

    private long audited(String kind, String username) {
        UUID user = id(username);
        return jdbc.sql("""
                        select (select count(*) from audit_pending where kind = ? and actor = ?)
                             + (select count(*) from audit_leaf where kind = ? and actor = ?)""")
                .params(kind, user, kind, user).query(Long.class).single();
    }

    private static void authenticate(BansoUser user, FactorGrantedAuthority factor) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(factor)));
        SecurityContextHolder.setContext(context);
    }
}
