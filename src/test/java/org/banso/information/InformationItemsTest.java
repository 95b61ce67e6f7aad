package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.banso.identity.IdentityManagement;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items, designations, markings from the clock, publishing and the release job through the real API (R12, R15–R17,
 * R20). Each test builds its own council: a competent ministry (official), a startup (provider, in every designation's
 * scope) and a company (never in scope).
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class InformationItemsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InformationEventsRecorder recorder;
    @Autowired
    org.banso.information.internal.ReleaseJobAccess releaseJob;
    @Autowired
    InformationSearchSupport search;
    @Autowired
    InformationAccessPolicy policy;
    @Autowired
    org.banso.council.ProposalDesignations proposalDesignations;
    @Autowired
    InformationItems facade;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    InformationTestSupport api;
    Person official;
    Person startup;
    Person company;
    Person outsider;
    String council;
    String ministryParticipant;
    String startupParticipant;

    @BeforeEach
    void world() throws Exception {
        api = new InformationTestSupport(mvc, json, identity);
        InformationTestSupport.World world = api.world();
        official = world.official();
        startup = world.startup();
        company = world.company();
        outsider = world.outsider();
        council = world.council();
        startupParticipant = world.startupParticipant();
        ministryParticipant = world.ministryParticipant();
    }

    String designate(List<String> items, Instant start, Instant end, String handling, String after)
            throws Exception {
        return api.adopt(council, official, InformationTestSupport.designation(items, null,
                List.of(ministryParticipant, startupParticipant), start, end, handling, after),
                official, startup, company);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    // ------------------------------------------------------------------ upload

    @Test
    void r20_aPledgedMemberStoresAnItemAndItsParticipantIsTheProvider() throws Exception {
        // R20, R12: stored by a pledged member; COUNCIL by default, versions kept
        String item = api.upload(council, startup, "試作の評価", "REPORT", "評価の本文");
        JsonNode view = api.call("GET", "/api/v1/items/" + item, company.token(), null, 200);
        assertThat(view.get("councilId").asString()).isEqualTo(council);
        assertThat(view.get("marking").asString()).isEqualTo("COUNCIL");
        assertThat(view.get("providerParticipantId").asString()).isEqualTo(startupParticipant);
        assertThat(view.get("versions").get(0).get("mediaType").asString()).startsWith("text/plain");
        MvcResult content = api.perform("GET", "/api/v1/items/" + item + "/content", company.token(), null);
        assertThat(content.getResponse().getStatus()).isEqualTo(200);
        assertThat(content.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("評価の本文");
        assertThat(content.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(content.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(content.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
    }

    @Test
    void r12_aRefusedUploadStoresNothing() throws Exception {
        // R12, R17: unsigned → pledge-required, outsider → not-found, invalid → validation-failed; nothing stored
        Person unsigned = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        api.addParticipant(council, official, unsigned, "UNIVERSITY");
        long items = count("select count(*) from information_item");
        long contents = count("select count(*) from information_content");
        MvcResult r = api.uploadRequest(council, unsigned, "題", "REPORT", null, "本文");
        assertThat(r.getResponse().getContentAsString()).contains("/problems/pledge-required");
        r = api.uploadRequest(council, outsider, "題", "REPORT", null, "本文");
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        r = api.uploadRequest(council, startup, " ", "REPORT", null, "本文");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        r = api.uploadRequest(council, startup, "題", "REPORT", UUID.randomUUID().toString(), "本文");
        assertThat(r.getResponse().getContentAsString()).contains("/problems/validation-failed", "projectId");
        r = api.uploadRequest(council, startup, "x".repeat(301), "REPORT", null, "本文");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(count("select count(*) from information_item")).isEqualTo(items);
        assertThat(count("select count(*) from information_content")).isEqualTo(contents);
    }

    @Test
    void r20_theProviderAddsVersionsAndOldVersionsStayReadable() throws Exception {
        // R20, R17: NEW_VERSION only for the provider participant's pledged members
        String item = api.upload(council, startup, "版のある資料", "REPORT", "第1版");
        MvcResult refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/v1/items/" + item + "/versions")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "v2.txt", "text/plain",
                        "他者の版".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", org.banso.support.ApiAccounts.bearer(company.token()))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        MvcResult added = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/v1/items/" + item + "/versions")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "v2.txt", "text/plain",
                        "第2版".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", org.banso.support.ApiAccounts.bearer(startup.token()))).andReturn();
        assertThat(added.getResponse().getStatus()).as(added.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode view = api.call("GET", "/api/v1/items/" + item, company.token(), null, 200);
        assertThat(view.get("versions")).hasSize(2);
        assertThat(api.perform("GET", "/api/v1/items/" + item + "/content", company.token(), null).getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("第2版");
        assertThat(api.perform("GET", "/api/v1/items/" + item + "/content?version=1", company.token(), null)
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("第1版");
        api.problem("GET", "/api/v1/items/" + item + "/content?version=3", company.token(), null, 404, "not-found");
    }

    @Test
    void r17_anUploadOverTheLimitIsPayloadTooLargeAndStoresNothing() throws Exception {
        // R17: banso.information.content.max-size (25MB) → 413 payload-too-large
        long items = count("select count(*) from information_item");
        MvcResult r = api.uploadRequest(council, startup, "大きすぎる資料", "REPORT", null,
                "a".repeat(26 * 1024 * 1024));
        assertThat(r.getResponse().getStatus()).isEqualTo(413);
        assertThat(r.getResponse().getContentAsString()).contains("/problems/payload-too-large");
        assertThat(count("select count(*) from information_item")).isEqualTo(items);
    }

    // ------------------------------------------------------------------ listing

    @Test
    void r15_r17_theListingReturnsOnlyWhatThePersonMaySee() throws Exception {
        // R15, R17: a controlled item is listed only for its scope; an unsigned member gets pledge-required
        String open = api.upload(council, startup, "協議会内の資料", "REPORT", "本文");
        String hidden = api.upload(council, startup, "管理する資料", "SAMPLING_DATA", "本文");
        Instant now = clock.instant();
        designate(List.of(hidden), now.minusSeconds(60), now.plus(Duration.ofDays(30)), "VIEW_ONLY", "PUBLIC");
        assertThat(api.listedIds(council, startup)).contains(open, hidden);
        assertThat(api.listedIds(council, company)).contains(open).doesNotContain(hidden);
        JsonNode listed = api.call("GET", "/api/v1/councils/" + council + "/items", startup.token(), null, 200);
        assertThat(listed.toString()).contains("CONTROLLED", "COUNCIL");
        api.problem("GET", "/api/v1/councils/" + council + "/items", outsider.token(), null, 404, "not-found");
        api.problem("GET", "/api/v1/councils/" + council + "/designations", outsider.token(), null, 404,
                "not-found");
        api.call("DELETE", "/api/v1/councils/" + council + "/pledges/mine", company.token(), null, 204);
        api.problem("GET", "/api/v1/councils/" + council + "/items", company.token(), null, 403, "pledge-required");
        api.problem("GET", "/api/v1/councils/" + council + "/designations", company.token(), null, 403,
                "pledge-required");
    }

    @Test
    void r17_aListingIsOneDecisionInTheLogNotOnePerRow() throws Exception {
        // R17: every decision is published; a listing is one, whatever its length
        for (int i = 0; i < 5; i++) {
            api.upload(council, startup, "資料" + i, "REPORT", "本文" + i);
        }
        recorder.events.clear();
        api.listedIds(council, startup);
        List<InformationEvents.AccessDecided> decided = recorder.events.stream()
                .filter(InformationEvents.AccessDecided.class::isInstance)
                .map(InformationEvents.AccessDecided.class::cast)
                .filter(e -> e.council() != null && e.council().value().toString().equals(council)).toList();
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).item()).isNull();
        assertThat(decided.get(0).action()).isEqualTo(InformationAction.LIST);
        assertThat(decided.get(0).permitted()).isTrue();
    }

    // ------------------------------------------------------------------ designations

    @Test
    void r15_aDesignationIsRefusedWithTheReasonOfEachField() throws Exception {
        // R15: validation-failed lists every field; the codes are what the pages translate
        String item = api.upload(council, startup, "資料", "REPORT", "本文");
        Instant now = clock.instant();
        Map<String, Object> bad = new java.util.LinkedHashMap<>(InformationTestSupport.designation(List.of(),
                null, List.of(), now, null, "PRINT", "LATER"));
        bad.put("rationale", Map.of("socialImplementation", " ", "leakagePrevention", "", "innovation", "x"));
        MvcResult r = api.proposeRequest(council, official, bad);
        String body = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(400);
        assertThat(body).contains("designation.itemIds", "designation-target", "designation.scopeParticipantIds",
                "designation.periodEnd", "designation.handling", "designation.afterPeriod",
                "designation.rationale.socialImplementation", "designation.rationale.leakagePrevention",
                "designation.rationale.participationIncentive").doesNotContain("designation.rationale.innovation");

        r = api.proposeRequest(council, official, InformationTestSupport.designation(
                List.of(UUID.randomUUID().toString()), Map.of("category", "NOPE", "projectId",
                        UUID.randomUUID().toString()), List.of(UUID.randomUUID().toString()), now,
                now.minusSeconds(1), "VIEW_ONLY", "PUBLIC"));
        body = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(400);
        assertThat(body).contains("designation-unknown-items", "designation-category", "designation-project",
                "designation-scope", "designation-period-order");

        String published = api.upload(council, startup, "公開成果", "RESEARCH_RESULT", "本文");
        api.call("POST", "/api/v1/items/" + published + "/publish", startup.token(), null, 200);
        r = api.proposeRequest(council, official, InformationTestSupport.designation(List.of(published, item), null,
                List.of(startupParticipant), now, now.plus(Duration.ofDays(1)), "VIEW_ONLY", "PUBLIC"));
        assertThat(r.getResponse().getContentAsString()).contains("/problems/validation-failed",
                "designation-already-public");
    }

    @Test
    void r15_aPeriodLongerThanTheMaximumIsPeriodTooLong() throws Exception {
        // R15: end − start ≤ banso.information.max-designation-period (P5Y)
        String item = api.upload(council, startup, "資料", "REPORT", "本文");
        Instant start = Instant.parse("2027-04-01T00:00:00Z");
        MvcResult r = api.proposeRequest(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(startupParticipant), start, Instant.parse("2032-04-01T00:00:00.001Z"), "VIEW_ONLY",
                "PUBLIC"));
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString()).contains("/problems/period-too-long");
        r = api.proposeRequest(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(startupParticipant), start, Instant.parse("2032-04-01T00:00:00Z"), "VIEW_ONLY", "PUBLIC"));
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
    }

    @Test
    void r15_aRuleDesignationCoversItemsUploadedLater() throws Exception {
        // R15: a rule (category within the council) covers present and future items
        String before = api.upload(council, startup, "前のデータ", "SAMPLING_DATA", "本文");
        String other = api.upload(council, startup, "別区分", "REPORT", "本文");
        Instant now = clock.instant();
        String designation = api.adopt(council, official, InformationTestSupport.designation(List.of(),
                Map.of("category", "SAMPLING_DATA"), List.of(ministryParticipant, startupParticipant),
                now.minusSeconds(60), now.plus(Duration.ofDays(10)), "VIEW_ONLY", "COUNCIL"),
                official, startup, company);
        String after = api.upload(council, startup, "後のデータ", "SAMPLING_DATA", "本文");
        assertThat(api.call("GET", "/api/v1/items/" + after, startup.token(), null, 200).get("marking").asString())
                .isEqualTo("CONTROLLED");
        assertThat(api.call("GET", "/api/v1/items/" + before, startup.token(), null, 200).get("designationId")
                .asString()).isEqualTo(designation);
        api.problem("GET", "/api/v1/items/" + after, company.token(), null, 404, "not-found");
        assertThat(api.call("GET", "/api/v1/items/" + other, company.token(), null, 200).get("marking").asString())
                .isEqualTo("COUNCIL");
        JsonNode view = api.call("GET", "/api/v1/designations/" + designation, company.token(), null, 200);
        assertThat(view.get("itemIds").toString()).contains(before, after).doesNotContain(other);
        assertThat(view.get("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void r15_aRuleWithinAProjectCoversOnlyThatProjectsItemsOfTheCategory() throws Exception {
        // R15: "a category within a project"; the project must be one of the council's
        String project = UUID.randomUUID().toString();
        Person pi = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        String projectCouncil = api.establishedCouncil(official, pi, List.of(project));
        String piParticipant = api.addParticipant(projectCouncil, official, pi, "UNIVERSITY");
        String ministry = api.participantOf(projectCouncil, official, official);
        api.sign(projectCouncil, official);
        api.sign(projectCouncil, pi);
        MvcResult inProject = api.uploadRequest(projectCouncil, pi, "計画内データ", "SAMPLING_DATA", project, "本文");
        assertThat(inProject.getResponse().getStatus()).isEqualTo(201);
        String covered = json.readTree(inProject.getResponse().getContentAsString()).get("id").asString();
        String outside = api.upload(projectCouncil, pi, "計画外データ", "SAMPLING_DATA", "本文");
        Instant now = clock.instant();
        String designation = api.adopt(projectCouncil, official, InformationTestSupport.designation(List.of(),
                Map.of("category", "SAMPLING_DATA", "projectId", project), List.of(ministry, piParticipant),
                now.minusSeconds(60), now.plus(Duration.ofDays(10)), "DOWNLOAD_TRACED", "PUBLIC"), official, pi);
        JsonNode view = api.call("GET", "/api/v1/designations/" + designation, pi.token(), null, 200);
        assertThat(view.get("itemIds").toString()).contains(covered).doesNotContain(outside);
        assertThat(view.get("rule").get("projectId").asString()).isEqualTo(project);
        // another council's project is refused
        MvcResult refused = api.proposeRequest(council, official, InformationTestSupport.designation(List.of(),
                Map.of("category", "SAMPLING_DATA", "projectId", project), List.of(ministryParticipant),
                now, now.plus(Duration.ofDays(1)), "VIEW_ONLY", "PUBLIC"));
        assertThat(refused.getResponse().getContentAsString()).contains("designation-project");
    }

    @Test
    void r15_anItemStoredWhileARuleDesignationIsBeingAdoptedIsCovered() throws Exception {
        // R15: the rule covers future items even when the upload races the adopting transaction
        var startupUser = identity.user(new org.banso.identity.UserId(UUID.fromString(startup.id()))).orElseThrow()
                .asPrincipal();
        Instant now = clock.instant();
        org.banso.council.Designation rule = new org.banso.council.Designation(List.of(),
                new org.banso.council.Designation.Rule("CYBER_INCIDENT", null), List.of(UUID.fromString(
                startupParticipant)), now.minusSeconds(60), now.plus(Duration.ofDays(3)), "VIEW_ONLY", "PUBLIC",
                new org.banso.council.Designation.Rationale("a", "b", "c", "d"));
        org.banso.council.CouncilId councilId = new org.banso.council.CouncilId(UUID.fromString(council));
        CountDownLatch applied = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> adoption = pool.submit(() -> transactions.executeWithoutResult(status -> {
                proposalDesignations.apply(councilId, new org.banso.council.ProposalId(UUID.randomUUID()), rule,
                        new org.banso.identity.UserId(UUID.fromString(official.id())));
                applied.countDown();
                try {
                    Thread.sleep(700); // the upload runs meanwhile, before this commits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            applied.await();
            Future<InformationItems.ItemView> upload = pool.submit(() -> facade.upload(councilId,
                    new InformationItems.NewItem("競合中の事案", ItemCategory.CYBER_INCIDENT, null),
                    new InformationItems.Upload("incident.txt", new java.io.ByteArrayInputStream(
                            "事案の本文".getBytes(java.nio.charset.StandardCharsets.UTF_8))), startupUser));
            adoption.get();
            String item = upload.get().id().toString();
            assertThat(api.call("GET", "/api/v1/items/" + item, startup.token(), null, 200).get("marking")
                    .asString()).isEqualTo("CONTROLLED");
            api.problem("GET", "/api/v1/items/" + item, company.token(), null, 404, "not-found");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void r15_r16_aPeriodHoldsToTheMillisecondOnTheApi() throws Exception {
        // R15, R16: controlled until end − 1 ms, released at the end instant, before any job ran
        String item = api.upload(council, startup, "期限付き", "RESEARCH_RESULT", "本文");
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        designate(List.of(item), now.minusSeconds(60), end, "VIEW_ONLY", "PUBLIC");
        String path = "/api/v1/items/" + item;
        clock.set(end.minusMillis(1));
        assertThat(api.call("GET", path, startup.token(), null, 200).get("marking").asString())
                .isEqualTo("CONTROLLED");
        api.problem("GET", path, company.token(), null, 404, "not-found");
        api.problem("GET", path, null, null, 404, "not-found");
        api.problem("POST", path + "/publish", startup.token(), null, 409, "item-designated");
        clock.set(end);
        assertThat(api.call("GET", path, company.token(), null, 200).get("marking").asString()).isEqualTo("PUBLIC");
        assertThat(api.call("GET", path, null, null, 200).get("marking").asString()).isEqualTo("PUBLIC");
        clock.set(end.plusMillis(1));
        assertThat(api.call("GET", path, null, null, 200).get("marking").asString()).isEqualTo("PUBLIC");
        assertThat(api.call("GET", "/api/v1/public/results", null, null, 200).toString()).contains(item);
    }

    @Test
    void r16_r17_aReleaseIsAnnouncedToTheCouncilAndANoticeNamesOnlyWhatItsReaderMaySee() throws Exception {
        String released = api.upload(council, startup, "期間が終わる資料", "REPORT", "本文");
        String stillHidden = api.upload(council, startup, "まだ管理する資料", "REPORT", "本文");
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofHours(1));
        String designation = designate(List.of(released, stillHidden), now.minusSeconds(60), end, "DOWNLOAD_TRACED",
                "PUBLIC");
        // the second item stays under a longer designation that leaves the company out
        designate(List.of(stillHidden), now.minusSeconds(60), end.plus(Duration.ofDays(30)), "VIEW_ONLY", "COUNCIL");
        assertThat(api.call("GET", "/api/v1/notices", company.token(), null, 200)).isEmpty();

        clock.set(end.plusSeconds(1));
        releaseJob.run();
        official = api.refreshed(official);
        startup = api.refreshed(startup);
        company = api.refreshed(company);
        outsider = api.refreshed(outsider);

        JsonNode forStartup = api.call("GET", "/api/v1/notices", startup.token(), null, 200);
        JsonNode notice = forStartup.get(0);
        assertThat(notice.get("designationId").asString()).isEqualTo(designation);
        assertThat(notice.get("afterPeriod").asString()).isEqualTo("PUBLIC");
        assertThat(notice.get("items").findValuesAsString("id")).containsExactlyInAnyOrder(released, stillHidden);
        JsonNode forCompany = api.call("GET", "/api/v1/notices", company.token(), null, 200);
        assertThat(forCompany.get(0).get("items").findValuesAsString("id"))
                .as("a notice never names an item its reader may not see").containsExactly(released);
        assertThat(forCompany.get(0).get("items").get(0).get("marking").asString()).isEqualTo("PUBLIC");
        assertThat(api.call("GET", "/api/v1/notices", outsider.token(), null, 200)).isEmpty();
        assertThat(api.perform("GET", "/api/v1/notices", null, null).getResponse().getStatus()).isEqualTo(401);

        for (String lang : List.of("ja", "en")) {
            String page = api.page("/notices?lang=" + lang, company).getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("期間が終わる資料").doesNotContain("まだ管理する資料")
                    .contains(lang.equals("ja") ? "公開されました" : "is now public");
        }
        assertThat(count("select count(*) from information_notice where designation_id = ?::uuid", designation))
                .as("announced once").isEqualTo(1);
        releaseJob.run();
        assertThat(count("select count(*) from information_notice where designation_id = ?::uuid", designation))
                .isEqualTo(1);
    }

    @Test
    void r16_theReleaseJobRecordsEachReleaseOnceEvenWhenTwoRunsRace() throws Exception {
        // R16: released automatically and logged once
        String item = api.upload(council, startup, "解除される資料", "REPORT", "本文");
        Instant now = clock.instant();
        String designation = designate(List.of(item), now.minusSeconds(60), now.plus(Duration.ofHours(1)),
                "DOWNLOAD_TRACED", "COUNCIL");
        clock.set(now.plus(Duration.ofHours(1)).plusSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Callable<Integer> runAfterStart = () -> {
                start.await();
                return releaseJob.run();
            };
            List<Future<Integer>> runs = List.of(pool.submit(runAfterStart), pool.submit(runAfterStart));
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        releaseJob.run();
        List<InformationEvents.DesignationReleased> released = recorder.events.stream()
                .filter(InformationEvents.DesignationReleased.class::isInstance)
                .map(InformationEvents.DesignationReleased.class::cast)
                .filter(e -> e.designation().toString().equals(designation)).toList();
        assertThat(released).hasSize(1);
        assertThat(released.get(0).releasedTo()).isEqualTo(Marking.COUNCIL);
        assertThat(released.get(0).items()).extracting(ItemId::toString).containsExactly(item);
        assertThat(count("select count(*) from information_designation where id = ? and release_recorded_at is not null",
                UUID.fromString(designation))).isEqualTo(1);
        JsonNode view = api.call("GET", "/api/v1/designations/" + designation, company.token(), null, 200);
        assertThat(view.get("state").asString()).isEqualTo("RELEASED");
        assertThat(view.get("releaseRecordedAt").isNull()).isFalse();
    }

    // ------------------------------------------------------------------ publish and download

    @Test
    void r16_aResearchResultIsPublishedUnlessADesignationCoversIt() throws Exception {
        // R16: the provider (or the competent ministry) publishes a result; a covered one is item-designated
        String result = api.upload(council, startup, "研究成果", "RESEARCH_RESULT", "成果の本文");
        String report = api.upload(council, startup, "報告", "REPORT", "本文");
        String future = api.upload(council, startup, "将来指定", "GOVERNMENT_RESEARCH_RESULT", "本文");
        Instant now = clock.instant();
        designate(List.of(future), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), "VIEW_ONLY", "PUBLIC");
        api.problem("POST", "/api/v1/items/" + result + "/publish", company.token(), null, 403, "forbidden");
        api.problem("POST", "/api/v1/items/" + result + "/publish", outsider.token(), null, 404, "not-found");
        api.problem("POST", "/api/v1/items/" + report + "/publish", startup.token(), null, 403, "forbidden");
        api.problem("POST", "/api/v1/items/" + future + "/publish", official.token(), null, 409, "item-designated");
        JsonNode published = api.call("POST", "/api/v1/items/" + result + "/publish", startup.token(), null, 200);
        assertThat(published.get("marking").asString()).isEqualTo("PUBLIC");
        assertThat(api.call("GET", "/api/v1/items/" + result, null, null, 200).get("title").asString())
                .isEqualTo("研究成果");
        assertThat(api.call("GET", "/api/v1/public/results", null, null, 200).toString()).contains(result)
                .doesNotContain(report, future);
        assertThat(api.page("/public/results", null).getResponse().getContentAsString()).contains("研究成果");
    }

    @Test
    void r17_aTracedDownloadCarriesAFingerprintAndViewOnlyIsNeverDownloaded() throws Exception {
        // R17: DOWNLOAD_TRACED → per-recipient copy with Banso-Fingerprint; VIEW_ONLY → forbidden
        String paragraph = "この段落は追跡付きで配布される管理情報の本文である。".repeat(12);
        String traced = api.upload(council, startup, "追跡付き", "SAMPLING_DATA", paragraph);
        String viewOnly = api.upload(council, startup, "閲覧のみ", "SAMPLING_DATA", paragraph);
        Instant now = clock.instant();
        designate(List.of(traced), now.minusSeconds(60), now.plus(Duration.ofDays(3)), "DOWNLOAD_TRACED", "PUBLIC");
        designate(List.of(viewOnly), now.minusSeconds(60), now.plus(Duration.ofDays(3)), "VIEW_ONLY", "PUBLIC");
        MvcResult copy = api.perform("GET", "/api/v1/items/" + traced + "/content", startup.token(), null);
        assertThat(copy.getResponse().getStatus()).isEqualTo(200);
        assertThat(copy.getResponse().getHeader("Banso-Fingerprint")).isNotBlank();
        MvcResult other = api.perform("GET", "/api/v1/items/" + traced + "/content", official.token(), null);
        assertThat(other.getResponse().getHeader("Banso-Fingerprint"))
                .isNotEqualTo(copy.getResponse().getHeader("Banso-Fingerprint"));
        api.problem("GET", "/api/v1/items/" + viewOnly + "/content", startup.token(), null, 403, "forbidden");
        api.problem("GET", "/api/v1/items/" + traced + "/content", company.token(), null, 404, "not-found");
        String page = api.page("/items/" + viewOnly, startup).getResponse().getContentAsString();
        assertThat(page).contains("/items/" + viewOnly + "/view").doesNotContain("id=\"download\"");
    }

    // ------------------------------------------------------------------ search support

    @Test
    void r17_theSearchVisibilityRuleAgreesWithThePolicyForEveryItemAndPerson() throws Exception {
        // R17 on the search path: the filter built from visibility(...) is exact
        String open = api.upload(council, startup, "協議会内", "REPORT", "本文");
        String hidden = api.upload(council, startup, "管理中", "SAMPLING_DATA", "本文");
        String releasedPublic = api.upload(council, startup, "公開へ解除", "SAMPLING_DATA", "本文");
        String releasedCouncil = api.upload(council, startup, "協議会内へ解除", "SAMPLING_DATA", "本文");
        String published = api.upload(council, startup, "公開成果", "RESEARCH_RESULT", "公開された本文");
        String future = api.upload(council, startup, "指定前", "SAMPLING_DATA", "本文");
        api.call("POST", "/api/v1/items/" + published + "/publish", startup.token(), null, 200);
        Instant now = clock.instant();
        designate(List.of(hidden), now.minusSeconds(60), now.plus(Duration.ofDays(5)), "VIEW_ONLY", "PUBLIC");
        designate(List.of(releasedPublic), now.minusSeconds(60), now.plusSeconds(10), "VIEW_ONLY", "PUBLIC");
        designate(List.of(releasedCouncil), now.minusSeconds(60), now.plusSeconds(10), "VIEW_ONLY", "COUNCIL");
        designate(List.of(future), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), "VIEW_ONLY", "PUBLIC");
        clock.set(now.plusSeconds(20));
        Instant at = clock.instant();
        List<String> all = List.of(open, hidden, releasedPublic, releasedCouncil, published, future);
        assertThat(search.indexable(new ItemId(UUID.fromString(published))).orElseThrow().text())
                .isEqualTo("公開された本文");
        for (Person person : java.util.Arrays.asList(null, startup, company, outsider)) {
            var user = person == null ? null
                    : identity.user(new org.banso.identity.UserId(UUID.fromString(person.id()))).orElseThrow()
                    .asPrincipal();
            InformationSearchSupport.Visibility v = search.visibility(user, at);
            for (String id : all) {
                ItemId item = new ItemId(UUID.fromString(id));
                InformationSearchSupport.IndexableItem facts = search.indexable(item).orElseThrow();
                boolean hiddenByScope = facts.designations().stream().anyMatch(v.hiding()::contains);
                boolean isPublic = facts.published() || (facts.designations().stream()
                        .anyMatch(v.releasedPublic()::contains)
                        && facts.designations().stream().noneMatch(v.releasedCouncil()::contains));
                boolean visible = !hiddenByScope && (v.readableCouncils().contains(facts.council())
                        || (facts.designations().stream().noneMatch(v.active()::contains) && isPublic));
                assertThat(visible).as("%s sees %s", person == null ? "anonymous" : person.username(), id)
                        .isEqualTo(policy.decide(user, InformationAction.METADATA, item, at).permitted());
            }
        }
        assertThat(search.itemIds(null, 100_000)).extracting(ItemId::toString).containsAll(all);
    }
}
