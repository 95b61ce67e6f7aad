package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.banso.web.DateFormats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deciding together in the pages (R14, R15, R17): the proposal form's designation editor posts what the page shows —
 * read back from the rendered form like a browser would send it — and the proposal page shows what is decided. The
 * amend page used to drop the designation; these tests fail if it does again.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@RecordApplicationEvents
class DecidingPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    MutableClock clock;

    InformationTestSupport api;
    Person official;
    Person startup;
    Person company;
    Person outsider;
    String council;
    String ministryParticipant;
    String startupParticipant;
    String companyParticipant;
    String item;

    @BeforeEach
    void world() throws Exception {
        clock.set(clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
        api = new InformationTestSupport(mvc, json, identity);
        official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        startup = api.person(api.organization("STARTUP"), "RESEARCHER");
        company = api.person(api.organization("COMPANY"), "RESEARCHER");
        outsider = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        council = api.establishedCouncil(official, startup);
        startupParticipant = api.addParticipant(council, official, startup, "STARTUP");
        companyParticipant = api.addParticipant(council, official, company, "COMPANY");
        ministryParticipant = api.participantOf(council, official, official);
        api.sign(council, official);
        api.sign(council, startup);
        api.sign(council, company);
        item = api.upload(council, startup, "試料の分析データ", "SAMPLING_DATA", "分析結果");
    }

    private String proposeWithDesignation() throws Exception {
        Instant now = clock.instant();
        MvcResult r = api.proposeRequest(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(200)), "VIEW_ONLY", "PUBLIC"));
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(r.getResponse().getContentAsString()).get("id").asString();
    }

    private JsonNode proposal(String id) throws Exception {
        return api.call("GET", "/api/v1/proposals/" + id, official.token(), null, 200);
    }

    private static JsonNode revision(JsonNode proposal, int number) {
        for (JsonNode r : proposal.get("revisions")) {
            if (r.get("revision").asInt() == number) {
                return r;
            }
        }
        throw new AssertionError("no revision " + number + " in " + proposal);
    }

    @Test
    void r14_r15_amendingOnThePageKeepsChangesAndRemovesTheDesignationExactlyAsAsked() throws Exception {
        String id = proposeWithDesignation();
        JsonNode first = revision(proposal(id), 1).get("designation");

        // sent unchanged, the pre-filled form keeps everything, to the millisecond
        MultiValueMap<String, String> form = form(body(api.page("/proposals/" + id, official)));
        assertThat(form.get("itemIds")).containsExactly(item);
        assertThat(form.get("scope")).containsExactlyInAnyOrder(ministryParticipant, startupParticipant);
        MvcResult kept = postPage("/proposals/" + id + "/amend", official, form);
        assertThat(kept.getResponse().getStatus()).as(kept.getResponse().getContentAsString()).isEqualTo(302);
        JsonNode second = revision(proposal(id), 2);
        assertThat(withoutScope(second.get("designation"))).isEqualTo(withoutScope(first));
        assertThat(scope(second.get("designation"))).containsExactlyInAnyOrderElementsOf(scope(first));
        assertThat(second.get("title").asString()).isEqualTo("管理指定");

        // changed: an earlier end and the company in scope; the rest stays as it was
        form = form(body(api.page("/proposals/" + id, official)));
        LocalDate earlier = LocalDate.parse(form.getFirst("periodEnd")).minusDays(30);
        form.set("periodEnd", earlier.toString());
        form.add("scope", companyParticipant);
        MvcResult changed = postPage("/proposals/" + id + "/amend", official, form);
        assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(302);
        JsonNode third = revision(proposal(id), 3).get("designation");
        assertThat(Instant.parse(third.get("periodEnd").asString()))
                .isEqualTo(earlier.plusDays(1).atStartOfDay(DateFormats.JAPAN).toInstant());
        assertThat(third.get("periodStart")).isEqualTo(first.get("periodStart"));
        assertThat(third.get("itemIds")).isEqualTo(first.get("itemIds"));
        assertThat(third.get("rationale")).isEqualTo(first.get("rationale"));
        assertThat(third.get("handling")).isEqualTo(first.get("handling"));
        assertThat(scope(third)).containsExactlyInAnyOrder(ministryParticipant, startupParticipant, companyParticipant);

        // removed only by the explicit choice that says so
        String page = body(api.page("/proposals/" + id, official));
        assertThat(page).contains("管理指定を削除する");
        form = form(page);
        form.set("target", "NONE");
        MvcResult removed = postPage("/proposals/" + id + "/amend", official, form);
        assertThat(removed.getResponse().getStatus()).isEqualTo(302);
        assertThat(revision(proposal(id), 4).get("designation").isNull()).isTrue();

        // the comparison marks what changed between revisions 2 and 3
        String compared = body(api.page("/proposals/" + id + "?from=2&to=3", official));
        assertThat(compared).contains("comparison-table", "comparison__row--changed", "変更あり");
    }

    @Test
    void r15_aRefusedFormComesBackWithEverythingTypedTheMessagesByTheFieldsAndTheSummaryAndChangesNothing()
            throws Exception {
        int before = api.call("GET", "/api/v1/councils/" + council + "/proposals", official.token(), null, 200)
                .size();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("matter", "INFORMATION_MANAGEMENT");
        form.add("title", "入力を保持する提案");
        form.add("body", "本文はそのまま残る。");
        form.add("target", "ITEMS");
        form.add("itemIds", item);
        LocalDate start = LocalDate.ofInstant(clock.instant(), DateFormats.JAPAN).plusDays(1);
        form.add("periodStart", start.toString());
        form.add("periodEnd", start.plusYears(9).toString());
        form.add("handling", "VIEW_ONLY");
        form.add("afterPeriod", "PUBLIC");
        form.add("rationaleSocialImplementation", "社会実装の理由");
        MvcResult refused = postPage("/councils/" + council + "/proposals", official, form);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        String page = body(refused);
        // the error summary links to each field; the message stands by the field; what was typed is kept
        assertThat(page).contains("id=\"error-summary\"", "href=\"#scope\"", "href=\"#rationaleLeakagePrevention\"",
                "id=\"scope-error\"", "入力を保持する提案", "本文はそのまま残る。", "社会実装の理由",
                "value=\"" + start.plusYears(9) + "\"");
        assertThat(api.call("GET", "/api/v1/councils/" + council + "/proposals", official.token(), null, 200)
                .size()).isEqualTo(before);

        // the shape right, the domain's refusal (a period beyond the configured maximum) comes back by its field
        form.add("scope", ministryParticipant);
        form.add("scope", startupParticipant);
        form.add("rationaleLeakagePrevention", "流出防止");
        form.add("rationaleInnovation", "イノベーション");
        form.add("rationaleParticipationIncentive", "インセンティブ");
        MvcResult tooLong = postPage("/councils/" + council + "/proposals", official, form);
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(tooLong)).contains("id=\"periodEnd-error\"", "以内にしてください", "href=\"#periodEnd\"");
        assertThat(api.call("GET", "/api/v1/councils/" + council + "/proposals", official.token(), null, 200)
                .size()).isEqualTo(before);

        // in English, the same refusal in English
        form.set("periodEnd", start.plusYears(1).toString());
        form.set("matter", "PROMOTION");
        MvcResult wrongMatter = postPage("/councils/" + council + "/proposals?lang=en", official, form);
        assertThat(wrongMatter.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(wrongMatter)).contains("Only proposals of matter (3) or (4) may carry a designation");
    }

    @Test
    void r14_r17_theDecisionCardNamesItemsAndOrganisationsAndWhoIsLeftOutAndOutsidersGetTheSame404()
            throws Exception {
        String id = proposeWithDesignation();
        String page = body(api.page("/proposals/" + id, startup));
        int card = page.indexOf("id=\"decision-card\"");
        int text = page.indexOf("id=\"proposal-body\"");
        assertThat(card).isPositive().isLessThan(text);
        String decision = page.substring(card, text);
        assertThat(decision).contains("試料の分析データ", "閲覧のみ", "公開", "開始まであと");
        int leftOut = decision.indexOf("id=\"decision-left-out\"");
        assertThat(leftOut).isPositive();
        assertThat(decision.substring(leftOut)).contains("（企業）");
        assertThat(decision).doesNotContain(item.toString() + "<");
        assertThat(page).contains("id=\"awaiting\"");

        String english = body(api.page("/proposals/" + id + "?lang=en", startup));
        assertThat(english).contains("What this proposal decides", "View only", "Left out", "(Company)");

        // R12, R17: a person of no participant gets the very answer an unknown id gets
        MvcResult outsiderView = api.page("/proposals/" + id, outsider);
        MvcResult unknown = api.page("/proposals/" + UUID.randomUUID(), outsider);
        assertThat(outsiderView.getResponse().getStatus()).isEqualTo(404).isEqualTo(unknown.getResponse().getStatus());
        MultiValueMap<String, String> question = new LinkedMultiValueMap<>();
        question.add("text", "外部からの質問");
        assertThat(postPage("/proposals/" + id + "/questions", outsider, question).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void r14_anObjectionNeedsItsReasonAConsentMayCarryACommentAndTheDiscussionStaysInTheCouncil() throws Exception {
        String id = proposeWithDesignation();
        MultiValueMap<String, String> objection = new LinkedMultiValueMap<>();
        objection.add("response", "OBJECT");
        objection.add("reason", "  ");
        postPage("/proposals/" + id + "/responses", company, objection);
        assertThat(proposal(id).get("responses")).isEmpty();

        MultiValueMap<String, String> consent = new LinkedMultiValueMap<>();
        consent.add("response", "CONSENT");
        consent.add("reason", "期間の短縮を歓迎します");
        assertThat(postPage("/proposals/" + id + "/responses", startup, consent).getResponse().getStatus())
                .isEqualTo(302);
        objection.set("reason", "範囲に当社が含まれていない");
        postPage("/proposals/" + id + "/responses", company, objection);

        MultiValueMap<String, String> question = new LinkedMultiValueMap<>();
        question.add("text", "対象に試料の写真も含めますか？");
        assertThat(postPage("/proposals/" + id + "/questions", company, question).getResponse().getStatus())
                .isEqualTo(302);
        String page = body(api.page("/proposals/" + id, official));
        assertThat(page).contains("期間の短縮を歓迎します", "範囲に当社が含まれていない", "対象に試料の写真も含めますか？");
        assertThat(proposal(id).get("discussion")).hasSize(1);
    }

    /** The participants in scope: a set, whatever order the page listed them in. */
    private static List<String> scope(JsonNode designation) {
        List<String> scope = new ArrayList<>();
        designation.get("scopeParticipantIds").forEach(s -> scope.add(s.asString()));
        return scope;
    }

    private static JsonNode withoutScope(JsonNode designation) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) designation.deepCopy();
        copy.remove("scopeParticipantIds");
        return copy;
    }

    // ------------------------------------------------------------------ the page as a browser sends it

    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"proposal-form\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");

    /** The proposal form's fields as a browser would submit them: checked boxes only, the selected options. */
    private static MultiValueMap<String, String> form(String page) {
        Matcher f = FORM.matcher(page);
        assertThat(f.find()).as("the page has the proposal form").isTrue();
        String html = f.group(1);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            String attrs = input.group(1);
            String name = attr(attrs, "name");
            String type = attr(attrs, "type");
            if (name == null) {
                continue;
            }
            boolean choice = "checkbox".equals(type) || "radio".equals(type);
            if (choice && !attrs.matches("(?s).*\\bchecked\\b.*")) {
                continue;
            }
            String value = attr(attrs, "value");
            fields.add(name, value == null ? (choice ? "on" : "") : value);
        }
        Matcher textarea = TEXTAREA.matcher(html);
        while (textarea.find()) {
            fields.add(attr(textarea.group(1), "name"), HtmlUtils.htmlUnescape(textarea.group(2)));
        }
        Matcher select = SELECT.matcher(html);
        while (select.find()) {
            Matcher option = OPTION.matcher(select.group(2));
            String first = null;
            String selected = null;
            while (option.find()) {
                String value = attr(option.group(1), "value");
                first = first == null ? value : first;
                if (selected == null && option.group(1).matches("(?s).*\\bselected\\b.*")) {
                    selected = value;
                }
            }
            String chosen = selected != null ? selected : first;
            fields.add(attr(select.group(1), "name"), chosen == null ? "" : chosen);
        }
        return fields;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? HtmlUtils.htmlUnescape(m.group(1)) : null;
    }

    private MvcResult postPage(String path, Person person, MultiValueMap<String, String> fields) throws Exception {
        var principal = identity.user(new UserId(UUID.fromString(person.id()))).orElseThrow().asPrincipal();
        var auth = new UsernamePasswordAuthenticationToken(principal, null, principal.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        String[] parts = path.split("\\?", 2);
        var request = post(parts[0]).params(fields).with(csrf()).with(authentication(auth));
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                request.queryParam(kv[0], kv[1]);
            }
        }
        return mvc.perform(request).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
