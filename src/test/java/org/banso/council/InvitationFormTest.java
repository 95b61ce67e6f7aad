package org.banso.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.banso.support.ApiAccounts;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * R13, issue 16: the named invitation from the council page — invitee by name, organisation and e-mail, and the last
 * day the link works, chosen by the inviter within the configured longest lifetime. A refusal comes back on the
 * council page with what was typed and the reason by the field, and creates no invitation.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class InvitationFormTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    String council;
    MockHttpSession official;

    @BeforeEach
    void council() throws Exception {
        CouncilTestSupport api = new CouncilTestSupport(mvc, json);
        Person ministryOfficial = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        council = api.establishedCouncil(ministryOfficial, api.person(api.organization("UNIVERSITY"), "RESEARCHER"));
        official = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                .param("username", ministryOfficial.username()).param("password", ApiAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
    }

    private MvcResult invite(String lang, String name, String organization, String email, String expiresOn)
            throws Exception {
        return mvc.perform(post("/councils/" + council + "/invitations").session(official).with(csrf())
                .param("lang", lang).param("role", "RESEARCHER").param("inviteeName", name)
                .param("inviteeOrganization", organization).param("inviteeEmail", email)
                .param("inviteeLanguage", "ja").param("expiresOn", expiresOn)).andReturn();
    }

    private long invitations() {
        return jdbc.sql("select count(*) from council_invitation where council_id = ?::uuid").param(council)
                .query(Long.class).single();
    }

    @Test
    void r13_aNamedInvitationExpiresAtTheEndOfTheDayTheInviterChoseInJapan() throws Exception {
        LocalDate lastDay = LocalDate.ofInstant(clock.instant(), JAPAN).plusDays(30);
        MvcResult made = invite("ja", "招待 太郎", "量子計測株式会社", "taro@example.jp", lastDay.toString());
        assertThat(made.getResponse().getStatus()).isEqualTo(302);
        assertThat(made.getResponse().getRedirectedUrl()).endsWith("/councils/" + council + "#invitations");
        Instant expires = jdbc.sql("select expires_at from council_invitation where council_id = ?::uuid"
                + " and invitee_email = 'taro@example.jp'").param(council).query(Instant.class).single();
        assertThat(expires).isEqualTo(lastDay.plusDays(1).atStartOfDay(JAPAN).toInstant());
    }

    @Test
    void r13_anExpiryInThePastOrBeyondTheLongestLifetimeIsRefusedByItsFieldAndNothingIsMade() throws Exception {
        long before = invitations();
        LocalDate today = LocalDate.ofInstant(clock.instant(), JAPAN);
        for (String lang : new String[] {"ja", "en"}) {
            for (LocalDate wrong : new LocalDate[] {today.minusDays(1), today.plusDays(200)}) {
                MvcResult refused = invite(lang, "保持される招待者", "量子計測株式会社", "hanako@example.jp",
                        wrong.toString());
                String page = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(refused.getResponse().getStatus()).as(lang + " " + wrong).isEqualTo(422);
                assertThat(page).contains("id=\"error-summary\"", "href=\"#expiresOn\"", "id=\"expiresOn-error\"",
                        "保持される招待者", "hanako@example.jp", "value=\"" + wrong + "\"");
                assertThat(page).contains("ja".equals(lang) ? "90日以内" : "within 90 days");
            }
        }
        assertThat(invitations()).isEqualTo(before);
    }

    @Test
    void r13_theListShowsTheLastDayAsChosenAndTheFormHintGivesTheRealDefaultAndLatestDay() throws Exception { // #17
        LocalDate today = LocalDate.ofInstant(clock.instant(), JAPAN);
        LocalDate lastDay = today.plusDays(30);
        assertThat(invite("ja", "招待 次郎", "量子計測株式会社", "jiro@example.jp", lastDay.toString())
                .getResponse().getStatus()).isEqualTo(302);
        LocalDate latest = LocalDate.ofInstant(clock.instant().plus(java.time.Duration.ofDays(90)), JAPAN)
                .minusDays(1);
        LocalDate byDefault = LocalDate.ofInstant(clock.instant().plus(java.time.Duration.ofDays(14)), JAPAN);

        String ja = page("ja");
        assertThat(ja).contains(day(lastDay, java.util.Locale.JAPANESE) + "まで")
                .contains("既定は14日後の" + day(byDefault, java.util.Locale.JAPANESE) + "まで",
                        "最長で" + day(latest, java.util.Locale.JAPANESE) + "まで選べます（90日以内）")
                .doesNotContain("有効期限14日")
                .doesNotContain(day(lastDay.plusDays(1), java.util.Locale.JAPANESE));
        String en = page("en");
        assertThat(en).contains("until " + day(lastDay, java.util.Locale.ENGLISH))
                .contains("By default 14 days from now", "at most until " + org.banso.web.DateFormats.date(
                        latest.atTime(12, 0).atZone(JAPAN).toInstant(), java.util.Locale.ENGLISH) + " (within 90 days)")
                .doesNotContain("valid for 14 days");

        // the hint tells the truth: its latest day is accepted, the day after is not
        assertThat(invite("ja", "招待 三郎", "量子計測株式会社", "saburo@example.jp", latest.toString())
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(invite("ja", "招待 四郎", "量子計測株式会社", "shiro@example.jp", latest.plusDays(1).toString())
                .getResponse().getStatus()).isEqualTo(422);
    }

    private String page(String lang) throws Exception {
        MvcResult page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/councils/" + council).param("lang", lang).session(official)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A day as the pages write it (the era year on Japanese pages, as {@code @dates.day} does). */
    private static String day(LocalDate day, java.util.Locale locale) {
        String date = org.banso.web.DateFormats.date(day.atTime(12, 0).atZone(JAPAN).toInstant(), locale);
        if ("ja".equals(locale.getLanguage())) {
            return date;
        }
        java.time.chrono.JapaneseDate era = java.time.chrono.JapaneseDate.from(day);
        return date + " (Reiwa " + era.get(java.time.temporal.ChronoField.YEAR_OF_ERA) + ")";
    }

    @Test
    void r13_aNameWithoutAnAddressIsRefusedOnTheAddressAndAnEmptyNameMakesALinkShownOnce() throws Exception {
        long before = invitations();
        String lastDay = LocalDate.ofInstant(clock.instant(), JAPAN).plusDays(7).toString();
        MvcResult refused = invite("ja", "招待 花子", "", "", lastDay);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("href=\"#inviteeEmail\"", "id=\"inviteeEmail-error\"", "招待 花子");
        assertThat(invitations()).isEqualTo(before);

        MvcResult link = invite("ja", "", "", "", lastDay);
        assertThat(link.getResponse().getStatus()).isEqualTo(302);
        assertThat(link.getFlashMap().get("invitationPath")).asString().startsWith("/invitations/bnsi_");
        assertThat(invitations()).isEqualTo(before + 1);
    }
}
