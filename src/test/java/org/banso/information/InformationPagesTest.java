package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** The information pages ask the same facade and policy as the API (R17) and show what R15 asks a designation states. */
@BansoIntegrationTest
@AutoConfigureMockMvc
class InformationPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;

    @Test
    void r15_r17_theCouncilItemsItemAndDesignationPagesShowMarkingsCountdownAndRationale() throws Exception {
        // R15, R17: badges, countdown, the four rationales, the adopting proposal; the council page links the items
        InformationTestSupport api = new InformationTestSupport(mvc, json, identity);
        Person official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        Person startup = api.person(api.organization("STARTUP"), "RESEARCHER");
        String council = api.establishedCouncil(official, startup);
        String startupParticipant = api.addParticipant(council, official, startup, "STARTUP");
        String ministryParticipant = api.participantOf(council, official, official);
        api.sign(council, official);
        api.sign(council, startup);

        // upload through the page form (multipart with the CSRF token)
        MvcResult uploaded = mvc.perform(multipart("/councils/" + council + "/items")
                .file(new MockMultipartFile("file", "memo.txt", "text/plain",
                        "ページから登録した本文".getBytes(StandardCharsets.UTF_8)))
                .param("title", "ページから登録した資料").param("category", "SAMPLING_DATA")
                .with(csrf()).with(authentication(auth(startup)))).andReturn();
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        String location = uploaded.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/items/");
        String item = location.substring("/items/".length());

        Instant now = Instant.now();
        String designation = api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), now.minusSeconds(60),
                now.plus(Duration.ofDays(10)).plusSeconds(3600), "VIEW_ONLY", "PUBLIC"), official, startup);

        String councilPage = body(api.page("/councils/" + council, startup));
        assertThat(councilPage).contains("/councils/" + council + "/items");

        String items = body(api.page("/councils/" + council + "/items", startup));
        assertThat(items).contains("ページから登録した資料", "marking--controlled", "公開まであと 11 日",
                "/designations/" + designation, "upload-submit");

        String english = body(api.page("/councils/" + council + "/items?lang=en", startup));
        assertThat(english).contains("Council information", "Controlled", "released in 11 days");
        assertThat(body(api.page("/designations/" + designation + "?lang=en", startup)))
                .contains("Prevention of technology leakage", "View only", ">管理指定</a>");

        String itemPage = body(api.page("/items/" + item, startup));
        assertThat(itemPage).contains("ページから登録した資料", "memo.txt", "/items/" + item + "/view")
                .doesNotContain("id=\"download\"");

        String designationPage = body(api.page("/designations/" + designation, startup));
        assertThat(designationPage).contains(InformationTestSupport.RATIONALE, "閲覧のみ",
                "/proposals/", "ページから登録した資料");

        assertThat(api.page("/public/results", null).getResponse().getStatus()).isEqualTo(200);
        assertThat(body(api.page("/public/results", null))).doesNotContain("ページから登録した資料");
    }

    @Test
    void r17_aRefusedPageUploadShowsTheReasonAndStoresNothing() throws Exception {
        // R17, R12: the page goes through the facade; a blank title is refused with its field message, the form comes
        // back (422) with the category kept and the file asked for again (issue 17)
        InformationTestSupport api = new InformationTestSupport(mvc, json, identity);
        Person official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        Person startup = api.person(api.organization("STARTUP"), "RESEARCHER");
        String council = api.establishedCouncil(official, startup);
        api.addParticipant(council, official, startup, "STARTUP");
        api.sign(council, startup);
        MvcResult refused = mvc.perform(multipart("/councils/" + council + "/items")
                .file(new MockMultipartFile("file", "memo.txt", "text/plain", "本文".getBytes(StandardCharsets.UTF_8)))
                .param("title", " ").param("category", "REPORT")
                .with(csrf()).with(authentication(auth(startup)))).andReturn();
        String html = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(html).contains("id=\"error-summary\"", "href=\"#title\"", "id=\"title-error\"",
                "<option value=\"REPORT\" selected=\"selected\">", "ファイルをもう一度選んでください");
        assertThat(api.listedIds(council, startup)).isEmpty();
    }

    @Test
    void r12_aParticipantWithoutACurrentPledgeIsToldWhyAndLedToThePledgeInOneClick() throws Exception { // #17
        InformationTestSupport api = new InformationTestSupport(mvc, json, identity);
        InformationTestSupport.World world = api.world();
        String item = api.upload(world.council(), world.startup(), "誓約前には見えない資料", "REPORT", "本文");
        Person late = api.person(api.organization("COMPANY"), "RESEARCHER");
        api.addParticipant(world.council(), world.official(), late, "COMPANY");
        String councilName = json.readTree(mvc.perform(org.springframework.test.web.servlet.request
                        .MockMvcRequestBuilders.get("/api/v1/councils/" + world.council())
                        .header("Authorization", "Bearer " + world.official().token()))
                .andReturn().getResponse().getContentAsString()).get("name").asString();
        for (String page : List.of("/councils/" + world.council() + "/items", "/items/" + item)) {
            MvcResult refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get(page).param("lang", "ja").with(authentication(auth(late)))).andReturn();
            String html = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused.getResponse().getStatus()).as(page).isEqualTo(403);
            assertThat(html).as(page).contains("先に誓約書への署名が必要です").contains("協議会「" + councilName + "」")
                    .contains("id=\"pledge-link\" href=\"/councils/" + world.council() + "?then=" + page + "#pledge\"")
                    .doesNotContain("誓約前には見えない資料");
        }
        // someone outside the council learns nothing: the usual not-found, no council named, no pledge offered
        MvcResult outside = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/items/" + item).with(authentication(auth(world.outsider())))).andReturn();
        assertThat(outside.getResponse().getStatus()).isEqualTo(404);
        assertThat(outside.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("pledge-link")
                .doesNotContain(councilName);
        // one click, one signature, and the content opens
        api.sign(world.council(), late);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/items/" + item).with(authentication(auth(late)))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    private UsernamePasswordAuthenticationToken auth(Person person) {
        var principal = identity.user(new UserId(UUID.fromString(person.id()))).orElseThrow().asPrincipal();
        return new UsernamePasswordAuthenticationToken(principal, null, principal.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
