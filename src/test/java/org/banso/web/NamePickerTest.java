package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.banso.funding.FundingFixtures;
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

/**
 * The name pickers' server side (issue 17): options by name, narrowed by what was typed (any width, any case), at most
 * {@link Choice#LIMIT} besides the chosen ones, only people the person may see, and no id in the visible text.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class NamePickerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityManagement identity;
    @Autowired
    TechnologyRegistry technologies;

    @Test
    void peopleAreOfferedByNameBoundedAndOnlyThoseThePersonMaySee() throws Exception {
        FundingFixtures fixtures = new FundingFixtures(identity, technologies);
        OrganizationId company = fixtures.organization(OrganizationKind.COMPANY);
        OrganizationId other = fixtures.organization(OrganizationKind.COMPANY);
        BansoUser researcher = fixtures.user(company, Role.RESEARCHER);
        BansoUser colleague = fixtures.user(company, Role.RESEARCHER);
        BansoUser stranger = fixtures.user(other, Role.RESEARCHER);
        for (int i = 0; i < Choice.LIMIT + 5; i++) {
            fixtures.user(company, Role.RESEARCHER);
        }
        MockHttpSession session = signIn(researcher);
        // a researcher sees the people of their own organization only
        String colleagueOnly = options(session, colleague.username());
        assertThat(colleagueOnly).contains(colleague.displayName()).doesNotContain(stranger.displayName());
        assertThat(options(session, stranger.username())).doesNotContain(stranger.displayName());
        // full-width and upper case match alike
        String wide = options(session, toFullWidthUpper(colleague.username()));
        assertThat(wide).contains(colleague.displayName());
        // bounded: at most LIMIT options, however many match
        String all = options(session, "試験");
        assertThat(count(all, "type=\"radio\" name=\"representativeId\" value=\"[0-9a-f-]{36}\""))
                .isEqualTo(Choice.LIMIT);
        // the chosen one stays first whatever is typed, and ids stay in values, never in the text
        String chosen = mvc.perform(get("/choices/people").session(session).param("field", "representativeId")
                        .param("q", "zzz-no-match").param("representativeId", colleague.id().value().toString()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(chosen).contains(colleague.displayName()).contains("checked");
        String visible = chosen.replaceAll("<[^>]*>", " ");
        assertThat(visible).doesNotContain(colleague.id().value().toString());
        // a field name that is not a plain identifier is refused, never echoed into the page
        int refused = mvc.perform(get("/choices/people").session(session).param("field", "x\" onmouseover=\"a"))
                .andReturn().getResponse().getStatus();
        assertThat(refused).isBetween(400, 499);
    }

    private String options(MockHttpSession session, String q) throws Exception {
        return mvc.perform(get("/choices/people").session(session).param("field", "representativeId").param("q", q))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String toFullWidthUpper(String ascii) {
        StringBuilder wide = new StringBuilder();
        for (char c : ascii.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return wide.toString();
    }

    private MockHttpSession signIn(BansoUser user) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", user.username())
                .param("password", ApiAccounts.PASSWORD)).andReturn().getRequest().getSession();
    }
}
