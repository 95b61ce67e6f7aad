package org.banso.web;

import java.net.URI;

/**
 * The address people reach Banso at ({@code banso.web.public-base-url}), for every absolute link or redirect the
 * application builds: never the request's Host header, which any client can set.
 */
public record PublicBaseUrl(URI value) {

    /** {@code path} (starting with {@code /}) under the public base URL. */
    public String resolve(String path) {
        return value + path;
    }
}
