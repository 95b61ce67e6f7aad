package org.banso.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.banso.support.ApiAccounts;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Organizations, people and council calls through the real REST API, as a script would make them. */
final class CouncilTestSupport {

    record Person(String id, String username, String token, String organizationId) {
    }

    private final MockMvc mvc;
    private final JsonMapper json;
    private final ApiAccounts accounts;
    private String adminToken;

    CouncilTestSupport(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
        this.accounts = new ApiAccounts(mvc, json);
    }

    String organization(String kind) throws Exception {
        String name = ApiAccounts.unique("org-" + kind + "-");
        JsonNode org = call("POST", "/api/v1/organizations", admin(),
                Map.of("name", name, "nameEn", name, "kind", kind), 201);
        return org.get("id").asString();
    }

    Person person(String organizationId, String role) throws Exception {
        String username = ApiAccounts.unique(role.substring(0, 3).toLowerCase() + "-");
        JsonNode user = call("POST", "/api/v1/users", admin(), Map.of("username", username,
                "displayName", "試験 " + username, "email", username + "@example.jp",
                "organizationId", organizationId, "roles", List.of(role), "password", ApiAccounts.PASSWORD), 201);
        return new Person(user.get("id").asString(), username, accounts.token(username, ApiAccounts.PASSWORD),
                organizationId);
    }

    /** The same person with a new token, for after the test clock jumped past the old token's lifetime. */
    Person refreshed(Person person) throws Exception {
        adminToken = null;
        return new Person(person.id(), person.username(), accounts.token(person.username(), ApiAccounts.PASSWORD),
                person.organizationId());
    }

    String admin() throws Exception {
        if (adminToken == null) {
            adminToken = accounts.adminToken();
        }
        return adminToken;
    }

    /** Calls the API and checks the status; answers the JSON body (null when empty). */
    JsonNode call(String method, String path, String token, Object body, int status) throws Exception {
        MvcResult result = perform(method, path, token, body);
        String content = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as("%s %s → %s", method, path, content).isEqualTo(status);
        return content.isEmpty() ? null : json.readTree(content);
    }

    /** Calls the API and checks it failed with the problem type of API.md. */
    JsonNode problem(String method, String path, String token, Object body, int status, String code)
            throws Exception {
        JsonNode problem = call(method, path, token, body, status);
        assertThat(problem.get("type").asString()).as("problem type of %s %s", method, path)
                .isEqualTo("/problems/" + code);
        return problem;
    }

    MvcResult perform(String method, String path, String token, Object body) throws Exception {
        MockHttpServletRequestBuilder request = switch (method) {
            case "GET" -> get(path);
            case "POST" -> post(path);
            case "PUT" -> put(path);
            case "DELETE" -> delete(path);
            default -> throw new IllegalArgumentException(method);
        };
        if (token != null) {
            request.header("Authorization", ApiAccounts.bearer(token));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    /** A council proposed by the official with the given required consenters; answers its id. */
    String proposeCouncil(Person official, Person... consenters) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", ApiAccounts.unique("協議会-"));
        body.put("competentMinistryId", official.organizationId());
        body.put("projectIds", List.of());
        body.put("requiredConsenterIds", java.util.Arrays.stream(consenters).map(Person::id).toList());
        return call("POST", "/api/v1/councils", official.token(), body, 201).get("id").asString();
    }

    /** Proposed, consented by everyone required, established. */
    String establishedCouncil(Person official, Person... consenters) throws Exception {
        String council = proposeCouncil(official, consenters);
        for (Person consenter : consenters) {
            call("POST", "/api/v1/councils/" + council + "/consents", consenter.token(),
                    Map.of("decision", "CONSENT"), 200);
        }
        call("POST", "/api/v1/councils/" + council + "/establish", official.token(), null, 200);
        return council;
    }

    /** Adds the person's organization as a participant represented by them; answers the participant id. */
    String addParticipant(String council, Person official, Person representative, String role) throws Exception {
        JsonNode view = call("POST", "/api/v1/councils/" + council + "/participants", official.token(),
                Map.of("organizationId", representative.organizationId(), "role", role,
                        "representativeId", representative.id(), "memberIds", List.of()), 201);
        for (JsonNode p : view.get("participants")) {
            if (p.get("organizationId").asString().equals(representative.organizationId())) {
                return p.get("id").asString();
            }
        }
        throw new AssertionError("participant not in " + view);
    }

    void sign(String council, Person person) throws Exception {
        call("POST", "/api/v1/councils/" + council + "/pledges", person.token(), Map.of("accept", true), 201);
    }

    String propose(String council, Person person, String matter) throws Exception {
        return call("POST", "/api/v1/councils/" + council + "/proposals", person.token(),
                Map.of("matter", matter, "title", "研究成果の取扱い", "body", "成果は原則公開とする。"), 201)
                .get("id").asString();
    }

    JsonNode respond(String proposal, Person person, String response, int status) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response", response);
        if (response.equals("OBJECT")) {
            body.put("reason", "公開範囲が広すぎる");
        }
        return call("POST", "/api/v1/proposals/" + proposal + "/responses", person.token(), body, status);
    }

    String participantOf(String council, Person viewer, Person member) throws Exception {
        JsonNode view = call("GET", "/api/v1/councils/" + council, viewer.token(), null, 200);
        for (JsonNode p : view.get("participants")) {
            for (JsonNode m : p.get("memberIds")) {
                if (m.asString().equals(member.id())) {
                    return p.get("id").asString();
                }
            }
        }
        throw new AssertionError(member.username() + " is no member in " + view);
    }

    /** An information item of the council, uploaded by a pledged member as the information module's API takes it. */
    String uploadItem(String council, Person person, String title, String category) throws Exception {
        var request = multipart("/api/v1/councils/" + council + "/items")
                .file(new MockMultipartFile("file", "material.txt", "text/plain",
                        ("資料: " + title).getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("meta", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("title", title, "category", category))));
        request.header("Authorization", ApiAccounts.bearer(person.token()));
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }
}
