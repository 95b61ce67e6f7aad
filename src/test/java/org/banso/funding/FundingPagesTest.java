package org.banso.funding;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The fund dashboard, projects and calls pages in Japanese and English. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class FundingPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Funding funding;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    @Test
    void theFundDashboardShowsDerivedBalancesAndTheLedgerInJapaneseAndEnglish() throws Exception { // R2
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        BansoUser officer = fixtures.user(ministry, Role.PROGRAM_OFFICER);
        FundId fund = funding.createFund(ApiAccounts.unique("画面基金 "), Program.K_PROGRAM, officer).id();
        funding.record(fund, EntryKind.APPROPRIATION, 250_000_000_000L, "令和3年度補正予算", officer);
        MockHttpSession session = signIn(officer);
        mvc.perform(get("/funds/" + fund).session(session).cookie(new Cookie("banso-lang", "ja")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("250,000,000,000円")))
                .andExpect(content().string(containsString("予算措置")))
                .andExpect(content().string(containsString("令和3年度補正予算")));
        mvc.perform(get("/funds/" + fund).session(session).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("250,000,000,000 yen")))
                .andExpect(content().string(containsString("Appropriation")));
        mvc.perform(get("/funds").session(session).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("K Program")));
    }

    @Test
    void aReturnThatWouldOverdrawIsExplainedOnThePageAndChangesNothing() throws Exception { // R2
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        BansoUser officer = fixtures.user(fixtures.organization(OrganizationKind.MINISTRY), Role.PROGRAM_OFFICER);
        FundId fund = funding.createFund(ApiAccounts.unique("画面基金 "), Program.OTHER, officer).id();
        mvc.perform(post("/funds/" + fund + "/ledger").session(signIn(officer)).with(csrf())
                        .param("kind", "RETURN").param("amount", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "insufficient-funds"));
        org.assertj.core.api.Assertions.assertThat(funding.ledger(fund, null, officer)).isEmpty();
    }

    @Test
    void projectsShowTheirCouncilStatus() throws Exception { // R7, R10
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        OrganizationId company = fixtures.organization(OrganizationKind.COMPANY);
        BansoUser officer = fixtures.user(ministry, Role.PROGRAM_OFFICER);
        BansoUser fundingOfficer = fixtures.user(ministry, Role.FUNDING_OFFICER);
        FundId fund = funding.createFund(ApiAccounts.unique("画面基金 "), Program.OTHER, officer).id();
        funding.record(fund, EntryKind.APPROPRIATION, 1_000, "", officer);
        ProjectId project = funding.award(new Funding.NewProject("画面の課題", Program.OTHER, fund,
                fixtures.technology(), fixtures.user(company, Role.RESEARCHER).id(), List.of(company), 500L,
                ministry, null, company, "企業が製品化する", null), fundingOfficer).id();
        MockHttpSession session = signIn(fundingOfficer);
        mvc.perform(get("/projects").session(session).cookie(new Cookie("banso-lang", "ja")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("画面の課題")));
        mvc.perform(get("/projects/" + project).session(session).cookie(new Cookie("banso-lang", "ja")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("企業が製品化する")))
                .andExpect(content().string(containsString("開始する")));
        mvc.perform(get("/calls").session(session).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Calls for proposals")));
    }

    @Autowired
    Calls calls;

    @Test
    void aResearcherAppliesOnThePageAndAReviewerSeesTheOpenClosePlanWithTheDeclarationForm() throws Exception {
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        BansoUser officer = fixtures.user(ministry, Role.PROGRAM_OFFICER);
        BansoUser fundingOfficer = fixtures.user(ministry, Role.FUNDING_OFFICER);
        BansoUser researcher = fixtures.user(fixtures.organization(OrganizationKind.UNIVERSITY), Role.RESEARCHER);
        BansoUser analyst = fixtures.user(fixtures.organization(OrganizationKind.THINK_TANK), Role.ANALYST);
        FundId fund = funding.createFund(ApiAccounts.unique("画面基金 "), Program.OTHER, officer).id();
        java.time.Instant now = java.time.Instant.now();
        Calls.CallView call = calls.openCall(new Calls.NewCall(fund, "画面の公募", Calls.CallType.PROJECT,
                List.of(fixtures.technology()), now.minusSeconds(3600), now.plusSeconds(86_400), 10_000_000L),
                fundingOfficer);
        MockHttpSession applicant = signIn(researcher);
        mvc.perform(get("/calls/" + call.id()).session(applicant).cookie(new Cookie("banso-lang", "ja")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("オープン・クローズ方針の案")));
        String location = mvc.perform(post("/calls/" + call.id() + "/applications").session(applicant).with(csrf())
                        .param("title", "画面からの応募").param("eradNumber", "90050426")
                        .param("orcid", "0000-0002-1825-0097").param("directCost", "1000000")
                        .param("controlled", "試料の作製条件").param("fromWhom", "協議会の外の者")
                        .param("months", "24").param("reason", "製造ノウハウの流出防止"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        org.assertj.core.api.Assertions.assertThat(location).startsWith("/applications/");
        mvc.perform(get(location).session(signIn(analyst)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("試料の作製条件")))
                .andExpect(content().string(containsString("Declare your conflicts of interest")))
                .andExpect(content().string(containsString("300,000 yen")));
    }

    private MockHttpSession signIn(BansoUser user) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", user.username())
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }
}
