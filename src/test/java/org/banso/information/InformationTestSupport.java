package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Councils, people, items and designations through the real REST API, as a script would make them. */
final class InformationTestSupport extends ApiScript {

    static final String RATIONALE = "社会実装の方向性・技術流出の防止・イノベーション・参加のインセンティブを考慮した。";

    private final IdentityManagement identity;

    InformationTestSupport(MockMvc mvc, JsonMapper json, IdentityManagement identity) {
        super(mvc, json);
        this.identity = identity;
    }

    /**
     * The usual cast: a ministry official and a startup researcher (the required consenter) in an established council
     * with a company researcher, all three pledged; an outsider from a university in no council.
     */
    record World(Person official, Person startup, Person company, Person outsider, String council,
                 String ministryParticipant, String startupParticipant) {
    }

    World world() throws Exception {
        Person official = official();
        Person startup = researcher("STARTUP");
        Person company = researcher("COMPANY");
        Person outsider = researcher("UNIVERSITY");
        String council = establishedCouncil(official, startup);
        String startupParticipant = addParticipant(council, official, startup, "STARTUP");
        addParticipant(council, official, company, "COMPANY");
        String ministryParticipant = participantOf(council, official, official);
        sign(council, official);
        sign(council, startup);
        sign(council, company);
        return new World(official, startup, company, outsider, council, ministryParticipant, startupParticipant);
    }

    /** A council the official's ministry proposes and establishes with the consent of the researcher (R5). */
    String establishedCouncil(Person official, Person consenter) throws Exception {
        return establishedCouncil(official, consenter, List.of());
    }

    String establishedCouncil(Person official, Person consenter, List<String> projectIds) throws Exception {
        return establishedCouncil(official, ApiAccounts.unique("協議会-"), projectIds, consenter);
    }

    String participantOf(String council, Person viewer, Person member) throws Exception {
        JsonNode view = call("GET", "/api/v1/councils/" + council, viewer.token(), null, 200);
        for (JsonNode p : view.get("participants")) {
            if (p.get("representativeId").asString().equals(member.id())) {
                return p.get("id").asString();
            }
        }
        throw new AssertionError(member.username() + " represents nobody in " + view);
    }

    /** Uploads a text item; answers its id. */
    String upload(String council, Person person, String title, String category, String text) throws Exception {
        MvcResult result = uploadRequest(council, person, title, category, null, text);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    /** Uploads a file of any type; answers the item's id. */
    String uploadFile(String council, Person person, String title, String category, String filename,
                      String contentType, byte[] bytes) throws Exception {
        MvcResult result = uploadRequest(council, person, title, category, null,
                new MockMultipartFile("file", filename, contentType, bytes));
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    MvcResult uploadRequest(String council, Person person, String title, String category, String projectId,
                            String text) throws Exception {
        return uploadRequest(council, person, title, category, projectId,
                new MockMultipartFile("file", "note.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }

    private MvcResult uploadRequest(String council, Person person, String title, String category, String projectId,
                                    MockMultipartFile file) throws Exception {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("title", title);
        meta.put("category", category);
        meta.put("projectId", projectId);
        var request = multipart("/api/v1/councils/" + council + "/items").file(file)
                .file(new MockMultipartFile("meta", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(meta)));
        if (person != null) {
            request.header("Authorization", ApiAccounts.bearer(person.token()));
        }
        return mvc.perform(request).andReturn();
    }

    static Map<String, Object> designation(List<String> items, Map<String, Object> rule, List<String> scope,
                                           Instant start, Instant end, String handling, String afterPeriod) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("itemIds", items);
        d.put("rule", rule);
        d.put("scopeParticipantIds", scope);
        d.put("periodStart", start == null ? null : start.toString());
        d.put("periodEnd", end == null ? null : end.toString());
        d.put("handling", handling);
        d.put("afterPeriod", afterPeriod);
        d.put("rationale", Map.of("socialImplementation", RATIONALE, "leakagePrevention", RATIONALE,
                "innovation", RATIONALE, "participationIncentive", RATIONALE));
        return d;
    }

    MvcResult proposeRequest(String council, Person proposer, Map<String, Object> designation) throws Exception {
        return perform("POST", "/api/v1/councils/" + council + "/proposals", proposer.token(),
                Map.of("matter", "INFORMATION_MANAGEMENT", "title", "管理指定", "body", "指定する。",
                        "designation", designation));
    }

    /** Proposes the designation and has every representative consent; answers the designation id. */
    String adopt(String council, Person proposer, Map<String, Object> designation, Person... representatives)
            throws Exception {
        MvcResult proposed = proposeRequest(council, proposer, designation);
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString())
                .isEqualTo(201);
        String proposal = json.readTree(proposed.getResponse().getContentAsString()).get("id").asString();
        for (Person rep : representatives) {
            call("POST", "/api/v1/proposals/" + proposal + "/responses", rep.token(), Map.of("response", "CONSENT"),
                    200);
        }
        JsonNode list = call("GET", "/api/v1/councils/" + council + "/designations", proposer.token(), null, 200);
        for (JsonNode d : list) {
            if (d.get("proposalId").asString().equals(proposal)) {
                return d.get("id").asString();
            }
        }
        throw new AssertionError("no designation for " + proposal + " in " + list);
    }

    /** A page as the signed-in person sees it (null: anonymous). */
    MvcResult page(String path, Person person) throws Exception {
        var request = get(path);
        if (person != null) {
            request.with(SecurityMockMvcRequestPostProcessors.authentication(signedIn(person)));
        }
        return mvc.perform(request).andReturn();
    }

    /** The request as a form the person sends from a page of their session (with its CSRF token). */
    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Person person) {
        return request.with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(SecurityMockMvcRequestPostProcessors.authentication(signedIn(person)));
    }

    /** The person's page session: their account as the identity module has it now, with its roles. */
    private UsernamePasswordAuthenticationToken signedIn(Person person) {
        var principal = identity.user(new UserId(UUID.fromString(person.id()))).orElseThrow().asPrincipal();
        return new UsernamePasswordAuthenticationToken(principal, null, principal.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    List<String> listedIds(String council, Person person) throws Exception {
        JsonNode list = call("GET", "/api/v1/councils/" + council + "/items", person.token(), null, 200);
        List<String> ids = new ArrayList<>();
        list.forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
