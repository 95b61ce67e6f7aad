package org.banso.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.HttpProbe;
import org.banso.support.HttpProbe.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input against the running server (real Tomcat, loopback): every malformed request gets a 4xx RFC 9457
 * problem and changes nothing. Complements {@code ApiFuzzTest}, which generates its requests from the OpenAPI
 * description; here each kind of fault is named once.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String admin;

    @BeforeEach
    void connect() throws Exception {
        http = new HttpProbe(port);
        admin = http.token("admin", ApiAccounts.ADMIN_PASSWORD);
    }

    @Test
    void nulAndInvalidUtf8InTheQueryAreRefusedAtTheEdge() throws Exception {
        for (String query : new String[] {"q=%00", "q=a%00b", "q=%FF", "q=%C3%28", "q=%ED%A0%80", "q=%E3%81", "q=%",
                "q=%zz", "q=%0B"}) {
            Answer answer = http.raw(("GET /api/v1/search?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + admin + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
            assertThat(answer.status()).as(query + ": " + answer.text()).isEqualTo(400);
            assertThat(answer.isProblem("/problems/validation-failed")).as(query).isTrue();
        }
        // anonymous too, before any sign-in check
        assertThat(http.get("/api/v1/users/me?x=%00", null).status()).isEqualTo(400);
        // a plain query still works
        assertThat(http.get("/api/v1/search?q=%E9%87%8F%E5%AD%90", admin).status()).isEqualTo(200);
    }

    @Test
    void theEdgesRefusalIsInTheLanguageAskedOnTheApiAndAPageInThePagesLanguage() throws Exception { // #17
        Answer ja = http.raw(("GET /api/v1/search?q=%FF HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: ja\r\n"
                + "Connection: close\r\n\r\n").getBytes(UTF_8));
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.isProblem("/problems/validation-failed")).isTrue();
        assertThat(ja.json().get("title").asString()).isEqualTo("入力内容を確認してください。");
        Answer en = http.raw(("GET /api/v1/search?q=%FF HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(UTF_8));
        assertThat(en.json().get("title").asString()).isEqualTo("Validation failed");
        // a person's browser gets the error page, in the language the page was shown in
        for (String lang : new String[] {"ja", "en"}) {
            Answer page = http.raw(("GET /search?q=%FF HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Cookie: banso-lang=" + lang + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.text()).contains(" lang=\"" + lang + "\"");
            assertThat(page.text()).contains("ja".equals(lang) ? "リクエストを処理できません"
                    : "The request could not be processed");
        }
    }

    @Test
    void nulInJsonTextOrKeysAndInvalidUtf8BodiesAreRefusedAndWriteNothing() throws Exception {
        long before = organizations();
        String[] bodies = {
                "{\"name\":\"a\\u0000b\",\"nameEn\":\"x\",\"kind\":\"OTHER\"}",
                "{\"na\\u0000me\":\"a\",\"nameEn\":\"x\",\"kind\":\"OTHER\"}",
                "{\"name\":\"\\ud800\",\"nameEn\":\"x\",\"kind\":\"OTHER\"}",
                "{\"name\":\"a\",\"name\":\"b\",\"nameEn\":\"x\",\"kind\":\"OTHER\"}",
                "{\"name\":\"a\",\"nameEn\":\"x\",\"kind\":\"OTHER\"} {}",
        };
        for (String body : bodies) {
            Answer answer = http.postJson("/api/v1/organizations", admin, body);
            assertThat(answer.status()).as(body + " → " + answer.text()).isEqualTo(400);
            assertThat(answer.isProblem("/problems/validation-failed")).as(body).isTrue();
        }
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes("{\"name\":\"".getBytes(UTF_8));
        invalid.write(0xC3);
        invalid.write(0x28);
        invalid.writeBytes("\",\"nameEn\":\"x\",\"kind\":\"OTHER\"}".getBytes(UTF_8));
        Answer answer = http.send("POST", "/api/v1/organizations", admin, "application/json", invalid.toByteArray());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem("/problems/validation-failed")).isTrue();
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void nulInAMultipartFileNameIsRefusedEvenForCallersWithoutRights() throws Exception {
        String boundary = "b" + UUID.randomUUID();
        byte[] body = HttpProbe.multipartFile(boundary, "file".getBytes(UTF_8), "a\0b.pdf".getBytes(UTF_8),
                "%PDF-1.4".getBytes(UTF_8));
        for (String token : new String[] {null, admin}) {
            Answer answer = http.send("POST", "/api/v1/councils/" + UUID.randomUUID() + "/items", token,
                    "multipart/form-data; boundary=" + boundary, body);
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem("/problems/validation-failed")).isTrue();
        }
        byte[] invalidName = HttpProbe.multipartFile(boundary, "file".getBytes(UTF_8), new byte[] {'a', (byte) 0xFF},
                "x".getBytes(UTF_8));
        Answer answer = http.send("POST", "/api/v1/leaks/trace", admin, "multipart/form-data; boundary=" + boundary,
                invalidName);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    }

    @Test
    void nulInAHeaderIsRefused() throws Exception {
        Answer answer = http.raw(("GET /api/v1/technology-areas HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: a\0b\r\n"
                + "Connection: close\r\n\r\n").getBytes(UTF_8));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void oddEncodedPathsAnswerProblems() throws Exception {
        for (String path : new String[] {"/api/v1/%2e%2e/users", "/api/v1/technologies/%ZZ", "/api/%2F/x",
                "/api/v1/a%5Cb", "/api/v1/users/me;x=1", "/api/v1/%00", "/api/v1//users", "/api/v1/%25",
                "/api/v1/technologies/%C0%AF"}) {
            Answer answer = http.raw(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(UTF_8));
            assertThat(answer.status()).as(path + " → " + answer.text()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(path + " → " + answer.text())
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void aBrokenRequestLineGetsAProblemFromTomcatItself() throws Exception {
        for (String line : new String[] {"GET /api/v1/x y HTTP/1.1", "GET /api/v1/\u0001 HTTP/1.1",
                "GET /api/v1/{} HTTP/1.1"}) {
            Answer answer = http.raw((line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(UTF_8));
            assertThat(answer.status()).as(line + " → " + answer.text()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(line + " → " + answer.text())
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void aJsonBodyOverTheLimitIs413() throws Exception {
        String huge = "{\"name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        Answer answer = http.postJson("/api/v1/organizations", admin, huge);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isProblem("/problems/payload-too-large")).isTrue();
    }

    @Test
    void wrongJsonTypesAreRefusedInsteadOfCoerced() throws Exception {
        long before = organizations();
        for (String body : new String[] {"{\"name\":1,\"nameEn\":\"x\",\"kind\":\"OTHER\"}",
                "{\"name\":true,\"nameEn\":\"x\",\"kind\":\"OTHER\"}",
                "{\"name\":\"x\",\"nameEn\":\"x\",\"kind\":\"OTHER\",\"corporateNumber\":5}"}) {
            Answer answer = http.postJson("/api/v1/organizations", admin, body);
            assertThat(answer.status()).as(body + " → " + answer.text()).isEqualTo(400);
        }
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void strictJsonRefusesCoercionFractionsOfYenAndFarOffDates() throws Exception {
        // a boolean is not evidence of a capability (R18): refused, not turned into the text "false"
        Answer bool = http.postJson("/api/v1/thinktank/entities", admin, "{\"organizationId\":\""
                + UUID.randomUUID() + "\",\"analysisCapability\":\"a\",\"hubCapability\":\"b\","
                + "\"talentCapability\":false}");
        assertThat(bool.status()).isEqualTo(400);
        assertThat(bool.json().get("errors").get(0).get("field").asString()).isEqualTo("talentCapability");
        assertThat(bool.json().get("errors").get(0).get("code").asString()).isEqualTo("wrong-type");
        // money is integer yen (R2): 1.5 is refused, never truncated to 1; "1" is not a number
        for (String amount : new String[] {"1.5", "\"1\"", "1e3", "true", "99999999999999999999"}) {
            Answer money = http.postJson("/api/v1/funds/" + UUID.randomUUID() + "/ledger", admin,
                    "{\"kind\":\"APPROPRIATION\",\"amount\":" + amount + ",\"memo\":\"m\"}");
            assertThat(money.status()).as(amount + " → " + money.text()).isEqualTo(400);
            assertThat(money.json().get("errors").get(0).get("field").asString()).as(amount).isEqualTo("amount");
        }
        // R15: a designation starting in year −999999999 is refused at the edge
        for (String start : new String[] {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "1999-12-31T00:00:00Z", "2201-01-02T00:00:00Z"}) {
            Answer designation = http.postJson("/api/v1/councils/" + UUID.randomUUID() + "/proposals", admin,
                    "{\"matter\":\"INFORMATION_MANAGEMENT\",\"title\":\"t\",\"body\":\"b\",\"designation\":"
                            + "{\"itemIds\":[],\"scopeParticipantIds\":[],\"periodStart\":\"" + start + "\","
                            + "\"periodEnd\":\"2030-01-01T00:00:00Z\",\"handling\":\"VIEW_ONLY\","
                            + "\"afterPeriod\":\"PUBLIC\"}}");
            assertThat(designation.status()).as(start + " → " + designation.text()).isEqualTo(400);
            assertThat(designation.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("designation.periodStart");
            assertThat(designation.json().get("errors").get(0).get("code").asString()).isEqualTo("date-range");
        }
        // a duplicate key is named
        Answer duplicate = http.postJson("/api/v1/organizations", admin,
                "{\"name\":\"a\",\"kind\":\"OTHER\",\"kind\":\"MINISTRY\",\"nameEn\":\"x\"}");
        assertThat(duplicate.status()).isEqualTo(400);
    }

    @Test
    void theTechnologyExportLeavesNoFormulaLive() throws Exception {
        String officer = programOfficer();
        String code = "FX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        Answer registered = http.postJson("/api/v1/technologies", officer, "{\"code\":\"" + code + "\","
                + "\"nameJa\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\",\"nameEn\":\"@SUM(A1)\","
                + "\"domain\":\"A01\",\"description\":\"+cmd\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String csv = http.raw(("GET /api/v1/technologies/export HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n"
                + "Authorization: Bearer " + officer + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8)).text();
        String row = csv.lines().filter(l -> l.startsWith(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + csv.lines().filter(l -> l.contains("FX-")).toList()));
        assertThat(row).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"").contains(",'@SUM(A1),")
                .endsWith(",'+cmd");
    }

    @Test
    void aMalformedTechnologyCsvIsRefusedNamingTheLineAndColumn() throws Exception {
        String officer = programOfficer();
        long before = jdbc.sql("select count(*) from technology_technology").query(Long.class).single();
        String csv = "code,name_ja,name_en,domain,status,description\nX-1,\"a\"b\",c,A01,CANDIDATE,y\n";
        Answer answer = importCsv(officer, csv.getBytes(UTF_8));
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        // the message is the bundle's English (no Accept-Language), naming the line and column as the service did
        assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("csv-fault");
        assertThat(answer.json().get("errors").get(0).get("message").asString()).as(answer.text())
                .contains("line 2, column 8");
        Answer shortRow = importCsv(officer, "code,name_ja,name_en,domain\nX-2,a,b,A01\nX-3,a\n".getBytes(UTF_8));
        assertThat(shortRow.status()).as(shortRow.text()).isEqualTo(400);
        assertThat(shortRow.json().get("errors").get(0).get("message").asString()).as(shortRow.text())
                .contains("line 3, column 3");
        Answer notUtf8 = importCsv(officer, new byte[] {'c', 'o', 'd', 'e', '\n', (byte) 0xFF});
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.json().get("errors").get(0).get("code").asString()).isEqualTo("csv-encoding");
        assertThat(jdbc.sql("select count(*) from technology_technology").query(Long.class).single())
                .isEqualTo(before);
    }

    private String programOfficer() throws Exception {
        return http.token(http.person(admin, "MINISTRY", "PROGRAM_OFFICER").get("username").asString(),
                ApiAccounts.PASSWORD);
    }

    private Answer importCsv(String token, byte[] csv) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        return http.send("POST", "/api/v1/technologies/import", token, "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    private long organizations() {
        return jdbc.sql("select count(*) from identity_organization").query(Long.class).single();
    }
}
