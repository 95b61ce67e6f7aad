package org.banso.information.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.banso.identity.UserId;
import org.banso.information.ItemId;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.information.internal.tracing.TracedCopies.Recipient;
import org.banso.information.internal.tracing.TracedCopies.TracedCopy;
import org.banso.information.tracing.TracingFixtures;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** R17: the auditor's leak pages, in Japanese and English; nobody else finds them. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class LeakPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TracedCopies copies;
    @Autowired
    PlatformTransactionManager transactions;

    private MockHttpSession signIn(String role) throws Exception {
        String username = new ApiAccounts(mvc, json).createUser("lp", role);
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }

    private String page(MockHttpSession session, String path, String lang) throws Exception {
        MvcResult result = mvc.perform(get(path).session(session).param("lang", lang)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAuditorReportsALeakTracesTheFileAttachesTheResultAndDecidesAPenalty() throws Exception { // R17
        MockHttpSession auditor = signIn("AUDITOR");
        assertThat(page(auditor, "/leaks", "ja")).contains("情報漏えいの報告", "<caption");
        assertThat(page(auditor, "/leaks", "en")).contains("Leak reports", "Report a leak");

        MvcResult created = mvc.perform(post("/leaks").session(auditor).with(csrf())
                .param("itemId", "").param("description", "会議資料の PDF が外部サイトに掲載された")).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/leaks/");
        assertThat(page(auditor, location, "ja")).contains("会議資料の PDF が外部サイトに掲載された", "追跡結果を添付する",
                "拘禁刑", "罰金");

        UserId recipient = new UserId(UUID.randomUUID());
        TracedCopy copy = new TransactionTemplate(transactions).execute(status -> copies.issue(ItemId.random(), null,
                1, "application/pdf", TracingFixtures.pdf(1), new Recipient(recipient, "受領 者", "研究所"),
                Instant.now()));
        MvcResult traced = mvc.perform(multipart("/leaks/trace").file(new MockMultipartFile("file", "leak.pdf",
                "application/pdf", copy.bytes())).session(auditor).with(csrf()).param("lang", "en")).andReturn();
        assertThat(traced.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("A traced copy was found.", recipient.toString(), copy.fingerprint());

        assertThat(traced.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Report with this trace result");

        mvc.perform(multipart(location + "/investigations").session(auditor).with(csrf())
                .param("fingerprint", copy.fingerprint()).param("note", "掲載ファイルを追跡")).andReturn();
        assertThat(page(auditor, location, "ja")).contains(copy.fingerprint(), "掲載ファイルを追跡");

        // a report straight from the trace page carries the trace result as its first investigation
        MvcResult fromTrace = mvc.perform(post("/leaks").session(auditor).with(csrf())
                .param("fingerprint", copy.fingerprint()).param("description", "追跡結果から報告")).andReturn();
        assertThat(page(auditor, fromTrace.getResponse().getRedirectedUrl(), "ja"))
                .contains("追跡結果から報告", copy.fingerprint(), recipient.toString());

        // issue 17: over the maximum, the form comes back (422) with what was typed and the message beside the amount
        MvcResult over = mvc.perform(post(location + "/decision").session(auditor).with(csrf()).param("lang", "ja")
                .param("penalty", "FINE").param("amountYen", "600000").param("rationale", "守秘義務違反")).andReturn();
        assertThat(over.getResponse().getStatus()).isEqualTo(422);
        assertThat(over.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("上限（500,000）を超えています。", "入力内容に誤りがあります", "id=\"amountYen-error\"",
                        "value=\"600000\"");
        assertThat(page(auditor, location, "ja")).doesNotContain("300,000円");

        // a decision is final: it is confirmed first on a page naming the penalty, and nothing is decided before
        MvcResult asked = mvc.perform(post(location + "/decision").session(auditor).with(csrf()).param("lang", "ja")
                .param("penalty", "FINE").param("amountYen", "300000").param("rationale", "守秘義務違反")).andReturn();
        assertThat(asked.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("処分を決定しますか", "300,000円", "name=\"confirmed\" value=\"true\"");
        assertThat(page(auditor, location, "ja")).doesNotContain("300,000円");
        mvc.perform(post(location + "/decision").session(auditor).with(csrf()).param("confirmed", "true")
                .param("penalty", "FINE").param("amountYen", "300000").param("rationale", "守秘義務違反")).andReturn();
        assertThat(page(auditor, location, "ja")).contains("300,000円", "守秘義務違反");
        assertThat(page(auditor, location, "en")).contains("300,000 yen", "Fine");
    }

    @Test
    void theTracePageSaysWhenNothingIsFound() throws Exception { // R17
        MockHttpSession auditor = signIn("AUDITOR");
        assertThat(page(auditor, "/leaks/trace", "ja")).contains("ファイルを追跡する", "<label for=\"file\"");
        MvcResult result = mvc.perform(post("/leaks/trace").session(auditor).with(csrf()).param("lang", "ja")
                .param("text", TracingFixtures.seed())).andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("追跡できる複製は見つかりませんでした。");
    }

    @Test
    void peopleWhoAreNotAuditorsFindNoLeakPages() throws Exception { // R17
        for (String role : new String[] {"ADMIN", "MINISTRY_OFFICIAL", "RESEARCHER"}) {
            MockHttpSession session = signIn(role);
            for (String path : new String[] {"/leaks", "/leaks/trace", "/leaks/" + UUID.randomUUID()}) {
                assertThat(mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus())
                        .as(role + " " + path).isEqualTo(404);
            }
            assertThat(mvc.perform(post("/leaks").session(session).with(csrf()).param("description", "x"))
                    .andReturn().getResponse().getStatus()).as(role).isEqualTo(404);
        }
    }
}
