package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.banso.identity.IdentityManagement;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix (R12, R15, R17): relation × marking × action × path, with the expected outcome written as
 * a table below. One real world is built through the council API: a council whose competent ministry, a startup (the
 * provider) and a think tank are in every designation's scope; a company that is not; a university that left; a
 * research institute whose member revoked the pledge; a think tank member who did not sign the new pledge version; a
 * participant added later that never signed. ADMIN and AUDITOR get no bypass.
 *
 * <p>Outcomes: {@code 200}; {@code 404} not-found; {@code 403P} pledge-required; {@code 403F} forbidden; {@code 401}
 * unauthenticated (API) / {@code 302} to the login page (pages). For LIST, {@code L} means the item is listed and
 * {@code A} that the listing answered without it. Pages show 403 for both 403P and 403F.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InformationAccessMatrixTest {

    static final List<String> MARKINGS = List.of("PUBLIC", "COUNCIL", "CONTROLLED_VIEW_ONLY",
            "CONTROLLED_DOWNLOAD_TRACED");

    // @formatter:off
    static final String[][] TABLE = {
        // relation              path    action      PUBLIC  COUNCIL  CTRL_VIEW  CTRL_TRACED
        {"anonymous",            "API",  "METADATA", "200",  "404",   "404",     "404"},
        {"anonymous",            "API",  "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"anonymous",            "API",  "LIST",     "401",  "401",   "401",     "401"},
        {"anonymous",            "PAGE", "METADATA", "200",  "404",   "404",     "404"},
        {"anonymous",            "PAGE", "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"anonymous",            "PAGE", "LIST",     "302",  "302",   "302",     "302"},
        {"outsider",             "API",  "METADATA", "200",  "404",   "404",     "404"},
        {"outsider",             "API",  "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"outsider",             "API",  "LIST",     "404",  "404",   "404",     "404"},
        {"outsider",             "PAGE", "METADATA", "200",  "404",   "404",     "404"},
        {"outsider",             "PAGE", "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"outsider",             "PAGE", "LIST",     "404",  "404",   "404",     "404"},
        {"admin",                "API",  "METADATA", "200",  "404",   "404",     "404"},
        {"admin",                "API",  "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"admin",                "API",  "LIST",     "404",  "404",   "404",     "404"},
        {"admin",                "PAGE", "METADATA", "200",  "404",   "404",     "404"},
        {"admin",                "PAGE", "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"admin",                "PAGE", "LIST",     "404",  "404",   "404",     "404"},
        {"auditor",              "API",  "METADATA", "200",  "404",   "404",     "404"},
        {"auditor",              "API",  "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"auditor",              "API",  "LIST",     "404",  "404",   "404",     "404"},
        {"auditor",              "PAGE", "METADATA", "200",  "404",   "404",     "404"},
        {"auditor",              "PAGE", "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"auditor",              "PAGE", "LIST",     "404",  "404",   "404",     "404"},
        {"participant-unsigned", "API",  "METADATA", "200",  "403P",  "404",     "404"},
        {"participant-unsigned", "API",  "DOWNLOAD", "200",  "403P",  "404",     "404"},
        {"participant-unsigned", "API",  "LIST",     "403P", "403P",  "403P",    "403P"},
        {"participant-unsigned", "PAGE", "METADATA", "200",  "403",   "404",     "404"},
        {"participant-unsigned", "PAGE", "DOWNLOAD", "200",  "403",   "404",     "404"},
        {"participant-unsigned", "PAGE", "LIST",     "403",  "403",   "403",     "403"},
        {"pledged-in-scope",     "API",  "METADATA", "200",  "200",   "200",     "200"},
        {"pledged-in-scope",     "API",  "DOWNLOAD", "200",  "200",   "403F",    "200"},
        {"pledged-in-scope",     "API",  "LIST",     "L",    "L",     "L",       "L"},
        {"pledged-in-scope",     "PAGE", "METADATA", "200",  "200",   "200",     "200"},
        {"pledged-in-scope",     "PAGE", "DOWNLOAD", "200",  "200",   "403",     "200"},
        {"pledged-in-scope",     "PAGE", "LIST",     "L",    "L",     "L",       "L"},
        {"pledged-out-of-scope", "API",  "METADATA", "200",  "200",   "404",     "404"},
        {"pledged-out-of-scope", "API",  "DOWNLOAD", "200",  "200",   "404",     "404"},
        {"pledged-out-of-scope", "API",  "LIST",     "L",    "L",     "A",       "A"},
        {"pledged-out-of-scope", "PAGE", "METADATA", "200",  "200",   "404",     "404"},
        {"pledged-out-of-scope", "PAGE", "DOWNLOAD", "200",  "200",   "404",     "404"},
        {"pledged-out-of-scope", "PAGE", "LIST",     "L",    "L",     "A",       "A"},
        {"left",                 "API",  "METADATA", "200",  "404",   "404",     "404"},
        {"left",                 "API",  "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"left",                 "API",  "LIST",     "404",  "404",   "404",     "404"},
        {"left",                 "PAGE", "METADATA", "200",  "404",   "404",     "404"},
        {"left",                 "PAGE", "DOWNLOAD", "200",  "404",   "404",     "404"},
        {"left",                 "PAGE", "LIST",     "404",  "404",   "404",     "404"},
        {"revoked",              "API",  "METADATA", "200",  "403P",  "404",     "404"},
        {"revoked",              "API",  "DOWNLOAD", "200",  "403P",  "404",     "404"},
        {"revoked",              "API",  "LIST",     "403P", "403P",  "403P",    "403P"},
        {"revoked",              "PAGE", "METADATA", "200",  "403",   "404",     "404"},
        {"revoked",              "PAGE", "DOWNLOAD", "200",  "403",   "404",     "404"},
        {"revoked",              "PAGE", "LIST",     "403",  "403",   "403",     "403"},
        {"new-pledge-unsigned",  "API",  "METADATA", "200",  "403P",  "403P",    "403P"},
        {"new-pledge-unsigned",  "API",  "DOWNLOAD", "200",  "403P",  "403P",    "403P"},
        {"new-pledge-unsigned",  "API",  "LIST",     "403P", "403P",  "403P",    "403P"},
        {"new-pledge-unsigned",  "PAGE", "METADATA", "200",  "403",   "403",     "403"},
        {"new-pledge-unsigned",  "PAGE", "DOWNLOAD", "200",  "403",   "403",     "403"},
        {"new-pledge-unsigned",  "PAGE", "LIST",     "403",  "403",   "403",     "403"},
    };
    // @formatter:on

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;

    InformationTestSupport api;
    String council;
    final Map<String, Person> people = new LinkedHashMap<>();
    final Map<String, String> items = new LinkedHashMap<>();

    @BeforeAll
    void world() throws Exception {
        api = new InformationTestSupport(mvc, json, identity);
        Person official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        Person startup = api.person(api.organization("STARTUP"), "RESEARCHER");
        Person company = api.person(api.organization("COMPANY"), "RESEARCHER");
        Person leaving = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        Person revoking = api.person(api.organization("RESEARCH_INSTITUTE"), "RESEARCHER");
        Person thinkTank = api.person(api.organization("THINK_TANK"), "ANALYST");
        Person unsigned = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        Person outsider = api.person(api.organization("COMPANY"), "RESEARCHER");
        Person auditor = api.person(api.organization("OTHER"), "AUDITOR");
        String adminId = api.call("GET", "/api/v1/users/me", api.admin(), null, 200).get("id").asString();
        Person admin = new Person(adminId, "admin", api.admin(), null);

        council = api.establishedCouncil(official, startup);
        String startupParticipant = api.addParticipant(council, official, startup, "STARTUP");
        api.addParticipant(council, official, company, "COMPANY");
        String leavingParticipant = api.addParticipant(council, official, leaving, "UNIVERSITY");
        api.addParticipant(council, official, revoking, "RESEARCHER");
        String thinkTankParticipant = api.addParticipant(council, official, thinkTank, "THINK_TANK");
        String ministryParticipant = api.participantOf(council, official, official);
        for (Person p : List.of(official, startup, company, leaving, revoking, thinkTank)) {
            api.sign(council, p);
        }
        String text = "管理情報の本文。この段落は追跡付きで配布される。".repeat(12);
        items.put("PUBLIC", api.upload(council, startup, "公開成果", "RESEARCH_RESULT", text));
        items.put("COUNCIL", api.upload(council, startup, "協議会内", "REPORT", text));
        items.put("CONTROLLED_VIEW_ONLY", api.upload(council, startup, "閲覧のみ", "SAMPLING_DATA", text));
        items.put("CONTROLLED_DOWNLOAD_TRACED", api.upload(council, startup, "追跡付き", "SAMPLING_DATA", text));
        api.call("POST", "/api/v1/items/" + items.get("PUBLIC") + "/publish", startup.token(), null, 200);
        Instant now = Instant.now();
        List<String> scope = List.of(ministryParticipant, startupParticipant, thinkTankParticipant);
        Person[] everyone = {official, startup, company, leaving, revoking, thinkTank};
        api.adopt(council, official, InformationTestSupport.designation(List.of(items.get("CONTROLLED_VIEW_ONLY")),
                null, scope, now.minusSeconds(60), now.plus(Duration.ofDays(30)), "VIEW_ONLY", "PUBLIC"), everyone);
        api.adopt(council, official, InformationTestSupport.designation(
                List.of(items.get("CONTROLLED_DOWNLOAD_TRACED")), null, scope, now.minusSeconds(60),
                now.plus(Duration.ofDays(30)), "DOWNLOAD_TRACED", "COUNCIL"), everyone);
        // then the relations change: a newcomer who never signs, a participant leaving, a revocation, a new pledge
        api.addParticipant(council, official, unsigned, "UNIVERSITY");
        api.call("DELETE", "/api/v1/councils/" + council + "/participants/" + leavingParticipant, leaving.token(),
                null, 200);
        api.call("DELETE", "/api/v1/councils/" + council + "/pledges/mine", revoking.token(), null, 204);
        api.call("POST", "/api/v1/councils/" + council + "/pledge-texts", official.token(),
                Map.of("textJa", "改訂した誓約書の本文。国家公務員と同等の守秘義務を負う。",
                        "textEn", "The revised pledge: a duty of confidentiality equal to a national public servant's."),
                201);
        for (Person p : List.of(official, startup, company)) {
            api.sign(council, p);
        }
        people.put("anonymous", null);
        people.put("outsider", outsider);
        people.put("admin", admin);
        people.put("auditor", auditor);
        people.put("participant-unsigned", unsigned);
        people.put("pledged-in-scope", startup);
        people.put("pledged-out-of-scope", company);
        people.put("left", leaving);
        people.put("revoked", revoking);
        people.put("new-pledge-unsigned", thinkTank);
    }

    @Test
    void r12_r15_r17_everyRelationMarkingActionAndPathGetsTheOutcomeOfTheTable() throws Exception {
        // R12, R15, R17: one policy on every path; no role bypasses it
        List<String> mismatches = new ArrayList<>();
        for (String[] row : TABLE) {
            Person person = people.get(row[0]);
            assertThat(people).as("relation %s", row[0]).containsKey(row[0]);
            for (int m = 0; m < MARKINGS.size(); m++) {
                String marking = MARKINGS.get(m);
                String expected = row[3 + m];
                String actual = outcome(person, row[1], row[2], items.get(marking));
                if (!expected.equals(actual)) {
                    mismatches.add(String.format("%s %s %s %s: expected %s, got %s", row[0], row[1], row[2],
                            marking, expected, actual));
                }
            }
        }
        assertThat(mismatches).as("cells that differ from the table").isEmpty();
    }

    @Test
    void r17_theTableCoversEveryRelationWithEveryActionOnBothPaths() {
        // R17: the matrix is complete (10 relations × 3 actions × 2 paths)
        assertThat(TABLE.length).isEqualTo(people.size() * 3 * 2);
        assertThat(people).hasSize(10);
    }

    private String outcome(Person person, String path, String action, String item) throws Exception {
        boolean apiPath = path.equals("API");
        String url = switch (action) {
            case "METADATA" -> (apiPath ? "/api/v1" : "") + "/items/" + item;
            case "DOWNLOAD" -> (apiPath ? "/api/v1" : "") + "/items/" + item + "/content";
            case "LIST" -> (apiPath ? "/api/v1" : "") + "/councils/" + council + "/items";
            default -> throw new IllegalArgumentException(action);
        };
        MvcResult result = apiPath ? api.perform("GET", url, person == null ? null : person.token(), null)
                : api.page(url, person);
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        if (status == 200 && action.equals("LIST")) {
            return body.contains(apiPath ? item : "item-" + item) ? "L" : "A";
        }
        if (status == 403 && apiPath) {
            return body.contains("/problems/pledge-required") ? "403P"
                    : body.contains("/problems/forbidden") ? "403F" : "403?";
        }
        return String.valueOf(status);
    }
}
