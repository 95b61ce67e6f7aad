package org.banso.web.internal;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.banso.shared.ProblemCode;
import org.banso.shared.Problems;
import org.banso.web.ProblemLanguage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The one edge check of text a request carries, before anything else reads it (Spring Security, controllers,
 * PostgreSQL — which refuses the character 0x00): the path, the query string, every header, every form parameter,
 * every multipart part's name, file name and text, and every string and key of a JSON body (also inside multipart
 * parts of type JSON). Any NUL or other control character (tab, line feed, carriage return and form feed are text), any byte
 * sequence that is not UTF-8 and any unpaired surrogate is refused with {@code 400 validation-failed} naming where it
 * was; a JSON body larger than {@code banso.web.max-json-body-size} with {@code 413 payload-too-large}. The check
 * costs one pass over what the request carries; file contents are not text and are not looked at.
 */
class EdgeInputFilter extends OncePerRequestFilter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final long maxJsonBytes;
    private final ProblemLanguage problemLanguage;
    private final RefusalPages pages;

    EdgeInputFilter(long maxJsonBytes, ProblemLanguage problemLanguage, RefusalPages pages) {
        this.maxJsonBytes = maxJsonBytes;
        this.problemLanguage = problemLanguage;
        this.pages = pages;
    }

    /** Why a request was refused: where the fault is (a parameter, header, JSON path…) and the status. */
    record Refusal(int status, String field, String message) {

        static Refusal bad(String field, String message) {
            return new Refusal(400, field, message);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = request;
        Optional<Refusal> refusal = checkUrlAndHeaders(request);
        if (refusal.isEmpty()) {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            if (isJson(type)) {
                byte[] body;
                long declared = request.getContentLengthLong();
                if (declared > maxJsonBytes) {
                    refuse(request, response, new Refusal(413, "body", "is larger than " + maxJsonBytes + " bytes"));
                    return;
                }
                body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxJsonBytes + 1));
                if (body.length > maxJsonBytes) {
                    refuse(request, response, new Refusal(413, "body", "is larger than " + maxJsonBytes + " bytes"));
                    return;
                }
                refusal = checkJson(body, "");
                checked = new CachedBodyRequest(request, body);
            } else if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
                refusal = checkParts(request);
            } else {
                refusal = checkParameters(request);
            }
        }
        if (refusal.isPresent()) {
            refuse(request, response, refusal.get());
            return;
        }
        chain.doFilter(checked, response);
    }

    private static Optional<Refusal> checkUrlAndHeaders(HttpServletRequest request) {
        Optional<Refusal> path = checkEncoded(request.getRequestURI(), false, "path");
        if (path.isPresent()) {
            return path;
        }
        if (request.getQueryString() != null) {
            Optional<Refusal> query = checkEncoded(request.getQueryString(), true, "query");
            if (query.isPresent()) {
                return query;
            }
        }
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                String value = values.nextElement();
                if (value != null && firstControl(value, false) >= 0) {
                    return Optional.of(Refusal.bad("header " + name, "contains a control character"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A percent-encoded path or query: every escape well-formed, the decoded bytes UTF-8 without control characters.
     */
    static Optional<Refusal> checkEncoded(String raw, boolean query, String where) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.of(Refusal.bad(where, "has a malformed percent-encoding"));
                }
                bytes[n++] = (byte) ((Character.digit(raw.charAt(i + 1), 16) << 4)
                        + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7f) {
                // Tomcat hands over the raw bytes as ISO-8859-1 characters
                bytes[n++] = (byte) c;
            } else {
                bytes[n++] = (byte) (query && c == '+' ? ' ' : c);
            }
        }
        Optional<String> text = utf8(bytes, 0, n);
        if (text.isEmpty()) {
            return Optional.of(Refusal.bad(where, "is not UTF-8"));
        }
        if (firstControl(text.get(), !query) >= 0) {
            return Optional.of(Refusal.bad(where, "contains a control character"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkParameters(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            // Tomcat refuses parameters it cannot decode (bad escapes, not UTF-8, too many, a body too large)
            int status = e instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
                    && invalid.getErrorCode() == 413 ? 413 : 400;
            return Optional.of(new Refusal(status, "parameters", status == 413 ? "are larger than this server accepts"
                    : "cannot be decoded"));
        }
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            Optional<Refusal> name = checkText(entry.getKey(), "parameter name");
            if (name.isPresent()) {
                return name;
            }
            for (String value : entry.getValue()) {
                Optional<Refusal> bad = checkText(value, "parameter " + printable(entry.getKey()));
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkParts(HttpServletRequest request) throws IOException, ServletException {
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            // Tomcat refuses a part over the multipart limits, a file name with NUL, a body it cannot parse
            return Optional.of(tooLarge(e) ? new Refusal(413, "body", "is larger than the upload limit")
                    : Refusal.bad("body", "is not a readable multipart body"));
        }
        for (Part part : parts) {
            Optional<Refusal> name = checkText(part.getName(), "part name");
            if (name.isPresent()) {
                return name;
            }
            String field = "part " + printable(part.getName());
            String fileName = part.getSubmittedFileName();
            if (fileName != null) {
                Optional<Refusal> bad = checkText(fileName, field + " file name");
                if (bad.isPresent()) {
                    return bad;
                }
                if (fileName.indexOf('\uFFFD') >= 0) {
                    // Tomcat decoded the header for us: a replacement character is where bytes were not UTF-8
                    return Optional.of(Refusal.bad(field + " file name", "is not UTF-8"));
                }
                continue;
            }
            if (part.getSize() > maxJsonBytes) {
                return Optional.of(new Refusal(413, field, "is larger than " + maxJsonBytes + " bytes"));
            }
            byte[] content;
            try (InputStream in = part.getInputStream()) {
                content = in.readAllBytes();
            }
            String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
            Optional<Refusal> bad = isJson(type) ? checkJson(content, part.getName() + ".")
                    : utf8(content, 0, content.length).map(text -> checkText(text, field))
                    .orElse(Optional.of(Refusal.bad(field, "is not UTF-8")));
            if (bad.isPresent()) {
                return bad;
            }
        }
        // form fields of a multipart body are parameters as well
        return checkParameters(request);
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || t.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    /** Every key and string of a JSON document; the document must be well-formed UTF-8 JSON with unique keys. */
    static Optional<Refusal> checkJson(byte[] body, String prefix) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME || token == JsonToken.VALUE_STRING) {
                    String text = parser.getString();
                    Optional<Refusal> bad = checkText(text, prefix + jsonPath(parser));
                    if (bad.isPresent()) {
                        return bad;
                    }
                }
            }
            return Optional.empty();
        } catch (JacksonException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate Object property")) {
                return Optional.of(new Refusal(400, prefix + "body", "gives a key more than once"));
            }
            return Optional.of(Refusal.bad(prefix + "body", "is not well-formed UTF-8 JSON"));
        }
    }

    private static String jsonPath(JsonParser parser) {
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        String path = pointer.replaceFirst("^/", "").replace('/', '.');
        return path.isEmpty() ? "body" : path;
    }

    /** Decoded text: no control characters other than tab and line breaks, no unpaired surrogate. */
    static Optional<Refusal> checkText(String text, String where) {
        if (text == null) {
            return Optional.empty();
        }
        if (firstControl(text, false) >= 0) {
            return Optional.of(Refusal.bad(where, "contains a control character"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return Optional.of(Refusal.bad(where, "is not valid Unicode"));
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return Optional.of(Refusal.bad(where, "is not valid Unicode"));
            }
        }
        return Optional.empty();
    }

    /** The index of the first control character, or −1; tab, LF, CR and FF are text unless {@code strict}. */
    static int firstControl(String text, boolean strict) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && (strict || c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> utf8(byte[] bytes, int offset, int length) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isJson(String contentType) {
        return contentType.startsWith(MediaType.APPLICATION_JSON_VALUE)
                || contentType.matches("application/[a-z0-9.+-]*\\+json.*");
    }

    /** A name as it may appear in a problem: only its printable ASCII, at most 64 characters. */
    private static String printable(String name) {
        String kept = name == null ? "" : name.replaceAll("[^\\x21-\\x7e]", "?");
        return kept.length() > 64 ? kept.substring(0, 64) : kept;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        String path = request.getRequestURI();
        boolean api = path.startsWith(request.getContextPath() + "/api/");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!api && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            // a page written here: the error dispatch would read the very text that was refused (issue 17)
            pages.write(request, response, refusal.status(), refusal.status() == 413 ? "error.413" : "error.400");
            return;
        }
        ProblemCode code = refusal.status() == 413 ? ProblemCode.PAYLOAD_TOO_LARGE : ProblemCode.VALIDATION_FAILED;
        ProblemDetail problem = Problems.of(code, code == ProblemCode.PAYLOAD_TOO_LARGE
                ? "The request is larger than this server accepts." : "The request carries text that is not valid.");
        problem.setProperty("errors", List.of(Map.of("field", refusal.field(), "code", "invalid-text",
                "message", refusal.message())));
        if (firstControl(path, true) < 0 && checkEncoded(path, false, "path").isEmpty()) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // the problem stands without an instance
            }
        }
        problemLanguage.write(request, response, problem);
    }

    /** The request with its already-read JSON body, readable again by whatever comes next. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read at the edge");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
