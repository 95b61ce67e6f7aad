package org.banso.web.internal;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.shared.ProblemCode;
import org.banso.shared.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path nothing serves: a not-found problem under {@code /api/}, the not-found page elsewhere. Since only
 * {@code /css}, {@code /js} and {@code /webjars} are resources ({@code spring.web.resources.add-mappings=false}), such
 * a path finds no handler at all; a missing file under those prefixes finds no resource.
 */
@ControllerAdvice
class UnmappedPathHandler {

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    Object notFound(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = Problems.of(ProblemCode.NOT_FOUND, "Nothing is here.");
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(404);
        return new ModelAndView("error", Map.of("status", 404, "messageKey", "error.404"));
    }
}
