package org.banso.web;

import java.util.List;

/**
 * A module declares the paths anyone may read without signing in (the guideline in force, designated technologies,
 * published results…) by exposing a bean of this type, and, rarely, the actions anyone may POST. Everything else requires sign-in: deny by default.
 */
@FunctionalInterface
public interface PublicEndpoints {

    /** Path patterns (Spring path-pattern syntax) open to anonymous GET requests, pages and API alike. */
    List<String> publicGetPaths();

    /**
     * Path patterns open to anonymous POST requests, pages and API alike — rare and explicit: each must be an action
     * that checks its own capability (e.g. registering through an invitation token, R13). Page forms still need the
     * CSRF token. None by default.
     */
    default List<String> publicPostPaths() {
        return List.of();
    }
}
