package org.banso.shared;

import java.util.List;

/**
 * A request broke a rule, lacked rights or was malformed. Thrown from services; the web layer turns it into an
 * RFC 9457 problem whose type is the code's. The detail is shown to the caller: never put secrets or document
 * content in it.
 */
public class BansoException extends RuntimeException {

    private final ProblemCode code;
    private final List<FieldError> errors;

    public BansoException(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public BansoException(ProblemCode code, String detail, List<FieldError> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static BansoException notFound(String what) {
        return new BansoException(ProblemCode.NOT_FOUND, what + " was not found.");
    }

    public static BansoException invalid(String field, String message) {
        return new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                List.of(new FieldError(field, message)));
    }

    /** One invalid field with a code pages translate ({@code validation.<code>}). */
    public static BansoException invalidCoded(String field, String code, String message) {
        return new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                List.of(FieldError.coded(field, code, message)));
    }

    public ProblemCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * One invalid field of a request.
     *
     * @param message English text for API clients
     * @param code    optional stable code that pages translate ({@code validation.<code>} in the message bundles),
     *                with {@code args} for its placeholders
     */
    public record FieldError(String field, String message, String code, List<Object> args) {

        public FieldError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public FieldError(String field, String message) {
            this(field, message, null, List.of());
        }

        public static FieldError coded(String field, String code, String message, Object... args) {
            return new FieldError(field, message, code, List.of(args));
        }
    }
}
