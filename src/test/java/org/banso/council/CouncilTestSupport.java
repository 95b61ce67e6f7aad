package org.banso.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Organizations, people and council calls through the real REST API, as a script would make them. */
final class CouncilTestSupport extends ApiScript {

    CouncilTestSupport(MockMvc mvc, JsonMapper json) {
        super(mvc, json);
    }

    /** A council proposed by the official with the given required consenters; answers its id. */
    String proposeCouncil(Person official, Person... consenters) throws Exception {
        return proposeCouncil(official, ApiAccounts.unique("協議会-"), List.of(), consenters);
    }

    /** Proposed, consented by everyone required, established. */
    String establishedCouncil(Person official, Person... consenters) throws Exception {
        return establishedCouncil(official, ApiAccounts.unique("協議会-"), List.of(), consenters);
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
