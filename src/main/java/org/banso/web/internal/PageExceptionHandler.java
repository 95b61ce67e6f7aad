package org.banso.web.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A rule broken on a page shows the error page with the rule's status, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    /** Where a page that needs a (fresh) second factor sends the person; they come back to the page afterwards. */
    private static final String SECOND_FACTOR_PAGE = "/login/second-factor";

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @ExceptionHandler(BansoException.class)
    ModelAndView broken(BansoException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.code() == ProblemCode.FRESH_SECOND_FACTOR_REQUIRED || e.code() == ProblemCode.SECOND_FACTOR_REQUIRED) {
            // step-up (issue 18): ask for the factor, then return to what was asked for (pages only ever GET items)
            if (HttpMethod.GET.matches(request.getMethod())) {
                requestCache.saveRequest(request, response);
            }
            return new ModelAndView("redirect:" + SECOND_FACTOR_PAGE + "?step-up");
        }
        int status = e.code() == ProblemCode.UNAUTHENTICATED ? 403 : e.code().status();
        response.setStatus(status);
        String key = "error." + (status == 403 || status == 404 ? status : status >= 500 ? 500 : 400);
        return new ModelAndView("error", Map.of("status", status, "messageKey", key, "detail", e.getMessage()));
    }
}
