package org.banso.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.shared.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The language of the API's problem details (RFC 9457), for the controllers' problems and for those that filters write
 * before any controller runs (the sign-in throttle's 429, the edge's 400 and 413, overload's 503, the API's 401 and
 * 403, the error dispatch) alike (issue 17): Japanese when the request's {@code Accept-Language} prefers Japanese —
 * title and detail from the bundles' {@code problem.<code>} — else English, the API's language, as written. The
 * {@code type} and status never change.
 */
@Component
public class ProblemLanguage {

    private static final List<Locale> OFFERED = List.of(Locale.JAPANESE, Locale.ENGLISH);

    private final MessageSource messages;

    ProblemLanguage(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Japanese or English as the request's {@code Accept-Language} prefers; null when it names neither, is malformed
     * or absent (the problem then stays in English).
     */
    public static Locale requested(HttpServletRequest request) {
        String header = request == null ? null : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            Locale language = Locale.lookup(Locale.LanguageRange.parse(header), OFFERED);
            return language == null ? null : new Locale(language.getLanguage());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The problem worded in the request's language; in Japanese its title and, for a filter's problem, its detail. */
    public ProblemDetail worded(ProblemDetail problem, HttpServletRequest request, boolean detailToo) {
        if (!Locale.JAPANESE.equals(requested(request)) || problem.getType() == null) {
            return problem;
        }
        String path = problem.getType().getPath();
        String code = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        String title = messages.getMessage("problem." + code, null, null, Locale.JAPANESE);
        if (title != null) {
            problem.setTitle(title);
            if (detailToo) {
                problem.setDetail(messages.getMessage("problem." + code + ".detail", null, title, Locale.JAPANESE));
            }
        }
        return problem;
    }

    /** Writes a filter's problem, worded in the request's language. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Problems.write(response, worded(problem, request, true));
    }
}
