package org.banso.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.banso.funding.FundingFixtures;
import org.banso.identity.IdentityManagement;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role panels of "My work" (issue 16), one test per panel, read through {@code GET /api/v1/work} as each person
 * sees it: each shows what it should for its role and nothing the person may not see — another person's council, a
 * call closing later than the panel looks ahead, a deliverable of another think tank, a decided leak case — and a
 * person without the role has no such panel at all.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class MyWorkPanelsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    NotificationTestSupport api;
    Person official;
    Person researcher;

    @BeforeEach
    void people() throws Exception {
        api = new NotificationTestSupport(mvc, json, jdbc);
        official = api.official();
        researcher = api.researcher("UNIVERSITY");
    }

    @Test
    void officialsSeeCallsClosingWithinTwoWeeksAndNothingLater() throws Exception {
        Person programOfficer = api.person(api.organization("MINISTRY"), "PROGRAM_OFFICER");
        Person fundingOfficer = api.person(api.organization("FUNDING_AGENCY"), "FUNDING_OFFICER");
        String fund = fund(programOfficer);
        Instant now = clock.instant();
        String soon = NotificationTestSupport.unique("締切間近の公募-");
        String later = NotificationTestSupport.unique("締切の遠い公募-");
        call(fundingOfficer, fund, soon, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)));
        call(fundingOfficer, fund, later, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));

        List<String> closing = titles(panel(api.work(fundingOfficer), "work.panel.calls"));
        assertThat(closing).contains(soon).doesNotContain(later);
        assertThat(titles(panel(api.work(official), "work.panel.calls"))).contains(soon).doesNotContain(later);
        assertThat(panels(api.work(researcher))).as("not an official: no such panel")
                .doesNotContain("work.panel.calls");
    }

    @Test
    void officialsSeeTheirCouncilsNotYetEstablishedAndNoOtherMinistrysCouncil() throws Exception {
        String name = NotificationTestSupport.unique("設置前の協議会-");
        String council = api.proposeCouncil(official, name, researcher);
        Person otherOfficial = api.official();

        JsonNode mine = panel(api.work(official), "work.panel.councils");
        assertThat(councilNames(mine)).contains(name);
        assertThat(paths(mine)).contains("/councils/" + council);
        assertThat(councilNames(panel(api.work(otherOfficial), "work.panel.councils")))
                .as("another ministry's official").doesNotContain(name);
        assertThat(panels(api.work(researcher))).doesNotContain("work.panel.councils");

        api.call("POST", "/api/v1/councils/" + council + "/consents", researcher.token(),
                Map.of("decision", "CONSENT"), 200);
        api.call("POST", "/api/v1/councils/" + council + "/establish", official.token(), null, 200);
        assertThat(councilNames(panel(api.work(official), "work.panel.councils"))).as("established: off the panel")
                .doesNotContain(name);
    }

    @Test
    void theAwardingOfficerSeesTheProjectWaitingForActivationAndTheResearcherHasNoSuchPanel() throws Exception {
        Person programOfficer = api.person(api.organization("MINISTRY"), "PROGRAM_OFFICER");
        Person fundingOfficer = api.person(api.organization("FUNDING_AGENCY"), "FUNDING_OFFICER");
        String fund = fund(programOfficer);
        String title = NotificationTestSupport.unique("活性化待ちの課題-");
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "program", "K_PROGRAM", "fundId", fund,
                "technologyId", technology(), "principalInvestigatorId", researcher.id(),
                "organizationIds", List.of(researcher.organizationId()), "budget", 600_000L,
                "competentMinistryId", official.organizationId(),
                "socialImplementationLeadId", api.organization("STARTUP")));
        body.put("competentMinistryRepresentativeId", official.id());
        String project = api.call("POST", "/api/v1/projects", fundingOfficer.token(), body, 201).get("id").asString();

        JsonNode awaiting = panel(api.work(fundingOfficer), "work.panel.projects");
        assertThat(titles(awaiting)).contains(title);
        assertThat(paths(awaiting)).contains("/projects/" + project);
        assertThat(panels(api.work(researcher))).as("the PI is no official").doesNotContain("work.panel.projects");
    }

    @Test
    void analystsSeeTheirOwnThinkTanksDeliverablesDueAndNoOtherOnes() throws Exception {
        Person analyst = api.person(api.organization("THINK_TANK"), "ANALYST");
        Person otherAnalyst = api.person(api.organization("THINK_TANK"), "ANALYST");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
        String due = NotificationTestSupport.unique("期限の近い成果物-");
        String far = NotificationTestSupport.unique("期限の遠い成果物-");
        commission(analyst, List.of(Map.of("title", due, "dueOn", today.plusDays(3).toString()),
                Map.of("title", far, "dueOn", today.plusDays(90).toString())));

        assertThat(titles(panel(api.work(analyst), "work.panel.deliverables"))).contains(due).doesNotContain(far);
        assertThat(titles(panel(api.work(otherAnalyst), "work.panel.deliverables")))
                .as("another think tank's analyst").doesNotContain(due);
        assertThat(panels(api.work(official))).doesNotContain("work.panel.deliverables");
    }

    @Test
    void auditorsSeeOpenLeakCasesAndNobodyElseHasThePanel() throws Exception {
        Person auditor = api.person(api.organization("MINISTRY"), "AUDITOR");
        String open = api.call("POST", "/api/v1/leaks/reports", auditor.token(),
                Map.of("description", "外部で見つかった資料の調査"), 201).get("id").asString();

        assertThat(paths(panel(api.work(auditor), "work.panel.leaks"))).contains("/leaks/" + open);
        for (Person other : List.of(official, researcher)) {
            assertThat(panels(api.work(other))).as("the leak panel is the auditors'")
                    .doesNotContain("work.panel.leaks");
        }
    }

    private String fund(Person programOfficer) throws Exception {
        String fund = api.call("POST", "/api/v1/funds", programOfficer.token(), Map.of("name",
                NotificationTestSupport.unique("K基金-"), "program", "K_PROGRAM"), 201).get("id").asString();
        api.call("POST", "/api/v1/funds/" + fund + "/ledger", programOfficer.token(),
                Map.of("kind", "APPROPRIATION", "amount", 1_000_000L), 201);
        return fund;
    }

    private void call(Person fundingOfficer, String fund, String title, Instant opens, Instant closes)
            throws Exception {
        api.call("POST", "/api/v1/calls", fundingOfficer.token(), Map.of("fundId", fund, "title", title,
                "type", "INDIVIDUAL_RESEARCH", "technologyIds", List.of(technology()), "opensAt", opens.toString(),
                "closesAt", closes.toString(), "budgetCap", 500_000L), 201);
    }

    private String technology() {
        return new FundingFixtures(identity, technologies).technology().value().toString();
    }

    private void commission(Person analyst, List<Map<String, String>> deliverables) throws Exception {
        String entity = api.call("POST", "/api/v1/thinktank/entities", official.token(), Map.of(
                "organizationId", analyst.organizationId(), "analysisCapability", "分析", "hubCapability", "ハブ",
                "talentCapability", "育成", "confidentialityAgreedAt", "2026-04-01T00:00:00Z"), 201)
                .get("id").asString();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
        api.call("POST", "/api/v1/thinktank/commissions", official.token(), Map.of("entityId", entity,
                "subject", "調査", "technologyIds", List.of(), "periodStart", today.minusDays(30).toString(),
                "periodEnd", today.plusDays(300).toString(), "deliverables", deliverables), 201);
    }

    private static List<String> panels(JsonNode work) {
        List<String> headings = new ArrayList<>();
        work.get("panels").forEach(p -> headings.add(p.get("heading").asString()));
        return headings;
    }

    private static JsonNode panel(JsonNode work, String heading) {
        for (JsonNode p : work.get("panels")) {
            if (p.get("heading").asString().equals(heading)) {
                return p.get("items");
            }
        }
        throw new AssertionError("no panel " + heading + " in " + work);
    }

    private static List<String> titles(JsonNode items) {
        List<String> titles = new ArrayList<>();
        items.forEach(i -> titles.add(i.get("title").isNull() ? null : i.get("title").asString()));
        return titles;
    }

    private static List<String> councilNames(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.get("councilName").isNull() ? null : i.get("councilName").asString()));
        return names;
    }

    private static List<String> paths(JsonNode items) {
        List<String> paths = new ArrayList<>();
        items.forEach(i -> paths.add(i.get("path").asString()));
        return paths;
    }
}
