package org.banso.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organizations, people and JSON calls through the real REST API, as a script would make them; the modules' test
 * supports add their own steps (councils, items) on top.
 */
public class ApiScript {

    public record Person(String id, String username, String token, String organizationId) {
    }

    protected final MockMvc mvc;
    protected final JsonMapper json;
    protected final ApiAccounts accounts;
    private String adminToken;

    public ApiScript(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
        this.accounts = new ApiAccounts(mvc, json);
    }

    public String admin() throws Exception {
        if (adminToken == null) {
            adminToken = accounts.adminToken();
        }
        return adminToken;
    }

    public String organization(String kind) throws Exception {
        String name = ApiAccounts.unique("org-" + kind + "-");
        return call("POST", "/api/v1/organizations", admin(), Map.of("name", name, "nameEn", name, "kind", kind), 201)
                .get("id").asString();
    }

    public Person person(String organizationId, String role) throws Exception {
        String username = ApiAccounts.unique(role.substring(0, 3).toLowerCase() + "-");
        JsonNode user = call("POST", "/api/v1/users", admin(), Map.of("username", username,
                "displayName", "試験 " + username, "email", username + "@example.jp",
                "organizationId", organizationId, "roles", List.of(role), "password", ApiAccounts.PASSWORD), 201);
        return new Person(user.get("id").asString(), username, accounts.token(username, ApiAccounts.PASSWORD),
                organizationId);
    }

    /** A ministry official in a ministry of their own: who proposes and establishes councils. */
    public Person official() throws Exception {
        return person(organization("MINISTRY"), "MINISTRY_OFFICIAL");
    }

    /** A researcher in a new organization of the kind (UNIVERSITY for a principal investigator, STARTUP, COMPANY…). */
    public Person researcher(String organizationKind) throws Exception {
        return person(organization(organizationKind), "RESEARCHER");
    }

    /** A council the official's ministry proposes for the projects, with the required consenters; answers its id. */
    public String proposeCouncil(Person official, String name, List<String> projectIds, Person... consenters)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("competentMinistryId", official.organizationId());
        body.put("projectIds", projectIds);
        body.put("requiredConsenterIds", Arrays.stream(consenters).map(Person::id).toList());
        return call("POST", "/api/v1/councils", official.token(), body, 201).get("id").asString();
    }

    /** Proposed as above, consented by every required consenter and established by the official (R5, R6). */
    public String establishedCouncil(Person official, String name, List<String> projectIds, Person... consenters)
            throws Exception {
        String council = proposeCouncil(official, name, projectIds, consenters);
        for (Person consenter : consenters) {
            call("POST", "/api/v1/councils/" + council + "/consents", consenter.token(),
                    Map.of("decision", "CONSENT"), 200);
        }
        call("POST", "/api/v1/councils/" + council + "/establish", official.token(), null, 200);
        return council;
    }

    /** The same person with a new token, for after the test clock jumped past the old token's lifetime. */
    public Person refreshed(Person person) throws Exception {
        adminToken = null;
        return new Person(person.id(), person.username(), accounts.token(person.username(), ApiAccounts.PASSWORD),
                person.organizationId());
    }

    /** Adds the person's organization as a participant represented by them; answers the participant id. */
    public String addParticipant(String council, Person official, Person representative, String role) throws Exception {
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

    /** Signs the council's current pledge as the person. */
    public void sign(String council, Person person) throws Exception {
        call("POST", "/api/v1/councils/" + council + "/pledges", person.token(), Map.of("accept", true), 201);
    }

    /** The council's participants as the viewer reads them through the API (their JSON, to look for ids in). */
    public String participants(String council, Person viewer) throws Exception {
        return call("GET", "/api/v1/councils/" + council, viewer.token(), null, 200).get("participants").toString();
    }

    /** The proposal's status as the viewer reads it through the API. */
    public String proposalStatus(String proposal, Person viewer) throws Exception {
        return call("GET", "/api/v1/proposals/" + proposal, viewer.token(), null, 200).get("status").asString();
    }

    /** The state of one of the council's invitations as the viewer reads it through the API. */
    public String invitationState(String council, String invitation, Person viewer) throws Exception {
        for (JsonNode i : call("GET", "/api/v1/councils/" + council + "/invitations", viewer.token(), null, 200)) {
            if (i.get("id").asString().equals(invitation)) {
                return i.get("state").asString();
            }
        }
        throw new AssertionError("no invitation " + invitation + " in council " + council);
    }

    /** Calls the API and checks the status; answers the JSON body (null when empty). */
    public JsonNode call(String method, String path, String token, Object body, int status) throws Exception {
        MvcResult result = perform(method, path, token, body);
        String content = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as("%s %s → %s", method, path, content).isEqualTo(status);
        return content.isEmpty() ? null : json.readTree(content);
    }

    /** Calls the API and checks it failed with the problem type of API.md. */
    public JsonNode problem(String method, String path, String token, Object body, int status, String code)
            throws Exception {
        JsonNode problem = call(method, path, token, body, status);
        assertThat(problem.get("type").asString()).as("problem type of %s %s", method, path)
                .isEqualTo("/problems/" + code);
        return problem;
    }

    public MvcResult perform(String method, String path, String token, Object body) throws Exception {
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
}
