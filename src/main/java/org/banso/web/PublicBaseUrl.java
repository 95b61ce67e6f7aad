package org.banso.web;

import java.net.URI;

/**
 * The address people reach Banso at ({@code banso.web.public-base-url}), for every redirect and absolute link the
 * application builds: never the request's Host header, which any client can set. When it is not configured
 * ({@code value} null), {@link #resolve} answers the path alone, a relative redirect the browser resolves against the
 * address it used.
 */
public record PublicBaseUrl(URI value) {

    /** {@code path} (starting with {@code /}) under the public base URL, or the path alone when none is configured. */
    public String resolve(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("not an absolute path of this application: " + path);
        }
        return value == null ? path : value + path;
    }
}
