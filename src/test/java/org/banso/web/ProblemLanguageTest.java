package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: the API's problem details (RFC 9457) in the language the client asks for with {@code Accept-Language},
 * worded from the same message bundles as the pages; English, the API's language, without the header. The type stays
 * the stable key in every language.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class ProblemLanguageTest {

    private static final String JAPANESE = "[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    ApiAccounts accounts;
    String admin;

    @BeforeEach
    void tokens() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        admin = accounts.adminToken();
    }

    @Test
    void aValidationProblemAndItsFieldErrorsAreInJapaneseOrEnglishAsAsked() throws Exception {
        String body = json.writeValueAsString(Map.of("name", ApiAccounts.unique("言語の省"), "nameEn", "Ministry",
                "kind", "MINISTRY", "corporateNumber", "6000012050002"));
        JsonNode ja = problem(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content(body)
                .header(HttpHeaders.AUTHORIZATION, ApiAccounts.bearer(admin)), "ja,en;q=0.5", 400);
        assertThat(ja.get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(ja.get("title").asString()).isEqualTo("入力内容を確認してください。");
        assertThat(ja.get("detail").asString()).containsPattern(JAPANESE);
        assertThat(ja.get("errors").get(0).get("field").asString()).isEqualTo("corporateNumber");
        assertThat(ja.get("errors").get(0).get("code").asString()).isEqualTo("corporate-number");
        assertThat(ja.get("errors").get(0).get("message").asString()).contains("チェックディジット");

        JsonNode en = problem(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content(body)
                .header(HttpHeaders.AUTHORIZATION, ApiAccounts.bearer(admin)), "en-GB", 400);
        assertThat(en.get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(en.get("title").asString()).isEqualTo("Validation failed");
        assertThat(en.get("errors").get(0).get("message").asString())
                .isEqualTo("A corporate number has 13 digits, the first being a valid check digit.");
        assertThat(en.toString()).doesNotContainPattern(JAPANESE);
    }

    @Test
    void aMissingFieldsMessageIsInJapaneseOrEnglishAsAskedAndItsCodeStays() throws Exception {
        String officer = accounts.tokenFor("lmf", "PROGRAM_OFFICER");
        String body = json.writeValueAsString(Map.of("code", "LM-1", "nameJa", " ", "nameEn", "Language",
                "domain", "A01"));
        JsonNode ja = problem(post("/api/v1/technologies").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(officer)).contentType(MediaType.APPLICATION_JSON).content(body), "ja", 400);
        JsonNode en = problem(post("/api/v1/technologies").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(officer)).contentType(MediaType.APPLICATION_JSON).content(body), "en", 400);
        JsonNode none = problem(post("/api/v1/technologies").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(officer)).contentType(MediaType.APPLICATION_JSON).content(body), null, 400);
        assertThat(fieldError(ja, "nameJa").get("message").asString()).isEqualTo("入力してください。");
        assertThat(fieldError(en, "nameJa").get("message").asString()).isEqualTo("Enter a value.");
        assertThat(fieldError(none, "nameJa").get("message").asString()).isEqualTo("Enter a value.");
        for (JsonNode problem : List.of(ja, en, none)) {
            assertThat(problem.get("type").asString()).isEqualTo("/problems/validation-failed");
            assertThat(fieldError(problem, "nameJa").get("code").asString()).isEqualTo("required");
        }
    }

    @Test
    void aJsonValueThatDoesNotConvertIsExplainedInJapaneseOrEnglishAsAsked() throws Exception {
        String officer = accounts.tokenFor("lwt", "PROGRAM_OFFICER");
        String body = "{\"code\": \"LW-1\", \"nameJa\": [\"配列\"], \"nameEn\": \"Language\", \"domain\": \"A01\"}";
        JsonNode ja = problem(post("/api/v1/technologies").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(officer)).contentType(MediaType.APPLICATION_JSON).content(body), "ja", 400);
        JsonNode en = problem(post("/api/v1/technologies").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(officer)).contentType(MediaType.APPLICATION_JSON).content(body), "en-US", 400);
        assertThat(fieldError(ja, "nameJa").get("code").asString()).isEqualTo("wrong-type");
        assertThat(fieldError(ja, "nameJa").get("message").asString())
                .isEqualTo("値の種類（文字列・数値・真偽値）または形式が正しくありません。");
        assertThat(fieldError(en, "nameJa").get("code").asString()).isEqualTo("wrong-type");
        assertThat(fieldError(en, "nameJa").get("message").asString())
                .isEqualTo("The value has the wrong type (text, number, true/false) or format.");
        assertThat(en.toString()).doesNotContainPattern(JAPANESE);
    }

    @Test
    void aPathValueThatDoesNotConvertIsExplainedInJapaneseOrEnglishAsAsked() throws Exception {
        JsonNode ja = problem(get("/api/v1/technologies/not-an-id")
                .header(HttpHeaders.AUTHORIZATION, ApiAccounts.bearer(admin)), "ja", 400);
        JsonNode en = problem(get("/api/v1/technologies/not-an-id")
                .header(HttpHeaders.AUTHORIZATION, ApiAccounts.bearer(admin)), "en", 400);
        assertThat(fieldError(ja, "id").get("message").asString()).isEqualTo("形式が正しくありません。");
        assertThat(fieldError(en, "id").get("message").asString()).isEqualTo("The value is not in the expected format.");
        assertThat(ja.get("type").asString()).isEqualTo(en.get("type").asString())
                .isEqualTo("/problems/validation-failed");
    }

    @Test
    void withoutAcceptLanguageTheProblemIsInEnglish() throws Exception {
        JsonNode none = problem(get("/api/v1/technologies/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, ApiAccounts.bearer(admin)), null, 404);
        assertThat(none.get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(none.get("title").asString()).isEqualTo("Not found");
        assertThat(none.toString()).doesNotContainPattern(JAPANESE);
    }

    @Test
    void notFoundAndConflictReadInJapaneseWhenAsked() throws Exception {
        JsonNode missing = problem(get("/api/v1/technologies/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, ApiAccounts.bearer(admin)), "ja", 404);
        assertThat(missing.get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(missing.get("title").asString()).containsPattern(JAPANESE);
        assertThat(missing.get("detail").asString()).containsPattern(JAPANESE);

        String officer = accounts.tokenFor("lang", "PROGRAM_OFFICER");
        String code = "LG-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        MvcResult created = mvc.perform(post("/api/v1/technologies").header(HttpHeaders.AUTHORIZATION,
                        ApiAccounts.bearer(officer)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("code", code, "nameJa", "言語の技術", "nameEn",
                        "Language technology", "domain", "A01")))).andReturn();
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        String id = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
        problem(post("/api/v1/technologies/" + id + "/retire").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(officer)), null, 200);
        JsonNode again = problem(post("/api/v1/technologies/" + id + "/retire").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(officer)), "ja-JP", 409);
        assertThat(again.get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(again.get("title").asString()).isEqualTo("現在の状態ではこの操作はできません。");
        assertThat(again.get("detail").asString()).isEqualTo("現在の状態ではこの操作はできません。");
        JsonNode english = problem(post("/api/v1/technologies/" + id + "/retire").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(officer)), "en", 409);
        assertThat(english.get("title").asString()).isEqualTo("Conflict");
        assertThat(english.get("detail").asString()).isEqualTo("The technology is already retired.");
    }

    @Test
    void aThrottledSignInIsExplainedInTheLanguageAsked() throws Exception {
        String username = accounts.createUser("thr", "RESEARCHER");
        String body = json.writeValueAsString(Map.of("username", username, "password", "wrong-password-1"));
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body)
                    .with(request -> {
                        request.setRemoteAddr("203.0.113.77");
                        return request;
                    })).andReturn().getResponse().getStatus();
        }
        assertThat(status).as("the sign-in is throttled within 40 attempts").isEqualTo(429);
        JsonNode ja = problem(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(request -> {
                    request.setRemoteAddr("203.0.113.77");
                    return request;
                }), "ja", 429);
        assertThat(ja.get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(ja.get("title").asString()).isEqualTo("操作が多すぎます。しばらくしてからお試しください。");
        assertThat(ja.get("detail").asString()).isEqualTo("操作が多すぎます。しばらくしてからお試しください。");
        assertThat(ja.get("retryAfterSeconds").asLong()).isPositive();
        JsonNode en = problem(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(request -> {
                    request.setRemoteAddr("203.0.113.77");
                    return request;
                }), "en", 429);
        assertThat(en.get("title").asString()).isEqualTo("Rate limited");
        assertThat(en.toString()).doesNotContainPattern(JAPANESE);
    }
    @Test
    void theProblemsThatSecurityFiltersWriteBeforeAnyControllerAreInTheLanguageAskedToo() throws Exception {
        // 401 from the API's entry point
        JsonNode ja = problem(get("/api/v1/users/me"), "ja", 401);
        assertThat(ja.get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(ja.get("title").asString()).isEqualTo("サインインしてください。");
        assertThat(ja.get("detail").asString()).isEqualTo("サインインしてください。");
        JsonNode en = problem(get("/api/v1/users/me"), null, 401);
        assertThat(en.get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(en.toString()).doesNotContainPattern(JAPANESE).contains("bearer token");
        // 403 from the API's access rules (the actuator is for administrators)
        String researcher = accounts.tokenFor("pl", "RESEARCHER");
        JsonNode denied = problem(get("/actuator/metrics").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(researcher)), "ja-JP,ja;q=0.9", 403);
        assertThat(denied.get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(denied.get("title").asString()).isEqualTo("この操作を行う権限がありません。");
        assertThat(problem(get("/actuator/metrics").header(HttpHeaders.AUTHORIZATION,
                ApiAccounts.bearer(researcher)), "en", 403).toString()).doesNotContainPattern(JAPANESE);
    }

    /** The problem's error on the field, which must be there. */
    private static JsonNode fieldError(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (field.equals(error.get("field").asString())) {
                return error;
            }
        }
        throw new AssertionError("no error on " + field + " in " + problem);
    }

    private JsonNode problem(MockHttpServletRequestBuilder request, String acceptLanguage, int status)
            throws Exception {
        if (acceptLanguage != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        return status >= 400 ? json.readTree(body) : null;
    }
}
