package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, safe actions on the council pages: removing an organisation, leaving, revoking one's pledge, withdrawing a
 * proposal, revoking an invitation and publishing a result first show a page saying what will happen, to whom (by
 * name) and what cannot be undone, and change nothing until its button is pressed; the result names who was affected,
 * worded for whoever acted. And a participant told to sign the pledge first goes on, once signed, to what they were
 * opening — never before (R12), and never off the application.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class SafeCouncilActionsPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    MessageSource messages;

    InformationTestSupport api;
    InformationTestSupport.World world;

    @BeforeEach
    void world() throws Exception {
        api = new InformationTestSupport(mvc, json, identity);
        world = api.world();
    }

    @Test
    void r12_removingAnotherOrganisationIsConfirmedFirstAndTheResultNamesWhoWasRemoved() throws Exception {
        String company = api.participantOf(world.council(), world.official(), world.company());
        String path = "/councils/" + world.council() + "/participants/" + company + "/leave";
        String organization = organizationName(world.company());

        String asked = html(mvc.perform(api.as(post(path).param("lang", "ja"), world.official())).andReturn(), 200);
        assertThat(asked).contains("参加団体を協議会から外しますか", "「" + organization + "」（企業）",
                displayName(world.company()), "元に戻すことはできません", "action=\"" + path + "\"",
                "name=\"confirmed\" value=\"true\"", "「" + organization + "」を協議会から外す")
                .doesNotContain("脱退しますか");
        // nothing happened yet: the company still reads the council's information (R12)
        assertThat(api.participants(world.council(), world.official())).contains(company);
        assertThat(status("/councils/" + world.council() + "/items", world.company())).isEqualTo(200);

        MvcResult done = mvc.perform(api.as(post(path).param("confirmed", "true"), world.official())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/councils/" + world.council());
        assertThat(notice(done, Locale.JAPANESE)).contains("「" + organization + "」を協議会「")
                .contains("参加者から外しました", displayName(world.company())).doesNotContain("脱退");
        assertThat(notice(done, Locale.ENGLISH)).contains(organization + " was removed from the council")
                .doesNotContain("You left");
        // the notice is on the council page the official lands on
        assertThat(html(mvc.perform(api.as(get("/councils/" + world.council()).param("lang", "ja"), world.official())
                .flashAttrs(done.getFlashMap())).andReturn(), 200)).contains("id=\"saved-notice\"",
                "参加者から外しました");
        // R12: access ended at once
        assertThat(api.participants(world.council(), world.official())).doesNotContain(company);
        assertThat(status("/councils/" + world.council() + "/items", world.company())).isNotEqualTo(200);
    }

    @Test
    void r12_leavingOnesOwnCouncilIsConfirmedFirstAndSaysSoInEnglishToo() throws Exception {
        String company = api.participantOf(world.council(), world.official(), world.company());
        String path = "/councils/" + world.council() + "/participants/" + company + "/leave";
        String organization = organizationName(world.company());

        String asked = html(mvc.perform(api.as(post(path).param("lang", "en"), world.company())).andReturn(), 200);
        assertThat(asked).contains("Leave the council?", "Your organization, " + organization,
                "Leaving cannot be undone", "Leave the council as " + organization);
        assertThat(api.participants(world.council(), world.official())).contains(company);

        MvcResult done = mvc.perform(api.as(post(path).param("confirmed", "true"), world.company())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).as("no longer a participant").isEqualTo("/councils");
        assertThat(notice(done, Locale.JAPANESE)).contains("「" + organization + "」は協議会「", "脱退しました");
        assertThat(notice(done, Locale.ENGLISH)).contains(organization + " left the council");
        assertThat(api.participants(world.council(), world.official())).doesNotContain(company);
    }

    @Test
    void r12_revokingOnesPledgeIsConfirmedFirstAndEndsAccessOnlyWhenConfirmed() throws Exception {
        String path = "/councils/" + world.council() + "/pledges/revoke";
        String asked = html(mvc.perform(api.as(post(path).param("lang", "ja"), world.startup())).andReturn(), 200);
        assertThat(asked).contains("誓約を撤回しますか", displayName(world.startup()), organizationName(world.startup()),
                "撤回を取り消すことはできません", "秘密を守る義務は撤回後も続きます", "action=\"" + path + "\"");
        assertThat(status("/councils/" + world.council() + "/items", world.startup())).as("not yet revoked")
                .isEqualTo(200);

        MvcResult done = mvc.perform(api.as(post(path).param("confirmed", "true"), world.startup())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/councils/" + world.council());
        assertThat(notice(done, Locale.JAPANESE)).contains(displayName(world.startup()), "誓約を撤回しました");
        // R12: the content is closed at once, with the way back to the pledge
        assertThat(status("/councils/" + world.council() + "/items", world.startup())).isEqualTo(403);
    }

    @Test
    void r14_withdrawingAProposalIsConfirmedFirstAndTheResultNamesIt() throws Exception {
        String proposal = api.call("POST", "/api/v1/councils/" + world.council() + "/proposals",
                world.official().token(), Map.of("matter", "PROMOTION", "title", "取り下げる議案", "body", "本文"),
                201).get("id").asString();
        String path = "/proposals/" + proposal + "/withdraw";
        String asked = html(mvc.perform(api.as(post(path).param("lang", "ja"), world.official())).andReturn(), 200);
        assertThat(asked).contains("議案を取り下げますか", "議案「取り下げる議案」（第1版）", "参加者 3団体",
                "審議に戻すことはできません");
        assertThat(api.proposalStatus(proposal, world.official())).isEqualTo("OPEN");

        MvcResult done = mvc.perform(api.as(post(path).param("confirmed", "true"), world.official())).andReturn();
        assertThat(notice(done, Locale.JAPANESE)).isEqualTo("議案「取り下げる議案」を取り下げました。");
        assertThat(api.proposalStatus(proposal, world.official())).isEqualTo("WITHDRAWN");
    }

    @Test
    void r13_revokingAnInvitationIsConfirmedFirstNamingTheInvitee() throws Exception {
        String invitation = api.call("POST", "/api/v1/councils/" + world.council() + "/invitations",
                world.official().token(), Map.of("role", "UNIVERSITY", "invitee", Map.of("name", "招待 花子",
                        "organization", "架空大学", "email", "hanako@example.jp", "language", "ja")), 201)
                .get("id").asString();
        String path = "/councils/" + world.council() + "/invitations/" + invitation + "/revoke";
        String asked = html(mvc.perform(api.as(post(path).param("lang", "ja"), world.official())).andReturn(), 200);
        assertThat(asked).contains("招待を取り消しますか", "「大学」としての参加の招待",
                "招待 花子（架空大学、hanako@example.jp）", "元に戻すことはできません");
        assertThat(api.invitationState(world.council(), invitation, world.official())).isEqualTo("OPEN");

        MvcResult done = mvc.perform(api.as(post(path).param("confirmed", "true"), world.official())).andReturn();
        assertThat(notice(done, Locale.JAPANESE)).contains("招待 花子（架空大学、hanako@example.jp）", "取り消しました");
        assertThat(api.invitationState(world.council(), invitation, world.official())).isEqualTo("REVOKED");
    }

    @Test
    void r16_publishingAResultIsConfirmedFirstAndNothingIsPublicUntilThen() throws Exception {
        String item = api.upload(world.council(), world.startup(), "公開前の研究成果", "RESEARCH_RESULT", "本文");
        String path = "/items/" + item + "/publish";
        String asked = html(mvc.perform(api.as(post(path).param("lang", "ja"), world.startup())).andReturn(), 200);
        assertThat(asked).contains("研究成果を公開しますか", "資料「公開前の研究成果」（協議会「", "公開を取り消すことはできません");
        assertThat(html(api.page("/public/results", null), 200)).doesNotContain("公開前の研究成果");

        MvcResult done = mvc.perform(api.as(post(path).param("confirmed", "true"), world.startup())).andReturn();
        assertThat(notice(done, Locale.JAPANESE)).contains("「公開前の研究成果」を公開しました");
        assertThat(html(api.page("/public/results", null), 200)).contains("公開前の研究成果");
    }

    @Test
    void r12_afterSigningThePledgeAParticipantGoesOnToTheContentTheyWereOpeningAndNeverBefore() throws Exception {
        String item = api.upload(world.council(), world.startup(), "署名の後に読む資料", "REPORT", "本文");
        Person late = api.person(api.organization("COMPANY"), "RESEARCHER");
        api.addParticipant(world.council(), world.official(), late, "COMPANY");

        // R12: told why, and the one click to the pledge carries the item along
        MvcResult refused = mvc.perform(api.as(get("/items/" + item).param("lang", "ja"), late)).andReturn();
        String pledgePage = "/councils/" + world.council() + "?then=/items/" + item + "#pledge";
        assertThat(html(refused, 403)).contains("href=\"" + pledgePage + "\"", "開こうとしていたページに戻ります")
                .doesNotContain("署名の後に読む資料");
        String council = html(mvc.perform(api.as(get("/councils/" + world.council()).param("then", "/items/" + item),
                late)).andReturn(), 200);
        assertThat(council).contains("name=\"then\" value=\"/items/" + item + "\"");

        // an unticked box: the form comes back, still carrying the way on, and nothing opened
        MvcResult unticked = mvc.perform(api.as(post("/councils/" + world.council() + "/pledges")
                .param("language", "ja").param("then", "/items/" + item), late)).andReturn();
        assertThat(html(unticked, 422)).contains("name=\"then\" value=\"/items/" + item + "\"");
        assertThat(status("/items/" + item, late)).isEqualTo(403);

        MvcResult signed = mvc.perform(api.as(post("/councils/" + world.council() + "/pledges").param("accept", "true")
                .param("language", "ja").param("then", "/items/" + item), late)).andReturn();
        assertThat(signed.getResponse().getRedirectedUrl()).isEqualTo("/items/" + item);
        assertThat(html(api.page("/items/" + item, late), 200)).contains("署名の後に読む資料");
    }

    @Test
    void r12_thePledgeFormNeverLeadsOffTheApplicationNorToAPageThatIsNotCouncilContent() throws Exception {
        Person late = api.person(api.organization("COMPANY"), "RESEARCHER");
        api.addParticipant(world.council(), world.official(), late, "COMPANY");
        String council = html(mvc.perform(api.as(get("/councils/" + world.council())
                .param("then", "https://evil.example/items"), late)).andReturn(), 200);
        assertThat(council).doesNotContain("evil.example").doesNotContain("name=\"then\"");
        for (String then : new String[] {"//evil.example/x", "https://evil.example/", "/admin/users",
                "/items/" + UUID.randomUUID() + "?x=1", "/items/../admin", "/councils/" + world.council() + "/items\n"}) {
            Person signer = api.person(api.organization("COMPANY"), "RESEARCHER");
            api.addParticipant(world.council(), world.official(), signer, "COMPANY");
            MvcResult signed = mvc.perform(api.as(post("/councils/" + world.council() + "/pledges")
                    .param("accept", "true").param("language", "ja").param("then", then), signer)).andReturn();
            assertThat(signed.getResponse().getRedirectedUrl()).as(then).isEqualTo("/councils/" + world.council());
        }
    }

    @Test
    void r17_aLeakReportsItemIsPickedByTitleAmongOnlyWhatThePersonMayKnowOf() throws Exception {
        String marker = "pick" + System.nanoTime();
        String title = "漏えい候補の資料 " + marker;
        String item = api.upload(world.council(), world.startup(), title, "REPORT", "本文 " + marker);
        Person auditor = api.person(api.organization("OTHER"), "AUDITOR");

        // the page offers a picker, not a box for an id
        String page = html(mvc.perform(api.as(get("/leaks").param("lang", "ja"), auditor)).andReturn(), 200);
        assertThat(page).contains("id=\"itemId-picker\"", "hx-get=\"/choices/items?field=itemId&amp;multiple=false\"",
                "漏えいした情報項目（分かる場合）");

        // a participant finds it by a word of its title, named with its council; no id in what is read
        String offered = "";
        for (int i = 0; i < 100 && !offered.contains(title); i++) { // the index follows the upload's event
            offered = html(mvc.perform(api.as(get("/choices/items").param("q", marker).param("field", "itemId"),
                    world.company())).andReturn(), 200);
            if (!offered.contains(title)) {
                Thread.sleep(100);
            }
        }
        assertThat(offered).contains(title, "value=\"" + item + "\"");
        assertThat(offered.replaceAll("(?s)<[^>]*>", " ")).doesNotContain(item);
        // R17: someone outside the council, and an auditor who is no participant, are offered nothing of it
        for (Person other : new Person[] {world.outsider(), auditor}) {
            assertThat(html(mvc.perform(api.as(get("/choices/items").param("q", marker).param("field", "itemId"),
                    other)).andReturn(), 200)).doesNotContain(title).doesNotContain(item);
        }
        // a picked item the person may not know of stays picked without being named
        assertThat(html(mvc.perform(api.as(get("/choices/items").param("q", marker).param("field", "itemId")
                .param("itemId", item), auditor)).andReturn(), 200)).contains("value=\"" + item + "\"",
                "選択中の情報項目").doesNotContain(title);
    }

    private int status(String path, Person person) throws Exception {
        return api.page(path, person).getResponse().getStatus();
    }

    private String notice(MvcResult result, Locale locale) {
        Object notice = result.getFlashMap().get("savedText");
        assertThat(notice).as("the result notice").isInstanceOf(MessageSourceResolvable.class);
        return messages.getMessage((MessageSourceResolvable) notice, locale);
    }

    private String displayName(Person person) {
        return identity.user(new UserId(UUID.fromString(person.id()))).orElseThrow().displayName();
    }

    private String organizationName(Person person) {
        return identity.organization(new OrganizationId(UUID.fromString(person.organizationId()))).orElseThrow()
                .name();
    }

    private static String html(MvcResult result, int status) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body.length() > 2000 ? body.substring(0, 2000) : body)
                .isEqualTo(status);
        return body;
    }
}
