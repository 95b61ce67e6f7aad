package org.banso.thinktank;

import static org.banso.support.ApiAccounts.bearer;
import static org.banso.support.ApiAccounts.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** R18: qualified entities and multi-year commissions with renewal history. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class CommissionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    ApiAccounts accounts;
    String ministry;
    String officer;
    String analyst;

    @BeforeEach
    void setUp() throws Exception {
        accounts = new ApiAccounts(mvc, json);
        ministry = accounts.tokenFor("meti", "MINISTRY_OFFICIAL");
        officer = accounts.tokenFor("po", "PROGRAM_OFFICER");
        analyst = accounts.tokenFor("an", "ANALYST");
    }

    String organization() throws Exception {
        String body = mvc.perform(post("/api/v1/organizations").header("Authorization", bearer(accounts.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"nameEn\":\"Institute\",\"kind\":\"THINK_TANK\"}"
                                .formatted(unique("【架空】政策研究所"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    ResultActions entity(String token, String organizationId, String hub, String agreedAt) throws Exception {
        return mvc.perform(post("/api/v1/thinktank/entities").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(new java.util.HashMap<String, Object>() {{
                    put("organizationId", organizationId);
                    put("analysisCapability", "国内外の技術動向の分析実績 (2019–2025 報告書 12 件)");
                    put("hubCapability", hub);
                    put("talentCapability", "若手研究者の育成プログラム");
                    put("confidentialityAgreedAt", agreedAt);
                }})));
    }

    String qualifiedEntity() throws Exception {
        String body = entity(ministry, organization(), "産学官の情報ハブ", "2026-04-01T00:00:00Z")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.qualified").value(true))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    ResultActions commission(String token, String entityId, String start, String end, String due) throws Exception {
        return mvc.perform(post("/api/v1/thinktank/commissions").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"entityId":"%s","subject":"量子技術の国際動向調査","technologyIds":[],
                         "periodStart":"%s","periodEnd":"%s",
                         "deliverables":[{"title":"年次報告書","dueOn":"%s"}]}""".formatted(entityId, start, end, due)));
    }

    @Test
    void anEntityWithAllThreeCapabilitiesAndAConfidentialityAgreementIsQualified() throws Exception { // R18
        qualifiedEntity();
    }

    @Test
    void anEntityLackingACapabilityOrTheAgreementIsRecordedButNotQualified() throws Exception { // R18
        entity(ministry, organization(), null, "2026-04-01T00:00:00Z").andExpect(status().isCreated())
                .andExpect(jsonPath("$.qualified").value(false))
                .andExpect(jsonPath("$.missing").value(contains("hubCapability")));
        entity(ministry, organization(), "情報ハブ", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.qualified").value(false))
                .andExpect(jsonPath("$.missing").value(contains("confidentialityAgreedAt")));
    }

    @Test
    void commissioningAnUnqualifiedEntityIsRefusedAndChangesNothing() throws Exception { // R18
        String body = entity(ministry, organization(), "  ", "2026-04-01T00:00:00Z")
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        long before = jdbc.sql("select count(*) from thinktank_commission").query(Long.class).single();
        commission(ministry, id, "2026-04-01", "2029-03-31", "2027-03-31")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/entity-not-qualified"))
                .andExpect(jsonPath("$.detail").value(containsString("hubCapability")));
        org.assertj.core.api.Assertions.assertThat(
                jdbc.sql("select count(*) from thinktank_commission").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aMinistryCommissionsAQualifiedEntityForSeveralYearsAndRenewalsKeepTheHistory() throws Exception { // R18
        String entityId = qualifiedEntity();
        String body = commission(ministry, entityId, "2026-04-01", "2029-03-31", "2027-03-31")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.periodEnd").value("2029-03-31"))
                .andExpect(jsonPath("$.deliverables[0].dueOn").value("2027-03-31"))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        mvc.perform(post("/api/v1/thinktank/commissions/" + id + "/renewals").header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"newEnd":"2031-03-31","reason":"第2期","deliverables":[{"title":"最終報告書","dueOn":"2031-03-01"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periodEnd").value("2031-03-31"))
                .andExpect(jsonPath("$.renewals[0].previousEnd").value("2029-03-31"))
                .andExpect(jsonPath("$.renewals[0].newEnd").value("2031-03-31"))
                .andExpect(jsonPath("$.deliverables.length()").value(2));
        // the history is append-only in the database itself
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "delete from thinktank_commission_renewal where commission_id = ?::uuid").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aRenewalIsRefusedOnceTheEntityIsNoLongerQualified() throws Exception { // R18
        String entityId = qualifiedEntity();
        String body = commission(ministry, entityId, "2026-04-01", "2028-03-31", "2027-03-31")
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        String org = json.readTree(mvc.perform(get("/api/v1/thinktank/entities/" + entityId)
                .header("Authorization", bearer(ministry))).andReturn().getResponse().getContentAsString())
                .get("organizationId").asString();
        mvc.perform(put("/api/v1/thinktank/entities/" + entityId).header("Authorization", bearer(ministry))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"organizationId":"%s","analysisCapability":"分析","hubCapability":"ハブ"}""".formatted(org)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.qualified").value(false));
        mvc.perform(post("/api/v1/thinktank/commissions/" + id + "/renewals").header("Authorization", bearer(ministry))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"newEnd\":\"2030-03-31\",\"reason\":\"延長\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/entity-not-qualified"));
    }

    @Test
    void onlyMinistriesAndTheCabinetOfficeCommission() throws Exception { // R18
        String entityId = qualifiedEntity();
        commission(analyst, entityId, "2026-04-01", "2028-03-31", "2027-03-31")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        entity(analyst, organization(), "ハブ", "2026-04-01T00:00:00Z").andExpect(status().isForbidden());
    }

    @Test
    void aPeriodMustEndAfterItStartsAndDeliverablesFallWithinIt() throws Exception { // R18
        String entityId = qualifiedEntity();
        commission(ministry, entityId, "2026-04-01", "2026-03-31", "2026-04-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("periodEnd")));
        commission(ministry, entityId, "2026-04-01", "2028-03-31", "2030-01-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("deliverables[0].dueOn")));
    }

    @Test
    void anOrganizationIsRecordedOnceEvenUnderSimultaneousRequests() throws Exception { // R18
        String organizationId = organization();
        java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> entity(ministry, organizationId, "ハブ", "2026-04-01T00:00:00Z")
                        .andReturn().getResponse().getStatus()));
            }
        } finally {
            pool.shutdown();
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var r : results) {
            statuses.add(r.get());
        }
        org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(201, 409)
                .filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void analystsOfOtherOrganizationsDoNotLearnOfAnEntity() throws Exception { // R18
        String entityId = qualifiedEntity();
        mvc.perform(get("/api/v1/thinktank/entities/" + entityId).header("Authorization", bearer(analyst)))
                .andExpect(status().isNotFound());
    }
}
