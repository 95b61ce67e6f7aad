package org.banso.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, R7, R13: a K Program award proposes, by name, the people it knows for its council — the PI and their
 * organization, the co-researchers' organizations, the social-implementation lead, the funding agency — and invites
 * those the awarding officer confirms, by e-mail (through the council module, into the outbox), once. Nobody else sees
 * or sends the list.
 */
@BansoIntegrationTest
class AwardInvitationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;
    @Autowired
    JdbcClient jdbc;

    FundingFixtures fixtures;
    ApiAccounts accounts;
    OrganizationId ministry;
    OrganizationId university;
    OrganizationId company;
    OrganizationId startup;
    OrganizationId agency;
    BansoUser pi;
    BansoUser coResearcher;
    BansoUser lead;
    BansoUser officer;
    BansoUser representative;
    String fund;

    @BeforeEach
    void award() throws Exception {
        fixtures = new FundingFixtures(identity, technologies);
        accounts = new ApiAccounts(mvc, json);
        ministry = fixtures.organization(OrganizationKind.MINISTRY);
        university = fixtures.organization(OrganizationKind.UNIVERSITY);
        company = fixtures.organization(OrganizationKind.COMPANY);
        startup = fixtures.organization(OrganizationKind.STARTUP);
        agency = fixtures.organization(OrganizationKind.FUNDING_AGENCY);
        pi = fixtures.user(university, Role.RESEARCHER);
        coResearcher = fixtures.user(company, Role.RESEARCHER);
        lead = fixtures.user(startup, Role.RESEARCHER);
        officer = fixtures.user(agency, Role.FUNDING_OFFICER);
        representative = fixtures.user(ministry, Role.MINISTRY_OFFICIAL);
        String programOfficer = token(fixtures.user(ministry, Role.PROGRAM_OFFICER));
        fund = json.readTree(mvc.perform(post("/api/v1/funds").header("Authorization", bearer(programOfficer))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "name", ApiAccounts.unique("K基金 "), "program", "K_PROGRAM"))))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/funds/" + fund + "/ledger").header("Authorization", bearer(programOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("kind", "APPROPRIATION", "amount", 1_000_000L))))
                .andExpect(status().isCreated());
    }

    @Test
    void theAwardingOfficerConfirmsThePeopleTheAwardKnowsAndEachIsInvitedByNameOnce() throws Exception { // R7, R13
        String project = awardProject();
        String officerToken = token(officer);
        JsonNode proposed = json.readTree(mvc.perform(get("/api/v1/projects/" + project + "/invitations")
                        .header("Authorization", bearer(officerToken))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Map<String, JsonNode> byPart = new HashMap<>();
        proposed.get("invitees").forEach(i -> byPart.put(i.get("part").asString(), i));
        assertThat(byPart.keySet()).containsExactlyInAnyOrder("PRINCIPAL_INVESTIGATOR", "CO_RESEARCHER",
                "SOCIAL_IMPLEMENTATION_LEAD", "FUNDING_AGENCY");
        assertThat(byPart.get("PRINCIPAL_INVESTIGATOR").get("email").asString()).isEqualTo(pi.username()
                + "@example.jp");
        assertThat(byPart.get("PRINCIPAL_INVESTIGATOR").get("role").asString()).isEqualTo("UNIVERSITY");
        assertThat(byPart.get("CO_RESEARCHER").get("personId").asString()).isEqualTo(coResearcher.id().value()
                .toString());
        assertThat(byPart.get("SOCIAL_IMPLEMENTATION_LEAD").get("role").asString()).isEqualTo("STARTUP");
        assertThat(byPart.get("FUNDING_AGENCY").get("organizationId").asString()).isEqualTo(agency.value()
                .toString());
        assertThat(proposed.toString()).as("the competent ministry is a participant already")
                .doesNotContain(ministry.value().toString());

        // nobody but the awarding officer sees or sends it
        for (BansoUser other : List.of(representative, pi, fixtures.user(agency, Role.FUNDING_OFFICER))) {
            mvc.perform(get("/api/v1/projects/" + project + "/invitations").header("Authorization",
                    bearer(token(other)))).andExpect(status().isNotFound());
            invite(project, token(other), List.of(university.value())).andExpect(status().isNotFound());
        }
        // an empty or foreign confirmation changes nothing
        invite(project, officerToken, List.of(UUID.randomUUID())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"));
        assertThat(invitationsOf(project)).isEmpty();

        // the officer leaves the funding agency out: three named invitations, each mailed
        invite(project, officerToken, List.of(university.value(), company.value(), startup.value()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.length()").value(3));
        List<String> invited = invitationsOf(project);
        assertThat(invited).containsExactlyInAnyOrder(pi.username() + "@example.jp",
                coResearcher.username() + "@example.jp", lead.username() + "@example.jp");
        for (String address : invited) {
            assertThat(jdbc.sql("select count(*) from notification_mail where address = :a and subject like '%招待%'")
                    .param("a", address).query(Long.class).single()).as("mailed to %s", address).isEqualTo(1L);
        }
        invite(project, officerToken, List.of(agency.value())).andExpect(status().isConflict());
        assertThat(invitationsOf(project)).as("once").hasSize(3);
    }

    @Test
    void eachAwardInvitationMailIsInTheInviteesChosenLanguageOtherwiseInTheOfficersPageLanguage() throws Exception {
        // issue 16: the co-researcher chose English, the social-implementation lead Japanese, the PI nothing
        String project = awardProject();
        chooseLanguage(coResearcher, "en");
        chooseLanguage(lead, "ja");

        // the awarding officer works in English
        mvc.perform(post("/api/v1/projects/" + project + "/invitations").param("lang", "en")
                        .header("Authorization", bearer(token(officer))).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("organizationIds",
                                List.of(university.value(), company.value(), startup.value())))))
                .andExpect(status().isCreated());

        assertThat(invitationMail(project, coResearcher)).as("their own choice")
                .containsEntry("language", "en").extractingByKey("subject").asString()
                .contains("Invitation to a council");
        assertThat(invitationMail(project, lead)).as("their own choice, though the officer works in English")
                .containsEntry("language", "ja").extractingByKey("subject").asString().contains("協議会への招待");
        assertThat(invitationMail(project, pi)).as("no choice of their own: the officer's page language")
                .containsEntry("language", "en").extractingByKey("body").asString()
                .contains("If you already have an account, sign in and join here:");
    }

    private void chooseLanguage(BansoUser person, String language) throws Exception {
        mvc.perform(put("/api/v1/notifications/settings").header("Authorization", bearer(token(person)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("language", language))))
                .andExpect(status().isOk());
    }

    /** The outbox's mail of this project's invitation to the person: its language, subject and body. */
    private Map<String, Object> invitationMail(String project, BansoUser person) {
        return jdbc.sql("""
                        select m.language, m.subject, m.body from notification_mail m
                        join council_invitation i on m.idempotency_key = 'invitation:' || i.id
                        join funding_project p on p.council_id = i.council_id
                        where p.id = :p and m.address = :a""")
                .param("p", UUID.fromString(project)).param("a", person.username() + "@example.jp")
                .query().singleRow();
    }

    private String awardProject() throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("title", "量子暗号通信の社会実装",
                "program", "K_PROGRAM", "fundId", fund, "technologyId", fixtures.technology().value(),
                "principalInvestigatorId", pi.id().value(), "organizationIds",
                List.of(university.value(), company.value()), "budget", 600_000L,
                "competentMinistryId", ministry.value(), "socialImplementationLeadId", startup.value()));
        body.put("competentMinistryRepresentativeId", representative.id().value());
        return json.readTree(mvc.perform(post("/api/v1/projects").header("Authorization", bearer(token(officer)))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id")
                .asString();
    }

    private ResultActions invite(String project, String token, List<UUID> organizations) throws Exception {
        return mvc.perform(post("/api/v1/projects/" + project + "/invitations").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("organizationIds", new ArrayList<>(organizations)))));
    }

    /** The invitees' addresses of the project's council's invitations. */
    private List<String> invitationsOf(String project) {
        return jdbc.sql("""
                        select i.invitee_email from council_invitation i
                        join funding_project p on p.council_id = i.council_id where p.id = :p""")
                .param("p", UUID.fromString(project)).query(String.class).list();
    }

    private String token(BansoUser user) throws Exception {
        return accounts.token(user.username(), ApiAccounts.PASSWORD);
    }
}
