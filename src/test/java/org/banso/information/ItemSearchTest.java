package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.banso.identity.IdentityManagement;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items through search (R12, R15, R17): uploaded through the real API, indexed from the information module's events,
 * each relation to the council finds exactly the items it may see — hits, totals and facets — and a revoked pledge
 * counts at the very next search. (In this package for its test support; the subject is the search module.)
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class ItemSearchTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    InformationTestSupport api;
    Person official;
    Person startup;
    Person company;
    Person outsider;
    String council;
    String ministryParticipant;
    String startupParticipant;
    String marker;

    @BeforeEach
    void world() throws Exception {
        api = new InformationTestSupport(mvc, json, identity);
        InformationTestSupport.World world = api.world();
        official = world.official();
        startup = world.startup();
        company = world.company();
        outsider = world.outsider();
        council = world.council();
        startupParticipant = world.startupParticipant();
        ministryParticipant = world.ministryParticipant();
        marker = "srch" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void r15_r17_eachRelationFindsExactlyTheItemsItMaySeeWithTotalsAndFacetsToMatch() throws Exception {
        String open = api.upload(council, startup, "協議会内の資料 " + marker, "REPORT",
                "伴走支援の進め方について " + marker + " を検討した。");
        String controlled = api.upload(council, startup, "管理する資料 " + marker, "SAMPLING_DATA",
                "試料データ " + marker + " 研究開発の成果");
        Instant now = clock.instant();
        api.adopt(council, official, InformationTestSupport.designation(List.of(controlled), null,
                List.of(ministryParticipant, startupParticipant), now.minusSeconds(60), now.plus(Duration.ofDays(30)),
                "VIEW_ONLY", "PUBLIC"), official, startup, company);

        assertThat(found(startup)).containsExactlyInAnyOrder(open, controlled);
        assertThat(found(official)).containsExactlyInAnyOrder(open, controlled);
        assertThat(found(company)).as("a pledged member outside the designation's scope").containsExactly(open);
        assertThat(found(outsider)).isEmpty();
        assertThat(found(null)).isEmpty();

        JsonNode body = search(company);
        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(body.get("facets").get("kind").get("ITEM").asLong()).isEqualTo(1);
        assertThat(body.get("facets").get("category").get("REPORT").asLong()).isEqualTo(1);
        assertThat(body.get("facets").get("category").has("SAMPLING_DATA")).isFalse();
        assertThat(body.get("facets").get("council").get(council).asLong()).isEqualTo(1);
        JsonNode hit = body.get("hits").get(0);
        assertThat(hit.get("title").asString()).isEqualTo("協議会内の資料 " + marker);
        assertThat(hit.get("snippet").asString()).contains("<mark>" + marker + "</mark>");

        assertThat(body.get("facets").get("marking").get("COUNCIL").asLong()).isEqualTo(1);
        assertThat(body.get("facets").get("marking").has("CONTROLLED")).as("no count reveals the hidden item")
                .isFalse();
        JsonNode inScope = search(startup);
        assertThat(inScope.get("facets").get("marking").get("CONTROLLED").asLong()).isEqualTo(1);
        assertThat(inScope.get("facets").get("marking").get("COUNCIL").asLong()).isEqualTo(1);
        JsonNode controlledOnly = api.call("GET", "/api/v1/search?q=" + marker + "&marking=CONTROLLED",
                startup.token(), null, 200);
        assertThat(controlledOnly.get("total").asLong()).isEqualTo(1);
        assertThat(controlledOnly.get("hits").get(0).get("id").asString()).isEqualTo(controlled);
        assertThat(api.call("GET", "/api/v1/search?q=" + marker + "&marking=CONTROLLED", company.token(), null,
                200).get("total").asLong()).isZero();
        api.call("GET", "/api/v1/search?q=" + marker + "&marking=SECRET", company.token(), null, 400);

        JsonNode none = search(outsider);
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("facets").get("kind")).isEmpty();
    }

    @Test
    void r15_r16_r17_aPeriodEndsOnItsOwnInSearchAndANewDesignationCountsAtOnce() throws Exception {
        String item = api.upload(council, startup, "期間の資料 " + marker, "REPORT", "本文 " + marker);
        // periods are stored to the microsecond; a boundary test works on whole milliseconds
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant end = now.plus(Duration.ofMinutes(30));
        api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), now.minusSeconds(60), end, "VIEW_ONLY", "PUBLIC"),
                official, startup, company);
        assertThat(found(outsider)).isEmpty();
        assertThat(found(company)).as("a pledged member outside the scope").isEmpty();
        clock.set(end.minusMillis(1));
        assertThat(found(outsider)).as("one millisecond before the end").isEmpty();
        assertThat(search(outsider).get("facets").get("kind")).isEmpty();
        clock.set(end);
        assertThat(found(outsider)).as("released to the public at the end instant, no job needed").containsExactly(item);
        assertThat(found(company)).containsExactly(item);

        // a later designation of the released item hides it again from the very next search
        Instant later = clock.instant();
        official = api.refreshed(official);
        startup = api.refreshed(startup);
        company = api.refreshed(company);
        outsider = api.refreshed(outsider);
        api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), later, later.plus(Duration.ofDays(10)),
                "VIEW_ONLY", "COUNCIL"), official, startup, company);
        assertThat(found(outsider)).isEmpty();
        assertThat(search(outsider).get("facets").get("kind")).as("not even counted: the filter itself excludes it, "
                + "not only the re-check of the page's hits").isEmpty();
        assertThat(found(company)).isEmpty();
        assertThat(found(startup)).containsExactly(item);
    }

    @Test
    void r12_r17_aRevokedPledgeCountsAtTheVeryNextSearch() throws Exception {
        String item = api.upload(council, startup, "誓約の資料 " + marker, "REPORT", "守秘義務 " + marker);
        assertThat(found(company)).containsExactly(item);
        api.call("DELETE", "/api/v1/councils/" + council + "/pledges/mine", company.token(), null, 204);
        assertThat(found(company)).isEmpty();
        assertThat(search(company).get("total").asLong()).isZero();
        api.sign(council, company);
        assertThat(found(company)).containsExactly(item);
    }

    @Test
    void r17_aPublishedItemIsFoundByEveryoneIncludingAnonymousCallers() throws Exception {
        String item = api.upload(council, startup, "公開成果 " + marker, "RESEARCH_RESULT", "成果の概要 " + marker);
        assertThat(found(null)).isEmpty();
        api.call("POST", "/api/v1/items/" + item + "/publish", startup.token(), null, 200);
        assertThat(found(null)).containsExactly(item);
        assertThat(found(outsider)).containsExactly(item);
        assertThat(search(null).get("facets").get("marking").get("PUBLIC").asLong()).isEqualTo(1);
    }

    @Test
    void r17_theResultsPageShowsFacetsAndEscapedHighlightedSnippetsOnlyToThoseWhoMaySee() throws Exception {
        api.upload(council, startup, "ページの資料 <i>" + marker + "</i>", "REPORT",
                "シンクタンクの報告 <script>x</script> " + marker);
        for (String lang : List.of("ja", "en")) {
            String page = api.page("/search?lang=" + lang + "&q=" + marker, company).getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("<mark>" + marker + "</mark>").contains("&lt;script&gt;")
                    .doesNotContain("<script>x").contains("&lt;i&gt;").contains("search-facets")
                    .contains(lang.equals("ja") ? "種類" : "Kind");
        }
        String councilName = api.call("GET", "/api/v1/councils/" + council, company.token(), null, 200).get("name")
                .asString();
        assertThat(api.page("/search?q=" + marker, company).getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(councilName);
        String outsiders = api.page("/search?q=" + marker, outsider).getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(outsiders).doesNotContain("ページの資料").doesNotContain("<mark>");
    }

    @Test
    void r17_facetsNarrowTheResultsWithinWhatTheCallerMaySeeAndTheHitsLinkToTheirPages() throws Exception {
        String report = api.upload(council, startup, "報告 " + marker, "REPORT", "伴走支援 " + marker);
        String sample = api.upload(council, startup, "試料 " + marker, "SAMPLING_DATA", "試料 " + marker);
        String path = "/api/v1/search?q=" + marker;
        JsonNode byCategory = api.call("GET", path + "&category=SAMPLING_DATA", company.token(), null, 200);
        assertThat(byCategory.get("total").asLong()).isEqualTo(1);
        assertThat(byCategory.get("hits").get(0).get("id").asString()).isEqualTo(sample);
        assertThat(byCategory.get("hits").get(0).get("councilId").asString()).isEqualTo(council);
        assertThat(api.call("GET", path + "&kind=ITEM&council=" + council, company.token(), null, 200)
                .get("total").asLong()).isEqualTo(2);
        assertThat(api.call("GET", path + "&kind=PROPOSAL", company.token(), null, 200).get("total").asLong())
                .isZero();
        assertThat(api.call("GET", path + "&council=" + council, outsider.token(), null, 200).get("total")
                .asLong()).as("naming a council one may not see finds nothing").isZero();
        api.call("GET", path + "&kind=SECRET", company.token(), null, 400);
        api.call("GET", path + "&council=not-a-council", company.token(), null, 400);
        api.call("GET", path + "&category=" + "x".repeat(61), company.token(), null, 400);

        String page = api.page("/search?q=" + marker + "&category=REPORT", company).getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/items/" + report + "\"").doesNotContain("/items/" + sample)
                .contains("報告書").contains("絞り込みを解除");
        String english = api.page("/search?lang=en&q=" + marker, company).getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(english).contains("Sampling data").contains("category=SAMPLING_DATA");
    }

    @Test
    void r12_r17_proposalsAndMeetingsAreFoundOnlyByPledgedMembersOfTheirCouncil() throws Exception {
        String proposal = api.call("POST", "/api/v1/councils/" + council + "/proposals", official.token(),
                java.util.Map.of("matter", "PROMOTION", "title", "進め方の提案 " + marker, "body",
                        "研究開発の進め方 " + marker), 201).get("id").asString();
        java.util.Map<String, Object> meeting = new java.util.LinkedHashMap<>();
        meeting.put("title", "第1回 " + marker);
        meeting.put("startsAt", "2026-12-01T01:00:00Z");
        meeting.put("endsAt", "2026-12-01T03:00:00Z");
        meeting.put("place", "中央合同庁舎");
        meeting.put("agenda", List.of(java.util.Map.of("matter", "PROMOTION", "title", "進め方")));
        String meetingId = api.call("POST", "/api/v1/councils/" + council + "/meetings", official.token(), meeting,
                201).get("id").asString();

        JsonNode member = search(company);
        assertThat(member.get("total").asLong()).isEqualTo(2);
        assertThat(member.get("facets").get("kind").get("PROPOSAL").asLong()).isEqualTo(1);
        assertThat(member.get("facets").get("kind").get("MEETING").asLong()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        member.get("hits").forEach(h -> ids.add(h.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder(proposal, meetingId);
        assertThat(search(outsider).get("total").asLong()).isZero();
        assertThat(search(null).get("total").asLong()).isZero();
        api.call("DELETE", "/api/v1/councils/" + council + "/pledges/mine", company.token(), null, 204);
        assertThat(search(company).get("total").asLong()).as("pledge revoked: at once").isZero();
    }

    @Test
    void aContentThatFailsAuthenticationIsIndexedByItsTitleAndDoesNotStopAReindex() throws Exception {
        String word = "tamper" + marker;
        String item = api.upload(council, startup, "改ざん検知 " + marker, "REPORT", "本文だけの語 " + word);
        String good = api.upload(council, startup, "正常な資料 " + marker, "REPORT", "本文 " + word);
        // flip one byte of the wrapped data key: the content no longer authenticates
        String flip = """
                update information_content set wrapped_key = set_byte(wrapped_key, 20, get_byte(wrapped_key, 20) # 1)
                where id = (select content_id from information_item_version where item_id = ?::uuid)""";
        jdbc.sql(flip).param(item).update();
        try {
            JsonNode rebuilt = api.call("POST", "/api/v1/search/reindex", api.admin(), null, 200);
            assertThat(rebuilt.get("indexed").asInt()).isPositive();
            assertThat(ids(api.call("GET", "/api/v1/search?q=" + word, startup.token(), null, 200)))
                    .as("the tampered item's text is not indexed; the other item's is").containsExactly(good);
            assertThat(ids(api.call("GET", "/api/v1/search?q=" + marker + "&category=REPORT", startup.token(), null,
                    200))).as("found by its title").contains(item, good);
        } finally {
            // flipped back: the database is shared by the suite, and a key rotation re-wraps every data key in it
            jdbc.sql(flip).param(item).update();
        }
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new java.util.ArrayList<>();
        body.get("hits").forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }

    @Test
    void r17_theTextOfAControlledItemIsNeverInTheClearInTheIndexDirectory() throws Exception {
        String secret = "極秘" + marker + "試料";
        String item = api.upload(council, startup, "管理資料 " + marker, "SAMPLING_DATA", "本文 " + secret);
        Instant now = clock.instant();
        api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), now.minusSeconds(60), now.plus(Duration.ofDays(30)),
                "VIEW_ONLY", "PUBLIC"), official, startup, company);
        assertThat(found(startup)).containsExactly(item);
        List<java.nio.file.Path> files;
        // every test index of this JVM (application-test.properties: target/test-index/<random uuid> per context)
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("target", "test-index"))) {
            files = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (java.nio.file.Path file : files) {
            String asLatin1 = new String(java.nio.file.Files.readAllBytes(file),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            for (java.nio.charset.Charset cs : List.of(java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE)) {
                for (String needle : List.of(marker, "極秘", "管理資料")) {
                    String encoded = new String(needle.getBytes(cs), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(asLatin1.contains(encoded)).as(file + " holds " + needle + " in " + cs).isFalse();
                }
            }
        }
    }

    private List<String> found(Person person) throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode body = search(person);
        for (JsonNode hit : body.get("hits")) {
            assertThat(hit.get("kind").asString()).isEqualTo("ITEM");
            ids.add(hit.get("id").asString());
        }
        assertThat(body.get("total").asLong()).as("total equals the visible hits").isEqualTo(ids.size());
        return ids;
    }

    private JsonNode search(Person person) throws Exception {
        return api.call("GET", "/api/v1/search?q=" + marker, person == null ? null : person.token(), null, 200);
    }
}
