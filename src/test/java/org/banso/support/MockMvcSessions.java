package org.banso.support;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Page sessions live in the database (Spring Session JDBC, #19) and are found by their cookie; MockMvc tests hand a
 * {@code MockHttpSession} from request to request instead. This resolver lets them go on doing so: besides the
 * cookie, it reads the database session's id from the MockMvc session, writes it there when the application sets it
 * (sign-in, id change), and invalidates the MockMvc session when the application ends the session — so
 * {@code session.isInvalid()} still tells what the server did. The session itself is always the real one in
 * PostgreSQL; only the way its id travels differs from a browser's. Never in the application.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

    static final String ID = MockMvcSessions.class.getName() + ".id";

    @Bean
    HttpSessionIdResolver mockMvcAwareSessionIds() {
        // Boot makes its cookie serializer only when no resolver is defined: the defaults (SESSION, HttpOnly,
        // SameSite=Lax) are those the application's settings give it
        CookieHttpSessionIdResolver cookie = new CookieHttpSessionIdResolver();
        cookie.setCookieSerializer(new DefaultCookieSerializer());
        return new HttpSessionIdResolver() {
            @Override
            public List<String> resolveSessionIds(HttpServletRequest request) {
                List<String> ids = new ArrayList<>(cookie.resolveSessionIds(request));
                HttpSession mock = mockSession(request, false);
                if (mock != null && mock.getAttribute(ID) instanceof String id && !ids.contains(id)) {
                    ids.add(0, id);
                }
                return ids;
            }

            @Override
            public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
                cookie.setSessionId(request, response, sessionId);
                HttpSession mock = mockSession(request, true);
                if (mock != null) {
                    mock.setAttribute(ID, sessionId);
                }
            }

            @Override
            public void expireSession(HttpServletRequest request, HttpServletResponse response) {
                cookie.expireSession(request, response);
                HttpSession mock = mockSession(request, false);
                if (mock != null) {
                    mock.invalidate();
                }
            }
        };
    }

    /** The MockMvc request's own session under Spring Session's wrappers; null outside MockMvc. */
    private static HttpSession mockSession(HttpServletRequest request, boolean create) {
        ServletRequest inner = request;
        while (inner instanceof HttpServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        if (!(inner instanceof MockHttpServletRequest mock)) {
            return null;
        }
        HttpSession session = mock.getSession(create);
        if (session instanceof org.springframework.mock.web.MockHttpSession m && m.isInvalid()) {
            return null;
        }
        return session;
    }
}
