package org.banso.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * For every page about to be rendered: its forms' binding results under {@code formErrors} (form name → result),
 * which the error summary and field messages read; and when any of them holds an error, the status
 * {@code 422 Unprocessable Content}, so that a form sent back for correction is never mistaken for a success.
 */
class FormErrorsInterceptor implements HandlerInterceptor {

    static final String MODEL_KEY = "formErrors";

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        Map<String, BindingResult> results = new LinkedHashMap<>();
        boolean anyError = false;
        for (Map.Entry<String, Object> entry : view.getModel().entrySet()) {
            if (entry.getKey().startsWith(BindingResult.MODEL_KEY_PREFIX)
                    && entry.getValue() instanceof BindingResult result) {
                results.put(result.getObjectName(), result);
                anyError |= result.hasErrors();
            }
        }
        view.addObject(MODEL_KEY, results);
        if (anyError) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }
}
