package org.banso.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.banso.shared.ProblemCode;
import org.banso.shared.Problems;

/**
 * Tomcat's own error answers — a request line it cannot parse, a path it will not decode, a body over its limits,
 * anything refused before the application sees the request — as RFC 9457 problems instead of Tomcat's HTML page, with
 * no server version and no stack trace. Errors the application already answered are left as they are. Public with a
 * no-argument constructor because Tomcat instantiates its error valve by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemCode code = Problems.codeForStatus(status);
        String body = "{\"type\":\"" + code.type() + "\",\"title\":\"" + code.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + switch (code) {
                    case PAYLOAD_TOO_LARGE -> "The request is larger than this server accepts.";
                    case NOT_FOUND -> "Nothing is here.";
                    case INTERNAL_ERROR -> "The server failed. The failure was logged.";
                    default -> "The request could not be processed.";
                } + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.resetBuffer();
            OutputStream out = response.getOutputStream();
            out.write(body.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
