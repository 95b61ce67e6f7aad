package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.banso.council.ConsentDecision;
import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.council.Invitations;
import org.banso.council.MaterialRequestId;
import org.banso.council.MaterialRequests;
import org.banso.council.Matter;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.Pledges;
import org.banso.council.ProposalId;
import org.banso.council.Proposals;
import org.banso.funding.Calls;
import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.FundingFixtures;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.Program;
import org.banso.funding.ProjectId;
import org.banso.guideline.GuidelineModel.MeasureKind;
import org.banso.guideline.GuidelineModel.NewMeasure;
import org.banso.guideline.GuidelineModel.NewVersion;
import org.banso.guideline.Guidelines;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.information.InformationItems;
import org.banso.information.ItemCategory;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.thinktank.Commissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 17: every page form, sent once with every required field left empty or wrong, comes back for correction —
 * 422 with the form, what was typed still there, the error summary linking to each field, the messages in the page's
 * language (Japanese on a Japanese page, English on an English one), no stack trace — and changes nothing in the
 * database (a checksum of every business table before and after).
 * <p>
 * The forms are enumerated from the application's page handlers ({@code POST} mappings of {@code @Controller}s): a new
 * one that is neither submitted here nor a button without fields fails the test.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class EveryFormTest {

    /** Page forms submitted below with invalid values. */
    private static final Set<String> SUBMITTED = Set.of("/funds", "/funds/{id}/ledger",
            "/projects/{id}/disbursements", "/calls", "/calls/{id}/applications", "/applications/{id}/declarations",
            "/applications/{id}/reviews", "/applications/{id}/award", "/admin/organizations", "/admin/users",
            "/account/password", "/technologies", "/technologies/{id}/assessments", "/guidelines",
            "/guidelines/{id}/sections", "/guidelines/{id}/measures", "/guidelines/measures/{measureId}/status",
            "/thinktank/rankings", "/thinktank/entities", "/thinktank/commissions",
            "/thinktank/commissions/{id}/deliverables/{deliverableId}/submission", "/leaks",
            "/leaks/{id}/investigations", "/leaks/{id}/decision", "/leaks/trace",
            "/account/second-factor/totp/confirm",
            // the council pages (#17, formsc)
            "/councils/{id}/proposals", "/proposals/{id}/amend", "/settings/notifications",
            "/councils/{id}/invitations", "/councils/{id}/pledges", "/councils",
            // the remaining council pages (#17, formsd): consent, answers, discussion, registration by invitation,
            // follow-up, uploads
            "/councils/{id}/consents", "/proposals/{id}/responses", "/proposals/{id}/questions",
            "/invitations/{token}/register", "/councils/{id}/meetings", "/councils/{id}/tasks",
            "/councils/{id}/material-requests", "/material-requests/{requestId}/answer", "/councils/{id}/items",
            "/items/{id}/versions");

    /**
     * Buttons without an input field: nothing to type wrong. The irreversible ones ask for confirmation first, tested
     * with their pages (FundingPagesTest, TechnologyPagesTest, AdminPagesTest, SafeCouncilActionsPagesTest).
     */
    private static final Set<String> WITHOUT_FIELDS = Set.of("/projects/{id}/activate",
            "/technologies/{id}/designate", "/technologies/{id}/retire", "/admin/users/{id}/enabled",
            "/audit/verify", "/items/{id}/publish", "/guidelines/{id}/enforce", "/tasks/{taskId}/done",
            "/councils/{id}/establish", "/councils/{id}/pledges/revoke",
            "/councils/{id}/participants/{participantId}/leave", "/councils/{id}/invitations/{invitationId}/revoke",
            "/invitations/{token}/accept", "/proposals/{id}/withdraw",
            // #16: mark all read, retry one outbox mail, and the award's invitation list (ticks on the proposed list)
            "/notifications/read-all", "/admin/outbox/{id}/retry", "/projects/{id}/invitations",
            // the account pages of #18: starting an app's set-up, and the irreversible changes asked first
            // (AccountConfirmationsTest)
            "/account/second-factor/totp", "/account/oidc/{id}/unlink", "/account/passkeys/{id}/revoke",
            "/account/second-factor/recovery-codes", "/account/second-factor/totp/remove",
            "/account/sessions/end-all", "/account/sessions/{id}/end");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Funding funding;
    @Autowired
    Calls calls;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;
    @Autowired
    Guidelines guidelines;
    @Autowired
    Commissions commissions;
    @Autowired
    Councils councils;
    @Autowired
    Pledges pledges;
    @Autowired
    Proposals proposals;
    @Autowired
    Invitations invitations;
    @Autowired
    MaterialRequests materials;
    @Autowired
    InformationItems items;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    FundingFixtures fixtures;
    MockHttpSession programOfficer;
    MockHttpSession fundingOfficer;
    MockHttpSession researcher;
    MockHttpSession reviewer;
    MockHttpSession admin;
    MockHttpSession auditor;
    String leakReport;
    FundId fund;
    UUID call;
    UUID application;
    UUID scoredApplication;
    ProjectId project;
    TechnologyId technology;
    UUID draft;
    UUID measure;
    Commissions.Commission commission;
    MockHttpSession ministryOfficial;
    CouncilId council;
    CouncilId unsignedCouncil;
    ProposalId proposal;
    CouncilId consentCouncil;
    String invitationToken;
    MaterialRequestId materialRequest;
    UUID item;

    @BeforeEach
    void world() throws Exception {
        java.sql.Timestamp started = jdbc.sql("select clock_timestamp()").query(java.sql.Timestamp.class).single();
        fixtures = new FundingFixtures(identity, technologies);
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        OrganizationId company = fixtures.organization(OrganizationKind.COMPANY);
        BansoUser officer = fixtures.user(ministry, Role.PROGRAM_OFFICER);
        BansoUser funder = fixtures.user(fixtures.organization(OrganizationKind.FUNDING_AGENCY),
                Role.FUNDING_OFFICER);
        BansoUser applicant = fixtures.user(company, Role.RESEARCHER);
        BansoUser analyst = fixtures.user(fixtures.organization(OrganizationKind.THINK_TANK), Role.ANALYST);
        fund = funding.createFund(ApiAccounts.unique("フォーム基金 "), Program.OTHER, officer).id();
        funding.record(fund, EntryKind.APPROPRIATION, 10_000_000L, "", officer);
        technology = fixtures.technology();
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).withSecond(0).withNano(0);
        call = calls.openCall(new Calls.NewCall(fund, ApiAccounts.unique("フォーム公募 "), Calls.CallType.PROJECT,
                List.of(technology), now.minusDays(1).atZone(ZoneId.of("Asia/Tokyo")).toInstant(),
                now.plusDays(30).atZone(ZoneId.of("Asia/Tokyo")).toInstant(), 5_000_000L), funder).id();
        application = calls.apply(call, new Calls.NewApplication("フォームの応募", "90050426",
                "0000-0002-1825-0097", List.of(), 1_000_000L,
                new Calls.OpenClosePlan("試料の作製条件", "協議会の外の者", 24, "製造ノウハウ")), applicant).id();
        BansoUser second = fixtures.user(company, Role.RESEARCHER);
        scoredApplication = calls.apply(call, new Calls.NewApplication("フォームの評価済み応募", "90050426",
                "0000-0002-1825-0097", List.of(), 1_000_000L,
                new Calls.OpenClosePlan("試料の作製条件", "協議会の外の者", 24, "製造ノウハウ")), second).id();
        calls.declare(scoredApplication, false, "", analyst);
        project = funding.award(new Funding.NewProject("フォームの課題", Program.OTHER, fund, technology,
                applicant.id(), List.of(company), 500L, ministry, null, company, "企業が製品化する", null), funder).id();
        draft = guidelines.draft(new NewVersion(ApiAccounts.unique("フォームの指針 "), "Form guideline", null),
                officer).id();
        measure = guidelines.addMeasure(draft, new NewMeasure(MeasureKind.FUNDING, "フォームの支援策", "Form measure",
                "", "", ministry, List.of()), officer).id();
        UUID entity = commissions.registerEntity(new Commissions.EntityRequest(analyst.organizationId(), "動向分析",
                "情報の結節点", "人材育成", Instant.parse("2026-01-05T00:00:00Z")), officer).id();
        commission = commissions.commission(new Commissions.CommissionRequest(entity, "フォームの委託", List.of(),
                LocalDate.of(2026, 4, 1), LocalDate.of(2029, 3, 31),
                // due far ahead: a due or overdue deliverable is reminded of by a scheduled job, at any moment
                List.of(new Commissions.DeliverableRequest("フォームの成果物", LocalDate.of(2029, 3, 31)))), officer);
        programOfficer = signIn(officer);
        fundingOfficer = signIn(funder);
        researcher = signIn(applicant);
        reviewer = signIn(analyst);
        BansoUser official = fixtures.user(ministry, Role.MINISTRY_OFFICIAL);
        council = councils.propose(new Councils.NewCouncil(ApiAccounts.unique("フォーム協議会 "), ministry, List.of(),
                List.of(applicant.id())), official).id();
        councils.recordConsent(council, ConsentDecision.CONSENT, applicant);
        councils.establish(council, official);
        pledges.sign(council, "ja", official);
        proposal = proposals.propose(council, new Proposals.NewProposal(Matter.PROMOTION, "フォームの議案", "本文", null,
                null, null, null), official).id();
        unsignedCouncil = councils.propose(new Councils.NewCouncil(ApiAccounts.unique("誓約前の協議会 "), ministry,
                List.of(), List.of(applicant.id())), official).id();
        councils.recordConsent(unsignedCouncil, ConsentDecision.CONSENT, applicant);
        councils.establish(unsignedCouncil, official);
        ministryOfficial = signIn(official);
        // a council still asking the researcher's consent (R5)
        consentCouncil = councils.propose(new Councils.NewCouncil(ApiAccounts.unique("同意待ちの協議会 "), ministry,
                List.of(), List.of(applicant.id())), official).id();
        // a link for a newcomer (R13), a material request to the official's own ministry (R11), an item (R17)
        invitationToken = invitations.invite(council, ParticipantRole.STARTUP, null, null, official).token();
        ParticipantId competent = councils.council(council, official).participants().stream()
                .filter(p -> p.role() == ParticipantRole.COMPETENT_MINISTRY).findFirst().orElseThrow().id();
        materialRequest = materials.request(council, new MaterialRequests.NewMaterialRequest(competent,
                "フォームの資料依頼", null, LocalDate.of(2029, 3, 31)), official).id();
        item = items.upload(council, new InformationItems.NewItem("フォームの情報", ItemCategory.REPORT, null),
                new InformationItems.Upload("memo.txt", new java.io.ByteArrayInputStream(
                        "フォームの本文".getBytes(StandardCharsets.UTF_8))), official).id().value();
        mvc.perform(post("/account/second-factor/totp").session(researcher).with(csrf()));
        auditor = signIn(fixtures.user(ministry, Role.AUDITOR));
        leakReport = mvc.perform(post("/leaks").session(auditor).with(csrf()).param("description", "フォームの漏えい報告"))
                .andReturn().getResponse().getRedirectedUrl();
        admin = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", "admin")
                .param("password", ApiAccounts.ADMIN_PASSWORD)).andReturn().getRequest().getSession();
        // the setup's own events (the commission's and the report's notifications…) are handled after their commit on
        // other threads: wait for them, bounded, so that the checksums see only what the forms do
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && jdbc.sql("""
                        select count(*) from event_publication where publication_date >= ? and completion_date is null""")
                .param(started).query(Long.class).single() > 0) {
            Thread.sleep(100);
        }
    }

    @Test
    void everyPageFormIsSubmittedHereOrIsAFieldlessButtonOrIsListedAsNotYetBound() {
        Set<String> forms = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            Class<?> type = method.getBeanType();
            if (AnnotatedElementUtils.hasAnnotation(type, Controller.class)
                    && !AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)
                    && !AnnotatedElementUtils.hasAnnotation(method.getMethod(), ResponseBody.class)
                    && info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                forms.addAll(info.getPatternValues());
            }
        });
        Set<String> known = new TreeSet<>(SUBMITTED);
        known.addAll(WITHOUT_FIELDS);
        Set<String> unknown = new TreeSet<>(forms);
        unknown.removeAll(known);
        assertThat(unknown).as("page forms this test does not know: submit them in invalidSubmissions()").isEmpty();
        Set<String> gone = new TreeSet<>(known);
        gone.removeAll(forms);
        assertThat(gone).as("forms listed here that the application no longer has").isEmpty();
        assertThat(SUBMITTED).doesNotContainAnyElementsOf(WITHOUT_FIELDS);
    }

    /**
     * One invalid submission of a form: where, by whom, the values, the wrong fields (in the order of the page) and a
     * value that must come back.
     */
    record Submission(String mapping, String path, MockHttpSession session, Map<String, String> values,
                      List<String> wrongFields, String kept) {
    }

    List<Submission> invalidSubmissions() {
        List<Submission> all = new ArrayList<>();
        all.add(new Submission("/funds", "/funds", programOfficer,
                Map.of("name", " ", "program", "NO_SUCH_PROGRAM"), List.of("name", "program"), null));
        all.add(new Submission("/funds/{id}/ledger", "/funds/" + fund + "/ledger", programOfficer,
                Map.of("kind", "", "amount", "12万", "memo", "保持される摘要"), List.of("kind", "amount"),
                "保持される摘要"));
        all.add(new Submission("/projects/{id}/disbursements", "/projects/" + project + "/disbursements",
                fundingOfficer, Map.of("amount", "-5", "memo", "保持される支出の摘要"), List.of("amount"),
                "保持される支出の摘要"));
        all.add(new Submission("/calls", "/calls", fundingOfficer,
                Map.of("title", "", "fundId", "", "type", "", "opensAt", "1999-01-01T00:00", "closesAt", "",
                        "budgetCap", "0"),
                List.of("title", "fundId", "type", "technologyIds", "opensAt", "closesAt", "budgetCap"),
                "1999-01-01T00:00"));
        all.add(new Submission("/calls/{id}/applications", "/calls/" + call + "/applications", researcher,
                Map.of("title", "保持される応募の題名", "eradNumber", "12", "orcid", "0000", "directCost", "",
                        "controlled", "", "fromWhom", "", "months", "0", "reason", ""),
                List.of("eradNumber", "orcid", "directCost", "controlled", "fromWhom", "months", "reason"),
                "保持される応募の題名"));
        all.add(new Submission("/applications/{id}/declarations", "/applications/" + application + "/declarations",
                reviewer, Map.of("conflictReason", "保持される申告の理由"), List.of("conflict"), "保持される申告の理由"));
        all.add(new Submission("/applications/{id}/reviews", "/applications/" + scoredApplication + "/reviews",
                reviewer, Map.of("score", "9", "comment", "保持される講評"), List.of("score"), "保持される講評"));
        all.add(new Submission("/applications/{id}/award", "/applications/" + application + "/award",
                fundingOfficer, Map.of("socialImplementationPlan", "保持される社会実装の計画"),
                List.of("organizationIds", "competentMinistryId", "socialImplementationLeadId"),
                "保持される社会実装の計画"));
        all.add(new Submission("/admin/organizations", "/admin/organizations", admin,
                Map.of("name", "保持される組織名", "nameEn", " ", "kind", "NO_SUCH_KIND", "corporateNumber", "12"),
                List.of("nameEn", "kind", "corporateNumber"), "保持される組織名"));
        all.add(new Submission("/admin/users", "/admin/users", admin,
                Map.of("username", "", "displayName", "保持される氏名", "email", "", "organizationId", "x",
                        "password", ""),
                List.of("username", "email", "organizationId", "roles", "password"), "保持される氏名"));
        // passwords never come back: nothing typed is kept, but every wrong field is named
        all.add(new Submission("/account/password", "/account/password", researcher,
                Map.of("currentPassword", "", "newPassword", "", "confirmPassword", ""),
                List.of("currentPassword", "newPassword", "confirmPassword"), null));
        all.add(new Submission("/technologies", "/technologies", programOfficer,
                Map.of("code", "", "nameJa", "保持される技術名", "nameEn", "", "domain", "",
                        "description", "保持される概要"),
                List.of("code", "nameEn", "domain"), "保持される概要"));
        all.add(new Submission("/technologies/{id}/assessments", "/technologies/" + technology.value()
                + "/assessments", programOfficer,
                Map.of("japanStrengthScore", "9", "japanStrengthEvidence", "保持される根拠", "foreignRdStatusScore", "",
                        "socialNeedsScore", "x", "inputKind", "EXPERT", "inputReference", ""),
                List.of("japanStrengthScore", "foreignRdStatusScore", "foreignRdStatusEvidence", "socialNeedsScore",
                        "leakageRiskEvidence", "dependenceRiskScore", "inputReference"), "保持される根拠"));
        all.add(new Submission("/guidelines", "/guidelines", programOfficer,
                Map.of("titleJa", "保持される版の表題", "titleEn", " "), List.of("titleEn"), "保持される版の表題"));
        all.add(new Submission("/guidelines/{id}/sections", "/guidelines/" + draft + "/sections", programOfficer,
                Map.of("headingJa", "", "headingEn", "", "bodyJa", "保持される本文"), List.of("headingJa", "headingEn"),
                "保持される本文"));
        all.add(new Submission("/guidelines/{id}/measures", "/guidelines/" + draft + "/measures", programOfficer,
                Map.of("kind", "", "titleJa", "保持される支援策", "titleEn", "", "responsibleMinistryId", "",
                        "technologyIds", "not-an-id"),
                List.of("kind", "titleEn", "responsibleMinistryId", "technologyIds"), "保持される支援策"));
        all.add(new Submission("/guidelines/measures/{measureId}/status", "/guidelines/measures/" + measure
                + "/status", programOfficer, Map.of("status", "NO_SUCH_STATUS", "versionId", draft.toString()),
                List.of("status"), null));
        all.add(new Submission("/thinktank/rankings", "/thinktank/rankings", reviewer,
                Map.of("title", "", "year", "1999", "c01", "2", "label0", "保持される技術", "needs0", "6",
                        "risk0", "x"),
                List.of("title", "year", "c01", "needs0", "risk0"), "保持される技術"));
        all.add(new Submission("/thinktank/entities", "/thinktank/entities", programOfficer,
                Map.of("organizationId", "", "analysisCapability", "保持される分析能力",
                        "confidentialityAgreedAt", "1800-01-01"),
                List.of("organizationId", "confidentialityAgreedAt"), "保持される分析能力"));
        all.add(new Submission("/thinktank/commissions", "/thinktank/commissions", programOfficer,
                Map.of("entityId", "", "subject", "保持される件名", "periodStart", "", "periodEnd", "2026-13-01"),
                List.of("entityId", "periodStart", "periodEnd"), "保持される件名"));
        all.add(new Submission("/thinktank/commissions/{id}/deliverables/{deliverableId}/submission",
                "/thinktank/commissions/" + commission.id() + "/deliverables/"
                        + commission.deliverables().get(0).id() + "/submission", reviewer,
                Map.of("councilId", ""), List.of("councilId", "file"), null));
        // the item is picked, not typed (#17): a forged value is refused by its field; an over-long description is
        // refused and comes back as typed
        all.add(new Submission("/leaks", "/leaks", auditor,
                Map.of("itemId", "not-an-item", "description", "保持される説明".repeat(600)),
                List.of("itemId", "description"), "保持される説明"));
        all.add(new Submission("/leaks/{id}/investigations", leakReport + "/investigations", auditor,
                Map.of("fingerprint", "xyz", "note", "保持されるメモ"), List.of("fingerprint"), "保持されるメモ"));
        all.add(new Submission("/leaks/{id}/decision", leakReport + "/decision", auditor,
                Map.of("penalty", "", "amountYen", "12万", "rationale", ""), List.of("penalty", "amountYen", "rationale"),
                "12万"));
        all.add(new Submission("/leaks/trace", "/leaks/trace", auditor, Map.of("text", ""), List.of("file"), null));
        all.add(new Submission("/account/second-factor/totp/confirm", "/account/second-factor/totp/confirm",
                researcher, Map.of("code", "12ab"), List.of("code"), "12ab"));
        all.add(new Submission("/councils/{id}/proposals", "/councils/" + council.value() + "/proposals",
                ministryOfficial, Map.of("matter", "", "title", " ", "body", "保持される議案の本文",
                        "reviewWindowDays", "0"),
                List.of("matter", "title", "reviewWindowDays"), "保持される議案の本文"));
        all.add(new Submission("/proposals/{id}/amend", "/proposals/" + proposal.value() + "/amend",
                ministryOfficial, Map.of("matter", "PROMOTION", "title", "保持される修正の題名", "body", ""),
                List.of("body"), "保持される修正の題名"));
        all.add(new Submission("/councils/{id}/invitations", "/councils/" + council.value() + "/invitations",
                ministryOfficial, Map.of("role", "", "inviteeName", "保持される招待者", "inviteeEmail", "not-an-address",
                        "inviteeLanguage", "ja", "expiresOn", ""),
                List.of("role", "inviteeEmail", "expiresOn"), "保持される招待者"));
        all.add(new Submission("/councils/{id}/pledges", "/councils/" + unsignedCouncil.value() + "/pledges",
                ministryOfficial, Map.of("language", "ja"), List.of("accept"), null));
        all.add(new Submission("/councils", "/councils", ministryOfficial,
                Map.of("name", " ", "consenters", "kept_no_such_user"), List.of("name", "consenters"),
                "kept_no_such_user"));
        all.add(new Submission("/settings/notifications", "/settings/notifications", ministryOfficial,
                Map.of("language", "fr"), List.of("language"), null));
        // the remaining council pages (formsd)
        all.add(new Submission("/councils/{id}/consents", "/councils/" + consentCouncil.value() + "/consents",
                researcher, Map.of("decision", ""), List.of("decision"), null));
        all.add(new Submission("/proposals/{id}/responses", "/proposals/" + proposal.value() + "/responses",
                ministryOfficial, Map.of("response", "OBJECT", "reason", " "), List.of("reason"), null));
        all.add(new Submission("/proposals/{id}/questions", "/proposals/" + proposal.value() + "/questions",
                ministryOfficial, Map.of("text", " "), List.of("text"), null));
        all.add(new Submission("/invitations/{token}/register", "/invitations/" + invitationToken + "/register",
                new MockHttpSession(), Map.of("name", "保持される組織名", "nameEn", " ", "kind", "",
                        "corporateNumber", "12", "username", "", "displayName", "", "email", "not-an-address",
                        "password", ""),
                List.of("nameEn", "kind", "corporateNumber", "username", "displayName", "email", "password"),
                "保持される組織名"));
        all.add(new Submission("/councils/{id}/meetings", "/councils/" + council.value() + "/meetings",
                ministryOfficial, Map.of("meetingTitle", " ", "startsAt", "", "endsAt", "", "place", "保持される会場"),
                List.of("meetingTitle", "startsAt", "endsAt"), "保持される会場"));
        all.add(new Submission("/councils/{id}/tasks", "/councils/" + council.value() + "/tasks", ministryOfficial,
                Map.of("taskKind", "", "proposalId", "", "taskTitle", "", "taskDue", ""),
                List.of("taskKind", "taskTitle", "taskDue"), null));
        all.add(new Submission("/councils/{id}/material-requests", "/councils/" + council.value()
                + "/material-requests", ministryOfficial,
                Map.of("addresseeParticipantId", "", "materialTitle", "保持される資料名", "materialDue", ""),
                List.of("addresseeParticipantId", "materialDue"), "保持される資料名"));
        all.add(new Submission("/material-requests/{requestId}/answer", "/material-requests/"
                + materialRequest.value() + "/answer", ministryOfficial,
                Map.of("council", council.value().toString(), "action", "decline", "reason", " "),
                List.of("reason"), null));
        all.add(new Submission("/councils/{id}/items", "/councils/" + council.value() + "/items", ministryOfficial,
                Map.of("title", " ", "category", ""), List.of("title", "category", "file"), null));
        all.add(new Submission("/items/{id}/versions", "/items/" + item + "/versions", ministryOfficial, Map.of(),
                List.of("file"), null));
        return all;
    }

    @Test
    void everyBoundFormComesBackWithWhatWasTypedAndMessagesInThePageLanguageAndChangesNothing() throws Exception {
        List<Submission> submissions = invalidSubmissions();
        assertThat(submissions.stream().map(Submission::mapping).toList()).containsExactlyInAnyOrderElementsOf(
                SUBMITTED);
        for (Submission s : submissions) {
            assertSentBackForCorrection(s);
        }
    }

    /**
     * Issue 17: a typed field (a date, a number, a choice of a list, an id) sent a value that does not convert comes
     * back as the form with that field's message — never a 500, never a form the handler cannot read. Every page form
     * with such a field (found from the handlers' form records) is sent one here.
     */
    @Test
    void aValueThatDoesNotConvertComesBackAsTheFormWithTheFieldsMessage() throws Exception {
        List<Submission> submissions = conversionFailures();
        assertThat(submissions.stream().map(Submission::mapping).toList())
                .containsExactlyInAnyOrderElementsOf(formsWithTypedFields());
        for (Submission s : submissions) {
            assertSentBackForCorrection(s);
        }
    }

    /** The forms whose record has a field that is not text: each can be sent a value that does not convert. */
    private Set<String> formsWithTypedFields() {
        Set<String> forms = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)
                    || !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Controller.class)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)) {
                return;
            }
            for (org.springframework.core.MethodParameter parameter : method.getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.ModelAttribute.class)
                        && type.isRecord() && java.util.Arrays.stream(type.getRecordComponents())
                        .anyMatch(c -> typed(c.getGenericType()))) {
                    forms.addAll(info.getPatternValues());
                }
            }
        });
        return forms;
    }

    /** Not text: a date, a number, a yes/no, an enum, an id, or a list of them (a file is no typed value). */
    private static boolean typed(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) {
            return c != String.class && !org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(c);
        }
        return type instanceof java.lang.reflect.ParameterizedType p
                && java.util.Arrays.stream(p.getActualTypeArguments()).anyMatch(EveryFormTest::typed);
    }

    /** One submission per form with a typed field, each such field sent what does not convert. */
    List<Submission> conversionFailures() {
        List<Submission> all = new ArrayList<>();
        all.add(new Submission("/funds", "/funds", programOfficer,
                Map.of("name", "保持される基金名", "program", "K-PROGRAM"), List.of("program"), "保持される基金名"));
        all.add(new Submission("/funds/{id}/ledger", "/funds/" + fund + "/ledger", programOfficer,
                Map.of("kind", "DEPOSIT", "amount", "abc"), List.of("kind", "amount"), "abc"));
        all.add(new Submission("/projects/{id}/disbursements", "/projects/" + project + "/disbursements",
                fundingOfficer, Map.of("amount", "1e5"), List.of("amount"), "1e5"));
        all.add(new Submission("/calls", "/calls", fundingOfficer,
                Map.of("title", "保持される公募名", "fundId", "not-an-id", "type", "GRANT", "technologyIds", "x",
                        "opensAt", "abc", "closesAt", "2026-02-30T10:00", "budgetCap", "1,000"),
                List.of("fundId", "type", "technologyIds", "opensAt", "closesAt", "budgetCap"), "保持される公募名"));
        all.add(new Submission("/calls/{id}/applications", "/calls/" + call + "/applications", researcher,
                Map.of("title", "保持される応募の題名", "directCost", "百万", "months", "twelve"),
                List.of("directCost", "months"), "百万"));
        all.add(new Submission("/applications/{id}/declarations", "/applications/" + application + "/declarations",
                reviewer, Map.of("conflict", "maybe", "conflictReason", "保持される申告の理由"), List.of("conflict"),
                "保持される申告の理由"));
        all.add(new Submission("/applications/{id}/reviews", "/applications/" + scoredApplication + "/reviews",
                reviewer, Map.of("score", "five", "comment", "保持される講評"), List.of("score"), "保持される講評"));
        all.add(new Submission("/applications/{id}/award", "/applications/" + application + "/award",
                fundingOfficer, Map.of("organizationIds", "x", "competentMinistryId", "y",
                        "socialImplementationLeadId", "z", "socialImplementationPlan", "保持される社会実装の計画"),
                List.of("organizationIds", "competentMinistryId", "socialImplementationLeadId"),
                "保持される社会実装の計画"));
        all.add(new Submission("/admin/organizations", "/admin/organizations", admin,
                Map.of("name", "保持される組織名", "nameEn", "Kept", "kind", "GUILD"), List.of("kind"), "保持される組織名"));
        all.add(new Submission("/admin/users", "/admin/users", admin,
                Map.of("displayName", "保持される氏名", "organizationId", "x", "roles", "KING"),
                List.of("organizationId", "roles"), "保持される氏名"));
        all.add(new Submission("/technologies/{id}/assessments", "/technologies/" + technology.value()
                + "/assessments", programOfficer,
                Map.of("japanStrengthScore", "五", "japanStrengthEvidence", "保持される根拠", "inputKind", "GUESS"),
                List.of("japanStrengthScore", "inputKind"), "保持される根拠"));
        all.add(new Submission("/guidelines", "/guidelines", programOfficer,
                Map.of("titleJa", "保持される版の表題", "titleEn", "Kept", "basedOnId", "x"), List.of("basedOnId"),
                "保持される版の表題"));
        all.add(new Submission("/guidelines/{id}/measures", "/guidelines/" + draft + "/measures", programOfficer,
                Map.of("kind", "BONUS", "titleJa", "保持される支援策", "titleEn", "Kept", "responsibleMinistryId", "y",
                        "technologyIds", "z"),
                List.of("kind", "responsibleMinistryId", "technologyIds"), "保持される支援策"));
        all.add(new Submission("/guidelines/measures/{measureId}/status", "/guidelines/measures/" + measure
                + "/status", programOfficer, Map.of("status", "FINISHED", "versionId", draft.toString()),
                List.of("status"), null));
        all.add(new Submission("/thinktank/rankings", "/thinktank/rankings", reviewer,
                Map.of("title", "保持される順位付け", "year", "二〇一五", "label0", "保持される技術", "needs0", "high"),
                List.of("year", "needs0"), "二〇一五"));
        all.add(new Submission("/thinktank/entities", "/thinktank/entities", programOfficer,
                Map.of("organizationId", "x", "analysisCapability", "保持される分析能力",
                        "confidentialityAgreedAt", "2026/01/05"),
                List.of("organizationId", "confidentialityAgreedAt"), "2026/01/05"));
        all.add(new Submission("/thinktank/commissions", "/thinktank/commissions", programOfficer,
                Map.of("entityId", "x", "subject", "保持される件名", "periodStart", "April", "periodEnd", "2029-02-30",
                        "deliverableDue", "abc"),
                List.of("entityId", "periodStart", "periodEnd", "deliverableDue"), "April"));
        all.add(new Submission("/thinktank/commissions/{id}/deliverables/{deliverableId}/submission",
                "/thinktank/commissions/" + commission.id() + "/deliverables/"
                        + commission.deliverables().get(0).id() + "/submission", reviewer,
                Map.of("councilId", "x"), List.of("councilId"), null));
        all.add(new Submission("/leaks/{id}/decision", leakReport + "/decision", auditor,
                Map.of("penalty", "", "amountYen", "12万", "termMonths", "one", "rationale", "保持される理由"),
                List.of("penalty", "amountYen", "termMonths"), "保持される理由"));
        all.add(new Submission("/councils/{id}/proposals", "/councils/" + council.value() + "/proposals",
                ministryOfficial, Map.of("matter", "OTHER", "title", "保持される議案の題名", "body", "本文",
                        "deadlineDate", "abc", "reviewWindowDays", "ten"),
                List.of("matter", "deadlineDate", "reviewWindowDays"), "保持される議案の題名"));
        all.add(new Submission("/proposals/{id}/amend", "/proposals/" + proposal.value() + "/amend",
                ministryOfficial, Map.of("matter", "PROMOTION", "title", "保持される修正の題名", "body", "本文",
                        "deadlineDate", "2026-02-30"),
                List.of("deadlineDate"), "保持される修正の題名"));
        all.add(new Submission("/councils/{id}/invitations", "/councils/" + council.value() + "/invitations",
                ministryOfficial, Map.of("role", "KING", "inviteeName", "保持される招待者", "inviteeLanguage", "ja",
                        "expiresOn", "next week"),
                List.of("role", "expiresOn"), "保持される招待者"));
        all.add(new Submission("/councils/{id}/pledges", "/councils/" + unsignedCouncil.value() + "/pledges",
                ministryOfficial, Map.of("accept", "maybe", "language", "ja"), List.of("accept"), null));
        all.add(new Submission("/councils/{id}/consents", "/councils/" + consentCouncil.value() + "/consents",
                researcher, Map.of("decision", "MAYBE"), List.of("decision"), null));
        all.add(new Submission("/proposals/{id}/responses", "/proposals/" + proposal.value() + "/responses",
                ministryOfficial, Map.of("response", "MAYBE", "reason", "保持される回答の理由"), List.of("response"),
                "保持される回答の理由"));
        all.add(new Submission("/invitations/{token}/register", "/invitations/" + invitationToken + "/register",
                new MockHttpSession(), Map.of("name", "保持される組織名", "kind", "GUILD"), List.of("kind"),
                "保持される組織名"));
        all.add(new Submission("/councils/{id}/meetings", "/councils/" + council.value() + "/meetings",
                ministryOfficial, Map.of("meetingTitle", "保持される会議名", "startsAt", "tomorrow",
                        "endsAt", "2026-12-10T25:00", "agendaMatter1", "OTHER", "agendaTitle1", "保持される議題"),
                List.of("startsAt", "endsAt", "agendaMatter1"), "保持される会議名"));
        all.add(new Submission("/councils/{id}/tasks", "/councils/" + council.value() + "/tasks", ministryOfficial,
                Map.of("taskKind", "CHORE", "assigneeParticipantId", "x", "taskTitle", "保持される取組",
                        "taskDue", "abc"),
                List.of("taskKind", "assigneeParticipantId", "taskDue"), "保持される取組"));
        all.add(new Submission("/councils/{id}/material-requests", "/councils/" + council.value()
                + "/material-requests", ministryOfficial,
                Map.of("addresseeParticipantId", "x", "materialTitle", "保持される資料名", "materialDue", "abc"),
                List.of("addresseeParticipantId", "materialDue"), "保持される資料名"));
        all.add(new Submission("/material-requests/{requestId}/answer", "/material-requests/"
                + materialRequest.value() + "/answer", ministryOfficial,
                Map.of("council", council.value().toString(), "action", "fulfil", "itemIds", "abc"),
                List.of("itemIds"), null));
        all.add(new Submission("/councils/{id}/items", "/councils/" + council.value() + "/items", ministryOfficial,
                Map.of("title", "保持される件名", "category", "SECRET"), List.of("category", "file"), "保持される件名"));
        return all;
    }

    /**
     * Sends the form in Japanese and in English: 422 with the form, the error summary linking to each wrong field in
     * the page's order, each message beside its field, in the page's language, what was typed kept, no stack trace,
     * nothing changed in the database.
     */
    private void assertSentBackForCorrection(Submission s) throws Exception {
        // one checksum before both languages' submissions: the English one starts from the state the Japanese one
        // was just checked to have left unchanged (a checksum reads every business table of the suite's database)
        Map<String, String> before = checksums();
        for (String lang : List.of("ja", "en")) {
            MockHttpServletRequestBuilder request = post(s.path()).session(s.session()).with(csrf())
                    .param("lang", lang);
            s.values().forEach(request::param);
            MvcResult result = mvc.perform(request).andReturn();
            String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            String what = s.mapping() + " (" + lang + ")";
            assertThat(result.getResponse().getStatus()).as(what + "\n" + html).isEqualTo(422);
            assertThat(html).as(what).contains("id=\"error-summary\"")
                    .doesNotContain("Exception").doesNotContain("\tat org.");
            for (String field : s.wrongFields()) {
                assertThat(html).as(what + ": summary links to " + field).contains("href=\"#" + field + "\"");
                assertThat(html).as(what + ": message beside " + field).contains("id=\"" + field + "-error\"");
            }
            if (s.kept() != null) {
                assertThat(html).as(what + ": what was typed comes back").contains(s.kept());
            }
            String summary = html.substring(html.indexOf("id=\"error-summary\""),
                    html.indexOf("</div>", html.indexOf("id=\"error-summary\"")));
            List<Integer> positions = s.wrongFields().stream()
                    .map(field -> summary.indexOf("href=\"#" + field + "\"")).toList();
            assertThat(positions).as(what + ": the summary lists the fields in the page's order").isSorted();
            if ("ja".equals(lang)) {
                assertThat(summary).as(what).contains("入力内容に誤りがあります")
                        .doesNotContainPattern("must |is required|Enter |invalid");
            } else {
                assertThat(summary).as(what).containsPattern("There (is a problem|are \\d+ problems)")
                        .doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}]");
            }
            assertThat(checksums()).as(what + ": nothing changed in the database").isEqualTo(before);
        }
    }

    /**
     * A checksum of every business table (row count and a hash of the rows). The audit log, the event publication
     * registry and sessions are left out: reading a page may log an access decision, which is no change of data. So are
     * the scheduled jobs' locks ({@code shared_job_lock}): a job of the running application (outbox, reminders) may take
     * its lock between two checksums, which is no change the form made. Nor is a session record's {@code last_seen_at},
     * which a request writes at most once a minute ({@code banso.identity.session-seen-interval}): on a busy machine
     * the test runs longer than that, and the record's other columns still count. Nor is the sign-in throttle's state
     * ({@code identity_sign_in_*}: it counts anonymous posts, a newcomer's registration too).
     */
    private Map<String, String> checksums() {
        Map<String, String> sums = new TreeMap<>();
        for (String table : jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE'
                          and table_name not like 'audit%' and table_name not like '%event_publication%'
                          and table_name not like 'spring_session%' and table_name <> 'flyway_schema_history'
                          and table_name <> 'shared_job_lock' and table_name not like 'identity\\_sign\\_in\\_%'
                        order by table_name""").query(String.class).list()) {
            // a session's "last seen" time is touched by any request once a minute or so: no change a form made
            String row = "identity_session".equals(table) ? "(to_jsonb(t) - 'last_seen_at')::text" : "t::text";
            sums.put(table, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(" + row + "), '' order by "
                    + "md5(" + row + "))), '') from \"" + table + "\" t").query(String.class).single());
        }
        return sums;
    }

    private MockHttpSession signIn(BansoUser user) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", user.username())
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }
}
