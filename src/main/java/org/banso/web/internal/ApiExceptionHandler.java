package org.banso.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.banso.shared.BansoException;
import org.banso.shared.DateBounds;
import org.banso.shared.RetryLaterException;
import org.banso.shared.ProblemCode;
import org.banso.shared.Problems;
import org.banso.web.FieldErrorMessages;
import org.banso.web.ProblemLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The one place where failures of REST controllers become RFC 9457 problems with the stable types of API.md. The
 * detail never carries an exception message from below the service layer (it might hold content or SQL).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final FieldErrorMessages fieldErrorMessages;
    private final ProblemLanguage problemLanguage;

    ApiExceptionHandler(FieldErrorMessages fieldErrorMessages, ProblemLanguage problemLanguage) {
        this.fieldErrorMessages = fieldErrorMessages;
        this.problemLanguage = problemLanguage;
    }

    @ExceptionHandler(BansoException.class)
    ResponseEntity<Object> banso(BansoException e) {
        Locale language = language();
        ProblemDetail problem = Problems.of(e);
        // worded in the client's language through the pages' own lookup; in English the detail stays the
        // service's sentence, which says more than the bundle's
        if (Locale.JAPANESE.equals(language)) {
            problem.setDetail(fieldErrorMessages.problemText(e.code(), e.getMessage(), language));
        }
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors().stream().map(err -> fieldError(err, language)).toList());
        }
        if (e instanceof RetryLaterException later) {
            long seconds = RetryLaterException.retryAfterSeconds(later.retryAfter());
            problem.setProperty("retryAfterSeconds", seconds);
            return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(localized(problem));
        }
        return problem(problem);
    }

    /**
     * A field error worded from {@code validation.<code>} in the client's language; an uncoded one keeps the
     * service's sentence in English (it may name a line and column the bundle cannot) and reads the bundle's
     * {@code validation.invalid} in Japanese.
     */
    private Map<String, String> fieldError(BansoException.FieldError error, Locale language) {
        String message = error.code() == null && Locale.ENGLISH.equals(language) ? error.message()
                : fieldErrorMessages.fieldMessage(error, language);
        return error.code() == null ? Map.of("field", error.field(), "message", message)
                : Map.of("field", error.field(), "message", message, "code", error.code());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = Problems.of(ProblemCode.VALIDATION_FAILED, "The request is not valid.");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(),
                "message", fieldErrorMessages.bundleText("validation.wrong-format", language()))));
        return problem(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return problem(Problems.of(ProblemCode.FORBIDDEN, "Your role does not allow this request."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unhandled failure in a REST request", e);
        return problem(Problems.of(ProblemCode.INTERNAL_ERROR, "The server failed. The failure was logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemCode.VALIDATION_FAILED, "The request is not valid.");
        Locale language = language();
        problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
                .map(err -> Map.of("field", err.getField(), "message", fieldErrorMessages.bundleText(err, language)))
                .toList());
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemCode.VALIDATION_FAILED,
                "The request body is missing or is not valid JSON of the expected shape.");
        fieldOf(ex).ifPresent(field -> problem.setProperty("errors", List.of(fieldError(field, language()))));
        return problem(problem);
    }

    /**
     * The field a JSON refusal is about, from Jackson's path ({@code designation.periodStart}, {@code team[0].name}):
     * a date out of range gets the code {@code date-range}, a value of the wrong type or format {@code wrong-type},
     * a key given twice {@code duplicate}. Never the rejected value itself.
     */
    private static java.util.Optional<BansoException.FieldError> fieldOf(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException jackson)) {
            return java.util.Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (jackson instanceof StreamReadException && String.valueOf(jackson.getOriginalMessage())
                .startsWith("Duplicate Object property")) {
            return java.util.Optional.of(BansoException.FieldError.coded(path.isEmpty() ? "body" : path.toString(),
                    "duplicate", "a key is given more than once"));
        }
        if (path.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (jackson instanceof StrictJsonConfiguration.DateOutOfRangeException outOfRange) {
            return java.util.Optional.of(BansoException.FieldError.coded(path.toString(), DateBounds.CODE,
                    jackson.getOriginalMessage(), outOfRange.bounds().earliest().toString(),
                    outOfRange.bounds().latest().toString()));
        }
        return java.util.Optional.of(BansoException.FieldError.coded(path.toString(), "wrong-type",
                "has the wrong type or format"));
    }

    /** Every other framework-level failure keeps its status and gets our type and a neutral detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemCode code = Problems.codeForStatus(statusCode.value());
        String detail = body instanceof ProblemDetail framework && framework.getDetail() != null
                ? framework.getDetail() : code.title() + ".";
        return ResponseEntity.status(code.status()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(localized(Problems.of(code, detail)));
    }

    private ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(localized(problem));
    }

    /**
     * The title in the language the client asks for with {@code Accept-Language} (Japanese or English, from the
     * bundles' {@code problem.<code>}); English, the API's language, when it asks for neither or sends no header.
     * The type stays the stable key. The same wording as the problems filters write ({@link ProblemLanguage}).
     */
    private ProblemDetail localized(ProblemDetail problem) {
        return problemLanguage.worded(problem, currentRequest(), false);
    }

    /**
     * The language of the problem's field messages: Japanese when {@code Accept-Language} prefers it, else English,
     * the API's language.
     */
    private static Locale language() {
        Locale requested = ProblemLanguage.requested(currentRequest());
        return requested == null ? Locale.ENGLISH : requested;
    }

    private static jakarta.servlet.http.HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
