package org.banso.web.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.shared.ProblemCode;
import org.banso.shared.Problems;
import org.banso.web.ProblemLanguage;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that no controller handled (unknown paths, failures in filters): a problem document for the API and for
 * clients that do not ask for HTML, a page for people. Neither ever shows a stack trace or an exception message.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ProblemLanguage problemLanguage;

    ErrorPageController(ProblemLanguage problemLanguage) {
        this.problemLanguage = problemLanguage;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        if (requestUri(request).startsWith("/api/")) {
            problemLanguage.write(request, response, problem(request));
            return null;
        }
        response.setStatus(status);
        String key = "error." + (status == 403 || status == 404 || status == 429 ? status : status >= 500 ? 500 : 400);
        return new ModelAndView("error", Map.of("status", status, "messageKey", key));
    }

    @RequestMapping("/error")
    void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problemLanguage.write(request, response, problem(request));
    }

    private static ProblemDetail problem(HttpServletRequest request) {
        ProblemCode code = Problems.codeForStatus(status(request));
        ProblemDetail problem = Problems.of(code, switch (code) {
            case NOT_FOUND -> "Nothing is here.";
            case UNAUTHENTICATED -> "Sign in first.";
            case FORBIDDEN -> "This is not allowed for you.";
            case METHOD_NOT_ALLOWED -> "This method is not supported here.";
            case INTERNAL_ERROR -> "The server failed. The failure was logged.";
            default -> "The request could not be processed.";
        });
        String uri = requestUri(request);
        if (!uri.isEmpty()) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException notAUri) {
                // the path was not a valid URI; the problem stands without an instance
            }
        }
        return problem;
    }

    private static String requestUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? "" : uri.toString();
    }

    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }
}
