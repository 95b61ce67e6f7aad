package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.banso.identity.IdentityManagement;
import org.banso.support.ApiScript.Person;
import org.banso.information.tracing.TracingFixtures;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R17 end to end: a member in scope downloads a DOWNLOAD_TRACED item through the items API, pastes a paragraph of it
 * somewhere, and an auditor traces the paragraph back to that member, the item and the time of the download.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class TracedDownloadLeakTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    MutableClock clock;

    @Test
    void r17_aParagraphOfADownloadedCopyIsTracedToTheMemberWhoDownloadedIt() throws Exception {
        InformationTestSupport api = new InformationTestSupport(mvc, json, identity);
        Person official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        Person startup = api.person(api.organization("STARTUP"), "RESEARCHER");
        String council = api.establishedCouncil(official, startup);
        String startupParticipant = api.addParticipant(council, official, startup, "STARTUP");
        String ministryParticipant = api.participantOf(council, official, official);
        api.sign(council, official);
        api.sign(council, startup);
        String item = api.upload(council, startup, "追跡付きの資料", "SAMPLING_DATA", TracingFixtures.seed());
        Instant now = clock.instant();
        api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), now.minusSeconds(60), now.plus(Duration.ofDays(3)),
                "DOWNLOAD_TRACED", "PUBLIC"), official, startup);

        MvcResult download = api.perform("GET", "/api/v1/items/" + item + "/content", official.token(), null);
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        String fingerprint = download.getResponse().getHeader("Banso-Fingerprint");
        String copy = download.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(TracingFixtures.visible(copy)).isEqualTo(TracingFixtures.seed());
        String pasted = TracingFixtures.excerpt(copy, TracingFixtures.seed().length() / 2, 200);

        String auditor = new ApiAccounts(mvc, json).tokenFor("e2eaud", "AUDITOR");
        MvcResult traced = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/leaks/trace").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("text", pasted).header("Authorization", ApiAccounts.bearer(auditor))).andReturn();
        assertThat(traced.getResponse().getStatus()).as(traced.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode body = json.readTree(traced.getResponse().getContentAsString());
        assertThat(body.get("recipientUserId").asString()).isEqualTo(official.id());
        assertThat(body.get("itemId").asString()).isEqualTo(item);
        assertThat(body.get("fingerprint").asString()).isEqualTo(fingerprint);
        assertThat(Instant.parse(body.get("downloadedAt").asString())).isCloseTo(clock.instant(),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));

        // the member who downloaded it cannot run the trace: only auditors learn who received a copy
        MvcResult refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/leaks/trace").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("text", pasted).header("Authorization", ApiAccounts.bearer(official.token()))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(404);
    }
}
