package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.banso.identity.IdentityManagement;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.web.Confirmation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: a safe action's confirmation page is shown only to someone the module would let do the action. Its
 * first step asks the council module (R12, R14 — the same question the action asks, never a check of the page's own)
 * or the information policy (R17) and answers as the confirmed action answers: back to the council or proposal with
 * the refusal for a participant without the right, 404 for someone who may not know the council. Nothing changes.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class ConfirmationsRefusedFirstPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;

    InformationTestSupport api;
    InformationTestSupport.World world;

    @BeforeEach
    void world() throws Exception {
        api = new InformationTestSupport(mvc, json, identity);
        world = api.world();
    }

    @Test
    void r12_onlyTheCompetentMinistryIsAskedToConfirmRemovingAnotherOrganisation() throws Exception {
        String company = api.participantOf(world.council(), world.official(), world.company());
        String path = "/councils/" + world.council() + "/participants/" + company + "/leave";
        assertThat(confirmationOf(mvc.perform(api.as(post(path), world.official())).andReturn())).isTrue();

        // another participant's representative may not remove the company: refused as the action refuses it
        MvcResult asked = mvc.perform(api.as(post(path), world.startup())).andReturn();
        MvcResult acted = mvc.perform(api.as(post(path).param(Confirmation.CONFIRMED, "true"), world.startup()))
                .andReturn();
        assertThat(confirmationOf(asked)).isFalse();
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/councils/" + world.council())
                .isEqualTo(acted.getResponse().getRedirectedUrl());
        assertThat(asked.getFlashMap().get("problem")).isEqualTo("forbidden")
                .isEqualTo(acted.getFlashMap().get("problem"));
        // someone who may not know the council learns nothing of it
        assertThat(mvc.perform(api.as(post(path), world.outsider())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(api.participants(world.council(), world.official())).contains(company);
    }

    @Test
    void r12_theCompetentMinistryIsNotAskedToConfirmLeavingItsOwnCouncil() throws Exception {
        String path = "/councils/" + world.council() + "/participants/" + world.ministryParticipant() + "/leave";
        MvcResult asked = mvc.perform(api.as(post(path), world.official())).andReturn();
        assertThat(confirmationOf(asked)).isFalse();
        assertThat(asked.getFlashMap().get("problem")).isEqualTo("conflict");
        assertThat(api.participants(world.council(), world.official())).contains(world.ministryParticipant());
    }

    @Test
    void r14_onlyTheProposerOrTheCompetentMinistryIsAskedToConfirmWithdrawingAProposal() throws Exception {
        String proposal = api.call("POST", "/api/v1/councils/" + world.council() + "/proposals",
                world.official().token(), Map.of("matter", "PROMOTION", "title", "確認前に断る議案", "body", "本文"),
                201).get("id").asString();
        String path = "/proposals/" + proposal + "/withdraw";
        assertThat(confirmationOf(mvc.perform(api.as(post(path), world.official())).andReturn())).isTrue();

        MvcResult asked = mvc.perform(api.as(post(path), world.startup())).andReturn();
        MvcResult acted = mvc.perform(api.as(post(path).param(Confirmation.CONFIRMED, "true"), world.startup()))
                .andReturn();
        assertThat(confirmationOf(asked)).isFalse();
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/proposals/" + proposal)
                .isEqualTo(acted.getResponse().getRedirectedUrl());
        assertThat(asked.getFlashMap().get("problem")).isEqualTo("forbidden")
                .isEqualTo(acted.getFlashMap().get("problem"));
        assertThat(mvc.perform(api.as(post(path), world.outsider())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(api.proposalStatus(proposal, world.official())).isEqualTo("OPEN");

        // a proposal no longer open is not offered for withdrawal again
        mvc.perform(api.as(post(path).param(Confirmation.CONFIRMED, "true"), world.official())).andReturn();
        MvcResult again = mvc.perform(api.as(post(path), world.official())).andReturn();
        assertThat(confirmationOf(again)).isFalse();
        assertThat(again.getFlashMap().get("problem")).isEqualTo("proposal-closed");
    }

    @Test
    void r13_onlyTheCompetentMinistryIsAskedToConfirmRevokingAnInvitation() throws Exception {
        String invitation = api.call("POST", "/api/v1/councils/" + world.council() + "/invitations",
                world.official().token(), Map.of("role", "UNIVERSITY", "invitee", Map.of("name", "招待 次郎",
                        "organization", "架空大学", "email", "jiro@example.jp", "language", "ja")), 201)
                .get("id").asString();
        String path = "/councils/" + world.council() + "/invitations/" + invitation + "/revoke";
        assertThat(confirmationOf(mvc.perform(api.as(post(path), world.official())).andReturn())).isTrue();

        MvcResult asked = mvc.perform(api.as(post(path), world.company())).andReturn();
        assertThat(confirmationOf(asked)).isFalse();
        assertThat(asked.getResponse().getStatus()).isEqualTo(403).isEqualTo(mvc.perform(api.as(post(path)
                .param(Confirmation.CONFIRMED, "true"), world.company())).andReturn().getResponse().getStatus());
        assertThat(body(asked)).doesNotContain("招待 次郎");
        assertThat(mvc.perform(api.as(post(path), world.outsider())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(api.invitationState(world.council(), invitation, world.official())).isEqualTo("OPEN");
    }

    @Test
    void r12_onlySomeoneWithASignedPledgeIsAskedToConfirmRevokingIt() throws Exception {
        Person unsigned = api.person(api.organization("COMPANY"), "RESEARCHER");
        api.addParticipant(world.council(), world.official(), unsigned, "COMPANY");
        String path = "/councils/" + world.council() + "/pledges/revoke";
        assertThat(confirmationOf(mvc.perform(api.as(post(path), world.startup())).andReturn())).isTrue();

        MvcResult asked = mvc.perform(api.as(post(path), unsigned)).andReturn();
        assertThat(confirmationOf(asked)).isFalse();
        assertThat(asked.getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(api.as(post(path), world.outsider())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(api.page("/councils/" + world.council() + "/items", world.startup()).getResponse().getStatus())
                .as("the startup's pledge stands").isEqualTo(200);
    }

    @Test
    void r17_onlySomeoneThePolicyLetsPublishIsAskedToConfirmPublishingAResult() throws Exception {
        String item = api.upload(world.council(), world.startup(), "確認前に断る研究成果", "RESEARCH_RESULT", "本文");
        String path = "/items/" + item + "/publish";
        assertThat(confirmationOf(mvc.perform(api.as(post(path), world.startup())).andReturn())).isTrue();

        MvcResult asked = mvc.perform(api.as(post(path), world.company())).andReturn();
        assertThat(confirmationOf(asked)).isFalse();
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/items/" + item);
        assertThat(asked.getFlashMap().get("problem")).isEqualTo("forbidden");
        assertThat(mvc.perform(api.as(post(path), world.outsider())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(body(api.page("/public/results", null))).doesNotContain("確認前に断る研究成果");
    }

    /** Whether the answer is the confirmation page (its form re-posts with {@code confirmed=true}). */
    private static boolean confirmationOf(MvcResult result) throws Exception {
        return result.getResponse().getStatus() == 200
                && body(result).contains("name=\"" + Confirmation.CONFIRMED + "\" value=\"true\"");
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
