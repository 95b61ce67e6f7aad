package org.banso.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A person's second factor set up through the real pages, as they would do it (issue 18): sign in with the password,
 * start the authenticator-app enrolment, read the key from the set-up page, confirm with the app's code.
 */
public final class SecondFactorScript {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern CODE = Pattern.compile("<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code>");

    private final MockMvc mvc;
    private final Clock clock;

    public SecondFactorScript(MockMvc mvc, Clock clock) {
        this.mvc = mvc;
        this.clock = clock;
    }

    /** What an enrolment leaves the person with. */
    public record Enrolled(String secret, List<String> recoveryCodes, MockHttpSession session) {
    }

    public MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of %s", username).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession();
    }

    public Enrolled enrolTotp(String username, String password) throws Exception {
        MockHttpSession session = signIn(username, password);
        mvc.perform(post("/account/second-factor/totp").session(session).with(csrf()));
        String page = mvc.perform(get("/account/second-factor/totp").session(session)).andReturn().getResponse()
                .getContentAsString();
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as("the set-up page shows the key").isTrue();
        String codes = mvc.perform(post("/account/second-factor/totp/confirm").session(session).with(csrf())
                        .param("code", Totp.code(secret.group(1), clock.instant())))
                .andReturn().getResponse().getContentAsString();
        List<String> recovery = new ArrayList<>();
        Matcher code = CODE.matcher(codes);
        while (code.find()) {
            recovery.add(code.group(1));
        }
        assertThat(recovery).as("the recovery codes, shown once").hasSize(10);
        return new Enrolled(secret.group(1), recovery, session);
    }
}
