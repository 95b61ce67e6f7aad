package org.banso.funding;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.technology.Assessment;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 6 lists the pages that take policy to projects; this checks the ones outside the funding module's own page
 * tests exist and work for the people they serve, in Japanese and English: the guideline (public and editing), the
 * technology registry with an assessment's three criteria and the program's three lenses (R3, R4), and the public
 * list of designated technologies.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class IssueSixPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    @Test
    void theGuidelineIsPublicAndItsVersionsAreEditedByAProgramOfficer() throws Exception { // R1
        mvc.perform(get("/guideline").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("R&amp;D basic guideline")));
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        BansoUser officer = fixtures.user(fixtures.organization(OrganizationKind.MINISTRY), Role.PROGRAM_OFFICER);
        MockHttpSession session = signIn(officer);
        mvc.perform(get("/guidelines").session(session).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Draft a new version")));
        mvc.perform(get("/guidelines").session(session).param("lang", "ja")).andExpect(status().isOk());
        BansoUser researcher = fixtures.user(fixtures.organization(OrganizationKind.UNIVERSITY), Role.RESEARCHER);
        mvc.perform(get("/guidelines").session(signIn(researcher))).andExpect(status().is4xxClientError());
    }

    @Test
    void anAssessmentShowsTheThreeCriteriaAndTheThreeLensesAndOnlyDesignatedTechnologiesArePublic()
            throws Exception { // R3, R4
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        BansoUser officer = fixtures.user(fixtures.organization(OrganizationKind.MINISTRY), Role.PROGRAM_OFFICER);
        String designatedCode = ApiAccounts.unique("D-").toUpperCase(Locale.ROOT);
        String candidateCode = ApiAccounts.unique("C-").toUpperCase(Locale.ROOT);
        TechnologyId designated = technologies.register(new TechnologyRegistry.NewTechnology(designatedCode,
                "指定技術 " + designatedCode, "Designated " + designatedCode, "A01", ""), officer).id();
        technologies.register(new TechnologyRegistry.NewTechnology(candidateCode, "候補技術 " + candidateCode,
                "Candidate " + candidateCode, "A01", ""), officer);
        Assessment.Criterion four = new Assessment.Criterion(4, "根拠");
        technologies.assess(designated, new TechnologyRegistry.NewAssessment(four, four, four, four, four,
                "国内に製造基盤がある", "回収に長期を要する", "通信網と防災の双方で使う",
                List.of(new Assessment.Input(Assessment.InputKind.THINK_TANK, "分析報告 2026-11"))), officer);
        technologies.designate(designated, officer);

        // signed out: the public list shows designated technologies only
        mvc.perform(get("/technologies").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString(designatedCode)))
                .andExpect(content().string(not(containsString(candidateCode))));

        MockHttpSession session = signIn(officer);
        mvc.perform(get("/technologies/" + designated).session(session).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Japan&#39;s technical strength")))
                .andExpect(content().string(containsString("R&amp;D status abroad")))
                .andExpect(content().string(containsString("Social-implementation needs")))
                .andExpect(content().string(containsString("Superiority and indispensability")))
                .andExpect(content().string(containsString("Why the market alone would under-invest")))
                .andExpect(content().string(containsString("Use in both civil and public settings")))
                .andExpect(content().string(containsString("通信網と防災の双方で使う")));
        mvc.perform(get("/technologies").session(session).param("lang", "ja")).andExpect(status().isOk())
                .andExpect(content().string(containsString(candidateCode)));
    }

    private MockHttpSession signIn(BansoUser user) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", user.username())
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }
}
