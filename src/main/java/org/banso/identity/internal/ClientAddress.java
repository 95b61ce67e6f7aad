package org.banso.identity.internal;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The source of the current request as the container sees it ({@code getRemoteAddr}). Behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} so that Tomcat takes it from the proxy's {@code X-Forwarded-For};
 * Banso never reads that header itself, so a client cannot choose its own source.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return current(attributes.getRequest());
        }
        return "unknown";
    }

    public static String current(jakarta.servlet.http.HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
