/**
 * What every page shares: the layout and its navigation, home, login and error pages, languages (Japanese and
 * English), date display, and the one translation of errors into RFC 9457 problems for the REST API.
 * Modules add their pages to the navigation with {@link org.banso.web.NavigationItem} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.banso.web;
