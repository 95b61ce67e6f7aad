package org.banso.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banso.support.ApiAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Funds, the ledger (R2) and projects of another programme (R10) through the REST API. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class FundingApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    ApiAccounts accounts;
    FundingFixtures fixtures;
    String programOfficer;
    String fundingOfficer;

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        fixtures = new FundingFixtures(identity, technologies);
        programOfficer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        fundingOfficer = accounts.tokenFor("fo", "FUNDING_OFFICER");
    }

    @Test
    void appropriationsAreRecordedAndBalancesDerivedFromTheLedger() throws Exception { // R2
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 250_000_000_000L).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("APPROPRIATION"))
                .andExpect(jsonPath("$.debitAccount").value("AVAILABLE"))
                .andExpect(jsonPath("$.creditAccount").value("APPROPRIATIONS"));
        entry(fund, "APPROPRIATION", 250_000_000_000L).andExpect(status().isCreated());
        entry(fund, "RETURN", 1_000L).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/funds/" + fund + "/balance").header("Authorization", bearer(programOfficer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.appropriated").value(499_999_999_000L))
                .andExpect(jsonPath("$.allocated").value(0))
                .andExpect(jsonPath("$.disbursed").value(0))
                .andExpect(jsonPath("$.available").value(499_999_999_000L));
    }

    @Test
    void aReturnLargerThanWhatIsAvailableIsInsufficientFundsAndChangesNothing() throws Exception { // R2
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 100L).andExpect(status().isCreated());
        entry(fund, "RETURN", 101L).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/insufficient-funds"));
        assertThat(ledgerSize(fund)).isEqualTo(1);
    }

    @Test
    void amountsMustBePositiveIntegerYen() throws Exception { // R2
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 0L).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"));
        entry(fund, "APPROPRIATION", -5L).andExpect(status().isBadRequest());
        entry(fund, "DISBURSEMENT", 5L).andExpect(status().isBadRequest());
        assertThat(ledgerSize(fund)).isZero();
    }

    @Test
    void onlyAProgramOfficerCreatesFundsAndRecordsAppropriations() throws Exception { // R2
        mvc.perform(post("/api/v1/funds").header("Authorization", bearer(fundingOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", "基金", "program", "OTHER"))))
                .andExpect(status().isForbidden());
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 100L, fundingOfficer).andExpect(status().isForbidden());
        String researcher = accounts.tokenFor("re", "RESEARCHER");
        mvc.perform(get("/api/v1/funds/" + fund + "/balance").header("Authorization", bearer(researcher)))
                .andExpect(status().isForbidden());
    }

    @Test
    void ledgerEntriesAreNeverUpdatedOrDeleted() throws Exception { // R2
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 100L).andExpect(status().isCreated());
        assertThatThrownBy(() -> jdbc.sql("update funding_ledger_entry set amount = 1 where fund_id = ?")
                .param(UUID.fromString(fund)).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from funding_ledger_entry where fund_id = ?")
                .param(UUID.fromString(fund)).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("""
                update funding_ledger_line set balance_after = 0 where entry_seq in
                    (select seq from funding_ledger_entry where fund_id = ?)""")
                .param(UUID.fromString(fund)).update()).hasMessageContaining("append-only");
        assertThat(ledgerSize(fund)).isEqualTo(1);
    }

    @Test
    void aReversalIsANewEntryReferencingTheOriginalAndHappensOnce() throws Exception { // R2
        String fund = fund("OTHER");
        String original = id(entry(fund, "APPROPRIATION", 700L).andExpect(status().isCreated()));
        reverse(fund, original).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("REVERSAL"))
                .andExpect(jsonPath("$.reverses").value(original))
                .andExpect(jsonPath("$.debitAccount").value("APPROPRIATIONS"));
        reverse(fund, original).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/conflict"));
        mvc.perform(get("/api/v1/funds/" + fund + "/balance").header("Authorization", bearer(programOfficer)))
                .andExpect(jsonPath("$.appropriated").value(0))
                .andExpect(jsonPath("$.available").value(0));
        assertThat(ledgerSize(fund)).isEqualTo(2);
    }

    @Test
    void aReversalThatWouldOverdrawIsInsufficientFunds() throws Exception { // R2
        String fund = fund("OTHER");
        String appropriation = id(entry(fund, "APPROPRIATION", 1_000L));
        awardOther(fund, 600L).andExpect(status().isCreated());
        reverse(fund, appropriation).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/insufficient-funds"));
    }

    @Test
    void awardingAllocatesTheBudgetFromTheFundAndRecordsTheSocialImplementationLead() throws Exception { // R2, R10
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 1_000_000L);
        String project = id(awardOther(fund, 400_000L).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWARDED"))
                .andExpect(jsonPath("$.councilId").doesNotExist())
                .andExpect(jsonPath("$.socialImplementationPlan").value("二年目に需要省庁の実証に移す"))
                .andExpect(jsonPath("$.allocated").value(400_000)));
        mvc.perform(get("/api/v1/funds/" + fund + "/balance").header("Authorization", bearer(programOfficer)))
                .andExpect(jsonPath("$.appropriated").value(1_000_000))
                .andExpect(jsonPath("$.allocated").value(400_000))
                .andExpect(jsonPath("$.available").value(600_000));
        mvc.perform(get("/api/v1/funds/" + fund + "/ledger?kind=ALLOCATION").header("Authorization",
                        bearer(programOfficer)))
                .andExpect(jsonPath("$[0].projectId").value(project))
                .andExpect(jsonPath("$[0].amount").value(400_000));
    }

    @Test
    void aProjectWithoutSocialImplementationLeadIsRefused() throws Exception { // R10
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 1_000L);
        Map<String, Object> body = projectBody(fund, "OTHER", 100L);
        body.remove("socialImplementationLeadId");
        mvc.perform(post("/api/v1/projects").header("Authorization", bearer(fundingOfficer))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("socialImplementationLeadId"));
    }

    @Test
    void awardingMoreThanTheFundHoldsIsInsufficientFunds() throws Exception { // R2
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 1_000L);
        awardOther(fund, 1_001L).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/insufficient-funds"));
        assertThat(ledgerSize(fund)).isEqualTo(1);
    }

    @Test
    void disbursementsDrawOnTheProjectsAllocationAndNeverOverdrawIt() throws Exception { // R2
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 1_000L);
        String project = id(awardOther(fund, 500L));
        disburse(project, 100L).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/conflict"));
        mvc.perform(post("/api/v1/projects/" + project + "/activate").header("Authorization", bearer(fundingOfficer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        disburse(project, 300L).andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("DISBURSEMENT"));
        disburse(project, 201L).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/insufficient-funds"));
        disburse(project, 200L).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/funds/" + fund + "/balance").header("Authorization", bearer(programOfficer)))
                .andExpect(jsonPath("$.appropriated").value(1_000))
                .andExpect(jsonPath("$.allocated").value(500))
                .andExpect(jsonPath("$.disbursed").value(500))
                .andExpect(jsonPath("$.available").value(500));
    }

    @Test
    void theLedgerIsExportedAsCsvWithFormulasNeutralised() throws Exception { // R2
        String fund = fund("OTHER");
        mvc.perform(post("/api/v1/funds/" + fund + "/ledger").header("Authorization", bearer(programOfficer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("kind", "APPROPRIATION", "amount", 250_000_000_000L,
                        "memo", "=令和3年度補正予算"))));
        String csv = mvc.perform(get("/api/v1/funds/" + fund + "/ledger.csv").header("Authorization",
                        bearer(programOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFseq,id,recorded_at,kind,amount_yen")
                .contains(",APPROPRIATION,250000000000,AVAILABLE,APPROPRIATIONS,")
                .contains("'=令和3年度補正予算");
    }

    @Test
    void onlyAFundingOfficerAwardsActivatesAndDisburses() throws Exception { // R2, R7
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 1_000L);
        mvc.perform(post("/api/v1/projects").header("Authorization", bearer(programOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(projectBody(fund, "OTHER", 100L))))
                .andExpect(status().isForbidden());
        String project = id(awardOther(fund, 100L));
        mvc.perform(post("/api/v1/projects/" + project + "/activate").header("Authorization", bearer(programOfficer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/projects/" + project + "/disbursements").header("Authorization",
                        bearer(programOfficer)).contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1}"))
                .andExpect(status().isForbidden());
        assertThat(ledgerSize(fund)).isEqualTo(2);
    }

    @Test
    void aPrincipalInvestigatorSeesTheirOwnProjectAndOtherResearchersDoNot() throws Exception { // R10
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 1_000L);
        Map<String, Object> body = projectBody(fund, "OTHER", 100L);
        OrganizationId university = fixtures.organization(OrganizationKind.UNIVERSITY);
        var pi = fixtures.user(university, org.banso.identity.Role.RESEARCHER);
        body.put("principalInvestigatorId", pi.id().value());
        String project = id(mvc.perform(post("/api/v1/projects").header("Authorization", bearer(fundingOfficer))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))));
        String piToken = accounts.token(pi.username(), ApiAccounts.PASSWORD);
        mvc.perform(get("/api/v1/projects/" + project).header("Authorization", bearer(piToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.socialImplementationLeadId").isNotEmpty());
        String other = accounts.tokenFor("re", "RESEARCHER");
        mvc.perform(get("/api/v1/projects/" + project).header("Authorization", bearer(other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theLedgerIsExportedAsAnXlsxWorkbookWithAmountsAsNumbers() throws Exception { // R2
        String fund = fund("OTHER");
        entry(fund, "APPROPRIATION", 250_000_000_000L).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/funds/" + fund + "/ledger").header("Authorization", bearer(programOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("kind", "RETURN", "amount", 1_000L,
                                "memo", "=SUM(A1) <&> 返納"))))
                .andExpect(status().isCreated());
        byte[] xlsx = mvc.perform(get("/api/v1/funds/" + fund + "/ledger.xlsx").header("Authorization",
                        bearer(programOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            var sheet = workbook.getSheet("ledger");
            assertThat(sheet).isNotNull();
            var header = sheet.getRow(0);
            assertThat(java.util.stream.IntStream.range(0, header.getLastCellNum())
                    .mapToObj(i -> header.getCell(i).getStringCellValue()).toList())
                    .containsExactly("seq", "id", "recorded_at", "kind", "amount_yen", "debit", "credit",
                            "project_id", "reverses", "recorded_by", "memo");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            // newest first: the return, then the appropriation
            var returned = sheet.getRow(1);
            var appropriation = sheet.getRow(2);
            assertThat(returned.getCell(3).getStringCellValue()).isEqualTo("RETURN");
            assertThat(returned.getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(returned.getCell(4).getNumericCellValue()).isEqualTo(1_000d);
            assertThat(returned.getCell(10).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(returned.getCell(10).getStringCellValue()).isEqualTo("=SUM(A1) <&> 返納");
            assertThat(appropriation.getCell(3).getStringCellValue()).isEqualTo("APPROPRIATION");
            assertThat(appropriation.getCell(4).getCellType())
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat((long) appropriation.getCell(4).getNumericCellValue()).isEqualTo(250_000_000_000L);
            assertThat((long) appropriation.getCell(0).getNumericCellValue())
                    .isLessThan((long) returned.getCell(0).getNumericCellValue());
            assertThat(appropriation.getCell(10).getStringCellValue()).isEqualTo("試験");
            assertThat(appropriation.getCell(7).getStringCellValue()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private String fund(String program) throws Exception {
        return id(mvc.perform(post("/api/v1/funds").header("Authorization", bearer(programOfficer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", ApiAccounts.unique("基金 "),
                                "program", program))))
                .andExpect(status().isCreated()));
    }

    private ResultActions entry(String fund, String kind, long amount) throws Exception {
        return entry(fund, kind, amount, programOfficer);
    }

    private ResultActions entry(String fund, String kind, long amount, String token) throws Exception {
        return mvc.perform(post("/api/v1/funds/" + fund + "/ledger").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("kind", kind, "amount", amount, "memo", "試験"))));
    }

    private ResultActions reverse(String fund, String entry) throws Exception {
        return mvc.perform(post("/api/v1/funds/" + fund + "/ledger/" + entry + "/reversal")
                .header("Authorization", bearer(programOfficer)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"memo\":\"誤記の取消\"}"));
    }

    private ResultActions disburse(String project, long amount) throws Exception {
        return mvc.perform(post("/api/v1/projects/" + project + "/disbursements")
                .header("Authorization", bearer(fundingOfficer)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("amount", amount))));
    }

    private Map<String, Object> projectBody(String fund, String program, long budget) {
        OrganizationId ministry = fixtures.organization(OrganizationKind.MINISTRY);
        OrganizationId company = fixtures.organization(OrganizationKind.COMPANY);
        TechnologyId technology = fixtures.technology();
        UUID pi = fixtures.user(company, org.banso.identity.Role.RESEARCHER).id().value();
        Map<String, Object> body = new java.util.HashMap<>();
        body.putAll(Map.of("title", "量子センサの研究開発", "program", program, "fundId", fund,
                "technologyId", technology.value(), "principalInvestigatorId", pi,
                "organizationIds", List.of(company.value()), "budget", budget,
                "competentMinistryId", ministry.value(), "socialImplementationLeadId", company.value(),
                "socialImplementationPlan", "二年目に需要省庁の実証に移す"));
        return body;
    }

    private ResultActions awardOther(String fund, long budget) throws Exception {
        return mvc.perform(post("/api/v1/projects").header("Authorization", bearer(fundingOfficer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(projectBody(fund, "OTHER", budget))));
    }

    private long ledgerSize(String fund) {
        return jdbc.sql("select count(*) from funding_ledger_entry where fund_id = ?").param(UUID.fromString(fund))
                .query(Long.class).single();
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
    }
}
