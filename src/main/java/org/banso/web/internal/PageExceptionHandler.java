package org.banso.web.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A rule broken on a page shows the error page with the rule's status, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    @ExceptionHandler(BansoException.class)
    ModelAndView broken(BansoException e, HttpServletResponse response) {
        int status = e.code() == ProblemCode.UNAUTHENTICATED ? 403 : e.code().status();
        response.setStatus(status);
        String key = "error." + (status == 403 || status == 404 ? status : status >= 500 ? 500 : 400);
        return new ModelAndView("error", Map.of("status", status, "messageKey", key, "detail", e.getMessage()));
    }
}
