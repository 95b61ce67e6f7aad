package org.banso.shared;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with Banso's stable types, for every path that reports an error. */
public final class Problems {

    private static final JsonMapper json = JsonMapper.builder().build();

    private Problems() {
    }

    /**
     * Writes a problem straight to the response, for the paths that answer before or outside any controller
     * (security filters, the error page).
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    public static ProblemDetail of(ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.status()), detail);
        problem.setType(code.type());
        problem.setTitle(code.title());
        return problem;
    }

    public static ProblemDetail of(BansoException e) {
        ProblemDetail problem = of(e.code(), e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", fieldErrors(e.errors()));
        }
        return problem;
    }

    public static List<Map<String, String>> fieldErrors(List<BansoException.FieldError> errors) {
        return errors.stream().map(err -> err.code() == null
                ? Map.of("field", err.field(), "message", err.message())
                : Map.of("field", err.field(), "message", err.message(), "code", err.code())).toList();
    }

    /** The code for a status the framework reports before any of our code runs. */
    public static ProblemCode codeForStatus(int status) {
        return switch (status) {
            case 400 -> ProblemCode.VALIDATION_FAILED;
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 409 -> ProblemCode.CONFLICT;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemCode.RATE_LIMITED;
            case 503 -> ProblemCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ProblemCode.INTERNAL_ERROR : ProblemCode.VALIDATION_FAILED;
        };
    }
}
