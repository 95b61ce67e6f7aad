package org.banso.web;

import java.util.List;

/**
 * A module declares the paths anyone may read without signing in (the guideline in force, designated technologies,
 * published results…) by exposing a bean of this type. Everything else requires sign-in: deny by default.
 */
@FunctionalInterface
public interface PublicEndpoints {

    /** Path patterns (Spring path-pattern syntax) open to anonymous GET requests, pages and API alike. */
    List<String> publicGetPaths();
}
