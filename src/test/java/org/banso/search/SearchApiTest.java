package org.banso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search through the API (R17): totals, hits and facets count only what the caller may see, indexing follows the
 * modules' events, snippets are escaped, the re-index is for administrators.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class SearchApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ApiAccounts accounts;
    String admin;

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        admin = accounts.adminToken();
    }

    @Test
    void aCouncilIsFoundOnlyByThoseTheCouncilModuleShowsItTo() throws Exception { // R17
        String marker = marker();
        String ministry = organization("MINISTRY");
        String official = person(ministry, "MINISTRY_OFFICIAL");
        String outsider = person(organization("MINISTRY"), "MINISTRY_OFFICIAL");
        String[] consenter = personWithId(organization("UNIVERSITY"), "RESEARCHER");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "量子協議会 " + marker);
        body.put("competentMinistryId", ministry);
        body.put("projectIds", List.of());
        body.put("requiredConsenterIds", List.of(consenter[0]));
        String council = call("POST", "/api/v1/councils", official, body, 201).get("id").asString();

        JsonNode found = search(marker, official);
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("hits").get(0).get("kind").asString()).isEqualTo("COUNCIL");
        assertThat(found.get("hits").get(0).get("id").asString()).isEqualTo(council);
        assertThat(found.get("hits").get(0).get("title").asString()).isEqualTo("量子協議会 " + marker);
        assertThat(found.get("facets").get("kind").get("COUNCIL").asLong()).isEqualTo(1);
        assertThat(search(marker, consenter[1]).get("total").asLong()).as("a required consenter sees it").isEqualTo(1);

        for (String other : new String[] {outsider, null}) {
            JsonNode none = search(marker, other);
            assertThat(none.get("total").asLong()).as("total counts only what the caller may see").isZero();
            assertThat(none.get("hits")).isEmpty();
            assertThat(none.get("facets").get("kind")).isEmpty();
        }
    }

    @Test
    void aCandidateTechnologyIsFoundBySignedInPeopleAndTheEscapedSnippetMarksTheMatch() throws Exception { // R17
        String marker = marker();
        String officer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        String code = ApiAccounts.unique("SR").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        Map<String, Object> technology = Map.of("code", code, "nameJa", "量子慣性センサ", "nameEn",
                "Quantum inertial sensor", "domain", "A03",
                "description", "GPSが使えない環境での測位 <script>alert(1)</script> " + marker);
        call("POST", "/api/v1/technologies", officer, technology, 201);

        JsonNode signedIn = search(marker, accounts.tokenFor("rs", "RESEARCHER"));
        assertThat(signedIn.get("total").asLong()).isEqualTo(1);
        String snippet = signedIn.get("hits").get(0).get("snippet").asString();
        assertThat(snippet).contains("&lt;script&gt;").doesNotContain("<script>").contains("<mark>" + marker + "</mark>");

        assertThat(search(marker, null).get("total").asLong()).as("a candidate is not public").isZero();
    }

    @Test
    void theTechnologyAreasAndVisionTechnologiesArePublicAndFoundInJapaneseEnglishAndByAbbreviation()
            throws Exception { // issue #17
        JsonNode intelligence = search("人工知能", null);
        assertThat(ids(intelligence, "TECHNOLOGY_AREA")).contains("A03");
        assertThat(titles(intelligence, "VISION_TECHNOLOGY")).as("AI stands for 人工知能")
                .anyMatch(t -> t.startsWith("AIセキュリティに係る知識・技術体系"));
        JsonNode ai = search("AI", null);
        assertThat(ids(ai, "TECHNOLOGY_AREA")).as("人工知能・機械学習技術 by its abbreviation").contains("A03");
        assertThat(titles(ai, "VISION_TECHNOLOGY")).anyMatch(t -> t.startsWith("AIセキュリティに係る知識・技術体系"));
        assertThat(ids(search("artificial intelligence", null), "TECHNOLOGY_AREA")).contains("A03");
        JsonNode semiconductors = search("半導体", null);
        assertThat(ids(semiconductors, "TECHNOLOGY_AREA")).contains("A05");
        assertThat(semiconductors.get("facets").get("kind").get("TECHNOLOGY_AREA").asLong()).isPositive();
        assertThat(ids(search("semiconductor", null), "TECHNOLOGY_AREA")).contains("A05");

        String ja = mvc.perform(get("/search").param("q", "半導体").param("lang", "ja")).andReturn().getResponse()
                .getContentAsString();
        assertThat(ja).contains(">技術領域</span>").contains("href=\"/technologies/areas#area-A05\"")
                .contains("マイクロプロセッサ・半導体技術");
        String en = mvc.perform(get("/search").param("q", "AI").param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(en).contains(">Technology area</span>").contains(">K Program vision technology</span>")
                .contains("href=\"/technologies/areas#area-A03\"").contains("href=\"/technologies/areas#vision-");
        // the anchors the hits link to
        String areas = mvc.perform(get("/technologies/areas")).andReturn().getResponse().getContentAsString();
        assertThat(areas).contains("id=\"area-A05\"").contains("id=\"vision-");
    }

    @Test
    void aCorrectedTechnologyAreaIsFoundByItsNewNameAndWrittenToTheOtherNodesFeed() throws Exception { // issue #17
        String marker = marker();
        String officer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        String before = search("Advanced energy and energy storage", null).get("hits").get(0).get("title").asString();
        assertThat(before).isEqualTo("先端エネルギー・蓄エネルギー技術 / Advanced energy and energy storage");
        long rows = feedRows();
        try {
            mvc.perform(put("/api/v1/technology-areas/A12").header("Authorization", ApiAccounts.bearer(officer))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"nameEn\":\"Advanced energy and energy storage " + marker + "\"}"));
            JsonNode found = search(marker, null);
            assertThat(found.get("total").asLong()).isEqualTo(1);
            assertThat(found.get("hits").get(0).get("id").asString()).isEqualTo("A12");
            assertThat(feedRows()).as("a row for the other nodes' indexes").isEqualTo(rows + 1);
        } finally {
            mvc.perform(put("/api/v1/technology-areas/A12").header("Authorization", ApiAccounts.bearer(officer))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"nameEn\":\"Advanced energy and energy storage\"}"));
        }
        assertThat(search(marker, null).get("total").asLong()).as("the old name is gone from the index").isZero();
    }

    private long feedRows() {
        return jdbc.sql("select count(*) from search_change where kind = 'TECHNOLOGY_AREA'").query(Long.class)
                .single();
    }

    @Test
    void theResultCountSaysResultOrResultsInEnglishAndKenInJapanese() throws Exception { // issue #17
        String marker = marker();
        String officer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        String researcher = accounts.createUser("rs-", "RESEARCHER");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                        .param("username", researcher).param("password", ApiAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
        registerTechnology(officer, marker, "一つ目");
        assertThat(resultLine(session, marker, "en")).isEqualTo("1 result for \"" + marker + "\"");
        assertThat(resultLine(session, marker, "ja")).isEqualTo("1件（「" + marker + "」）");
        registerTechnology(officer, marker, "二つ目");
        assertThat(resultLine(session, marker, "en")).isEqualTo("2 results for \"" + marker + "\"");
        assertThat(resultLine(session, marker, "ja")).isEqualTo("2件（「" + marker + "」）");
        assertThat(resultLine(session, marker + "x", "en")).isEqualTo("No results for \"" + marker + "x\"");
    }

    private void registerTechnology(String officer, String marker, String name) throws Exception {
        String code = ApiAccounts.unique("PL").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        call("POST", "/api/v1/technologies", officer, Map.of("code", code, "nameJa", name, "nameEn", "Number " + name,
                "domain", "A05", "description", "複数形の確認 " + marker), 201);
    }

    /** The page's status line (the number of results), as a person reads it. */
    private String resultLine(MockHttpSession session, String q, String lang) throws Exception {
        String page = mvc.perform(get("/search").param("q", q).param("lang", lang).session(session)).andReturn()
                .getResponse().getContentAsString();
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("<p role=\"status\">([^<]*)</p>")
                .matcher(page);
        assertThat(status.find()).as(page).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(status.group(1));
    }

    private static List<String> ids(JsonNode result, String kind) {
        List<String> ids = new java.util.ArrayList<>();
        result.get("hits").forEach(h -> {
            if (h.get("kind").asString().equals(kind)) {
                ids.add(h.get("id").asString());
            }
        });
        return ids;
    }

    private static List<String> titles(JsonNode result, String kind) {
        List<String> titles = new java.util.ArrayList<>();
        result.get("hits").forEach(h -> {
            if (h.get("kind").asString().equals(kind)) {
                titles.add(h.get("title").asString());
            }
        });
        return titles;
    }

    @Test
    void onlyAnAdministratorRebuildsTheIndexAndTheRebuiltIndexStillFindsEverything() throws Exception { // R17
        String marker = marker();
        String ministry = organization("MINISTRY");
        String official = person(ministry, "MINISTRY_OFFICIAL");
        String consenter = personWithId(organization("UNIVERSITY"), "RESEARCHER")[0];
        call("POST", "/api/v1/councils", official, Map.of("name", "再索引協議会 " + marker, "competentMinistryId",
                ministry, "projectIds", List.of(), "requiredConsenterIds", List.of(consenter)), 201);

        JsonNode refused = call("POST", "/api/v1/search/reindex", official, null, 403);
        assertThat(refused.get("type").asString()).isEqualTo("/problems/forbidden");
        JsonNode done = call("POST", "/api/v1/search/reindex", admin, null, 200);
        assertThat(done.get("indexed").asInt()).isPositive();
        assertThat(search(marker, official).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void deepPagesAreAClearBadRequestNeverAnAllocation() throws Exception { // issue #13
        // page=20000000 once collected 400 million hits (OutOfMemoryError after 149 s); 2147483647 overflowed
        for (String page : new String[]{"2147483647", "20000000", String.valueOf(Search.MAX_PAGE + 1)}) {
            MvcResult result = mvc.perform(get("/api/v1/search").param("q", "a").param("page", page)).andReturn();
            assertThat(result.getResponse().getStatus()).as("page %s", page).isEqualTo(400);
            JsonNode problem = json.readTree(result.getResponse().getContentAsString());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/validation-failed");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("page");
        }
        MvcResult deepest = mvc.perform(get("/api/v1/search").param("q", "a")
                .param("page", String.valueOf(Search.MAX_PAGE))).andReturn();
        assertThat(deepest.getResponse().getStatus()).isEqualTo(200);
        MvcResult longQuery = mvc.perform(get("/api/v1/search").param("q", "量".repeat(Search.MAX_QUERY_LENGTH + 1)))
                .andReturn();
        assertThat(longQuery.getResponse().getStatus()).isEqualTo(400);
        String page = mvc.perform(get("/search").param("q", "a").param("page", "20000000")).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).as("the page explains instead of failing").contains("id=\"site-search-q\"");
    }

    @Test
    void aPageBelowOneIsInvalidAndAnEmptyQueryFindsNothing() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/search").param("q", "量子").param("page", "0")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(result.getResponse().getContentAsString()).get("type").asString())
                .isEqualTo("/problems/validation-failed");
        assertThat(search("  ", null).get("total").asLong()).isZero();
    }

    @Test
    void theSearchPageEscapesTheQueryAndShowsTheHeaderSearchBox() throws Exception {
        String page = mvc.perform(get("/search").param("q", "<b>量子</b>")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"site-search-q\"").contains("&lt;b&gt;量子&lt;/b&gt;").doesNotContain("<b>量子");
    }

    private JsonNode search(String q, String token) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/search").param("q", q);
        if (token != null) {
            request.header("Authorization", ApiAccounts.bearer(token));
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static String marker() {
        return "srch" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private String organization(String kind) throws Exception {
        String name = ApiAccounts.unique("org-" + kind + "-");
        return call("POST", "/api/v1/organizations", admin, Map.of("name", name, "nameEn", name, "kind", kind), 201)
                .get("id").asString();
    }

    private String person(String organizationId, String role) throws Exception {
        return personWithId(organizationId, role)[1];
    }

    /** {id, token} */
    private String[] personWithId(String organizationId, String role) throws Exception {
        String username = ApiAccounts.unique(role.substring(0, 3).toLowerCase(Locale.ROOT) + "-");
        String id = call("POST", "/api/v1/users", admin, Map.of("username", username, "displayName", "試験 " + username,
                "email", username + "@example.jp", "organizationId", organizationId, "roles", List.of(role),
                "password", ApiAccounts.PASSWORD), 201).get("id").asString();
        return new String[] {id, accounts.token(username, ApiAccounts.PASSWORD)};
    }

    private JsonNode call(String method, String path, String token, Object body, int status) throws Exception {
        MockHttpServletRequestBuilder request = method.equals("GET") ? get(path) : post(path);
        if (token != null) {
            request.header("Authorization", ApiAccounts.bearer(token));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MvcResult result = mvc.perform(request).andReturn();
        String content = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as("%s %s → %s", method, path, content).isEqualTo(status);
        return content.isEmpty() ? null : json.readTree(content);
    }
}
