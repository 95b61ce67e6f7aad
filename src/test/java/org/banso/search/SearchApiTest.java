package org.banso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
