package org.banso.web.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A person's refusal by a filter that runs before Spring MVC (overload's 503, the edge's 400 and 413; issue 17): a
 * small page in the page's language (the language cookie, Japanese by default) saying what happened and what to do,
 * written from the bundles alone. No template, session, database or request parameter is touched, so that refusing
 * costs next to nothing under overload and works for a request whose own text is what was refused.
 */
final class RefusalPages {

    private final MessageSource messages;
    private final LocaleResolver pageLanguage;

    RefusalPages(MessageSource messages, LocaleResolver pageLanguage) {
        this.messages = messages;
        this.pageLanguage = pageLanguage;
    }

    /** Whether the request is a person's page request (not the API, and the browser asks for HTML). */
    static boolean asksForPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /**
     * Writes the page: heading {@code <key>.title}, then {@code <key>.text} with {@code args}, then a line saying
     * whether something sent was processed (never, for a filter's refusal), and a link to try again.
     */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String key, Object... args)
            throws IOException {
        Locale locale = "en".equals(pageLanguage.resolveLocale(request).getLanguage()) ? Locale.ENGLISH
                : Locale.JAPANESE;
        String title = messages.getMessage(key + ".title", null, locale);
        boolean get = "GET".equals(request.getMethod());
        String again = get ? request.getRequestURI() : "/";
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " | " + escape(messages.getMessage("app.name", null, locale))
                + "</title><link rel=\"stylesheet\" href=\"/css/banso.css\"></head><body>"
                + "<main id=\"main\" class=\"narrow\"><h1>" + escape(title) + "</h1><p>"
                + escape(messages.getMessage(key + ".text", args, locale)) + "</p><p>"
                + escape(messages.getMessage(get ? "overload.nothingChanged" : "overload.notSent", null, locale))
                + "</p><p><a class=\"button\" href=\"" + escape(again) + "\">"
                + escape(messages.getMessage("overload.again", null, locale)) + "</a></p></main></body></html>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
