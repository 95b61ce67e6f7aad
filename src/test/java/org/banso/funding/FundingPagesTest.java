package org.banso.funding;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

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
        MockHttpSession session = signIn(officer);
        // first the confirmation page, which says what cannot be undone and records nothing
        mvc.perform(post("/funds/" + fund + "/ledger").session(session).with(csrf()).param("lang", "ja")
                        .param("kind", "RETURN").param("amount", "1").param("memo", "返納の試験"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("訂正も削除もできません")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
        org.assertj.core.api.Assertions.assertThat(funding.ledger(fund, null, officer)).isEmpty();
        // confirmed: refused at the amount, the form kept, the summary on top
        mvc.perform(post("/funds/" + fund + "/ledger").session(session).with(csrf()).param("lang", "ja")
                        .param("kind", "RETURN").param("amount", "1").param("memo", "返納の試験")
                        .param("confirmed", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#amount\"")))
                .andExpect(content().string(containsString("残高が不足しています。")))
                .andExpect(content().string(containsString("value=\"返納の試験\"")));
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

    @Test
    void aFundingOfficerOpensACallAndAwardsAKProgramApplicationOnThePagesNamingTheMinistryRepresentative()
            throws Exception { // R7, R10
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        OrganizationId startup = fixtures.organization(OrganizationKind.STARTUP);
        BansoUser programOfficer = fixtures.user(ministry, Role.PROGRAM_OFFICER);
        BansoUser fundingOfficer = fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER);
        BansoUser representative = fixtures.user(ministry, Role.MINISTRY_OFFICIAL);
        BansoUser researcher = fixtures.user(startup, Role.RESEARCHER);
        FundId fund = funding.createFund(ApiAccounts.unique("画面K基金 "), Program.K_PROGRAM, programOfficer).id();
        funding.record(fund, EntryKind.APPROPRIATION, 100_000_000L, "", programOfficer);
        var technology = fixtures.technology();
        MockHttpSession officer = signIn(fundingOfficer);
        mvc.perform(get("/calls").session(officer).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open a call for proposals")));
        java.time.LocalDateTime today = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Tokyo"))
                .withSecond(0).withNano(0);
        String callPage = mvc.perform(post("/calls").session(officer).with(csrf())
                        .param("title", "画面から開始した公募").param("fundId", fund.toString())
                        .param("type", "PROJECT").param("technologyIds", technology.toString())
                        .param("opensAt", today.minusDays(1).toString()).param("closesAt", today.plusDays(30).toString())
                        .param("budgetCap", "50000000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("saved"))
                .andReturn().getResponse().getRedirectedUrl();
        org.assertj.core.api.Assertions.assertThat(callPage).startsWith("/calls/");
        UUID call = UUID.fromString(callPage.substring("/calls/".length()));
        org.assertj.core.api.Assertions.assertThat(calls.call(call, fundingOfficer).open()).isTrue();

        UUID application = calls.apply(call, new Calls.NewApplication("画面から採択する課題", "90050426",
                "0000-0002-1825-0097", List.of(), 1_000_000L,
                new Calls.OpenClosePlan("試料の作製条件", "協議会の外の者", 24, "製造ノウハウ")), researcher).id();
        mvc.perform(get("/applications/" + application).session(officer).param("lang", "ja"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所管省庁の代表者")))
                // people and organizations are chosen by name: the representative's name is offered, never typed
                .andExpect(content().string(containsString(representative.displayName())));
        // without a representative: refused on the page, nothing awarded
        mvc.perform(post("/applications/" + application + "/award").session(officer).with(csrf())
                        .param("technologyId", technology.toString()).param("organizationIds", startup.toString())
                        .param("competentMinistryId", ministry.toString())
                        .param("socialImplementationLeadId", startup.toString())
                        .param("socialImplementationPlan", "新興企業が製品化").param("confirmed", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("href=\"#representativeId\"")))
                .andExpect(content().string(containsString("新興企業が製品化")));
        org.assertj.core.api.Assertions.assertThat(calls.application(application, fundingOfficer).status())
                .isEqualTo(org.banso.funding.Calls.ApplicationStatus.SUBMITTED);
        // the confirmation names the application, the ministry's representative and what cannot be undone
        mvc.perform(post("/applications/" + application + "/award").session(officer).with(csrf())
                        .param("lang", "ja")
                        .param("technologyId", technology.toString()).param("organizationIds", startup.toString())
                        .param("competentMinistryId", ministry.toString())
                        .param("representativeId", representative.id().toString())
                        .param("socialImplementationLeadId", startup.toString())
                        .param("socialImplementationPlan", "新興企業が製品化"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("画面から採択する課題")))
                .andExpect(content().string(containsString(representative.displayName())))
                .andExpect(content().string(containsString("採択は取り消せず")));
        org.assertj.core.api.Assertions.assertThat(calls.application(application, fundingOfficer).status())
                .as("nothing is awarded before the confirmation").isEqualTo(org.banso.funding.Calls.ApplicationStatus.SUBMITTED);
        String projectPage = mvc.perform(post("/applications/" + application + "/award").session(officer)
                        .with(csrf())
                        .param("technologyId", technology.toString()).param("organizationIds", startup.toString())
                        .param("competentMinistryId", ministry.toString())
                        .param("representativeId", representative.id().toString())
                        .param("socialImplementationLeadId", startup.toString())
                        .param("socialImplementationPlan", "新興企業が製品化").param("confirmed", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        org.assertj.core.api.Assertions.assertThat(projectPage).startsWith("/projects/");
        mvc.perform(get(projectPage).session(officer).param("lang", "ja"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("設置提案中")))
                .andExpect(content().string(containsString("新興企業が製品化")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/councils/"))));
        // the representative may see the council, so their project page links to it
        mvc.perform(get(projectPage).session(signIn(representative)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/councils/")))
                .andExpect(content().string(containsString("Open the council")));
    }

    @Test
    void theLedgerIsDownloadedFromTheFundPageAsCsvAndXlsx() throws Exception { // R2
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        BansoUser officer = fixtures.user(fixtures.organization(OrganizationKind.MINISTRY), Role.PROGRAM_OFFICER);
        FundId fund = funding.createFund(ApiAccounts.unique("画面基金 "), Program.OTHER, officer).id();
        funding.record(fund, EntryKind.APPROPRIATION, 7_000L, "出力試験", officer);
        MockHttpSession session = signIn(officer);
        mvc.perform(get("/funds/" + fund).session(session))
                .andExpect(content().string(containsString("/funds/" + fund + "/ledger.xlsx")));
        mvc.perform(get("/funds/" + fund + "/ledger.csv").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("出力試験")));
        byte[] xlsx = mvc.perform(get("/funds/" + fund + "/ledger.xlsx").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            org.assertj.core.api.Assertions.assertThat(workbook.getSheet("ledger").getRow(1).getCell(4)
                    .getNumericCellValue()).isEqualTo(7_000d);
        }
    }

    private MockHttpSession signIn(BansoUser user) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", user.username())
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }
}
