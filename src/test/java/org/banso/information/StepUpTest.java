package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.banso.identity.IdentityManagement;
import org.banso.identity.SecondFactorRequirement;
import org.banso.identity.UserId;
import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.SecondFactorScript;
import org.banso.support.TestClockConfiguration;
import org.banso.support.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step-up for controlled content (issue 18, R17): opening, viewing or downloading a CONTROLLED item needs a second
 * factor passed within 15 minutes, decided by the one access policy on every path; a COUNCIL item does not. Here the
 * second factor is optional (as in the demo), so the rule applies to the person who enrolled an authenticator app,
 * and someone who enrolled nothing is not asked; {@code SecondFactorRequiredTest} covers the required mode.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class StepUpTest {

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
    List<SecondFactorRequirement> requirements;

    InformationTestSupport api;
    InformationTestSupport.World world;
    String controlled;
    String councilOnly;
    String secret;

    @BeforeEach
    void councilWithAControlledAndACouncilItem_andAStartupMemberWithAnAuthenticatorApp() throws Exception {
        // whole seconds, so that "exactly 15 minutes" is exact also for times the database keeps to the microsecond
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1));
        api = new InformationTestSupport(mvc, json, identity);
        world = api.world();
        controlled = api.upload(world.council(), world.startup(), "管理指定する測定値", "SAMPLING_DATA",
                "測定値: 42.0\n".repeat(20));
        councilOnly = api.upload(world.council(), world.startup(), "協議会内の報告", "REPORT", "報告です。");
        api.adopt(world.council(), world.official(), InformationTestSupport.designation(List.of(controlled), null,
                        List.of(world.ministryParticipant(), world.startupParticipant()),
                        clock.instant().minusSeconds(1), clock.instant().plus(Duration.ofDays(30)), "DOWNLOAD_TRACED",
                        "COUNCIL"),
                world.official(), world.startup(), world.company());
        secret = new SecondFactorScript(mvc, clock).enrolTotp(world.startup().username(), ApiAccounts.PASSWORD)
                .secret();
        clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void r17_theApiAsksForAFreshSecondFactorForControlledContentOnly_andAgainAfterFifteenMinutes() throws Exception {
        // a token issued with the password alone (the demo allows it)
        String token = new ApiAccounts(mvc, json).token(world.startup().username(), ApiAccounts.PASSWORD);
        assertThat(status("/api/v1/items/" + councilOnly, token)).isEqualTo(200);
        assertThat(problem("/api/v1/items/" + controlled, token)).isEqualTo("/problems/fresh-second-factor-required");
        assertThat(problem("/api/v1/items/" + controlled + "/content", token))
                .isEqualTo("/problems/fresh-second-factor-required");
        // listing still names the item: it is the content that waits for the factor
        assertThat(api.listedIds(world.council(), new Person(world.startup().id(), world.startup().username(), token,
                world.startup().organizationId()))).contains(controlled, councilOnly);

        MvcResult stepped = mvc.perform(post("/api/v1/auth/second-factor")
                .header("Authorization", ApiAccounts.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + Totp.code(secret, clock.instant()) + "\"}")).andReturn();
        assertThat(stepped.getResponse().getStatus()).as(stepped.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(status("/api/v1/items/" + controlled, token)).isEqualTo(200);
        MvcResult copy = mvc.perform(get("/api/v1/items/" + controlled + "/content")
                .header("Authorization", ApiAccounts.bearer(token))).andReturn();
        assertThat(copy.getResponse().getStatus()).isEqualTo(200);
        assertThat(copy.getResponse().getHeader("Banso-Fingerprint")).isNotBlank();

        clock.advance(Duration.ofMinutes(15));
        assertThat(status("/api/v1/items/" + controlled, token)).as("exactly 15 minutes").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(problem("/api/v1/items/" + controlled, token)).isEqualTo("/problems/fresh-second-factor-required");
        assertThat(status("/api/v1/items/" + councilOnly, token)).isEqualTo(200);
        // the refusals to open and to download are audited decisions (R17)
        assertThat(refusals("OPEN")).isEqualTo(2);
        assertThat(refusals("DOWNLOAD")).isEqualTo(1);
    }

    @Test
    void r17_thePageAsksForTheFactorAndReturnsToTheItem_aCouncilItemNeverAsks() throws Exception {
        MockHttpSession session = new SecondFactorScript(mvc, clock).signIn(world.startup().username(),
                ApiAccounts.PASSWORD);
        assertThat(mvc.perform(get("/items/" + councilOnly).session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        MvcResult asked = mvc.perform(get("/items/" + controlled).session(session)).andReturn();
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor?step-up");
        assertThat(mvc.perform(get("/items/" + controlled + "/view").session(session)).andReturn().getResponse()
                .getRedirectedUrl()).as("the viewer too").isEqualTo("/login/second-factor?step-up");
        mvc.perform(get("/items/" + controlled).session(session));
        MvcResult back = mvc.perform(post("/login/second-factor").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .csrf())
                .param("code", Totp.code(secret, clock.instant()))).andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).contains("/items/" + controlled);
        assertThat(mvc.perform(get("/items/" + controlled).session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(16));
        assertThat(mvc.perform(get("/items/" + controlled).session(session)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login/second-factor?step-up");
    }

    @Test
    void withTheSecondFactorOptional_someoneWhoEnrolledNothingIsNotAsked() throws Exception {
        // the demo: the ministry official has no authenticator app and no passkey
        assertThat(status("/api/v1/items/" + controlled, world.official().token())).isEqualTo(200);
    }

    @Test
    void participantsOfACouncilWithADesignationNeedASecondFactor_othersDoNot() {
        // what the information module tells the identity module (used when the second factor is required)
        assertThat(requirements.stream().anyMatch(r -> r.requiresSecondFactor(user(world.company())))).isTrue();
        assertThat(requirements.stream().anyMatch(r -> r.requiresSecondFactor(user(world.outsider())))).isFalse();
    }

    private static UserId user(Person person) {
        return new UserId(UUID.fromString(person.id()));
    }

    private int status(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", ApiAccounts.bearer(token))).andReturn().getResponse()
                .getStatus();
    }

    private String problem(String path, String token) throws Exception {
        MvcResult result = mvc.perform(get(path).header("Authorization", ApiAccounts.bearer(token))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(401);
        return json.readTree(result.getResponse().getContentAsString()).get("type").asString();
    }

    private long refusals(String action) {
        return jdbc.sql("""
                        select count(*) from (select leaf from audit_pending union all select leaf from audit_leaf) l
                        where position(convert_to('"reason":"second-factor-stale"', 'UTF8') in l.leaf) > 0
                          and position(convert_to(?, 'UTF8') in l.leaf) > 0
                          and position(convert_to(?, 'UTF8') in l.leaf) > 0""")
                .params("\"action\":\"" + action + "\"", controlled).query(Long.class).single();
    }
}
