package org.banso.web.internal;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The pages' own files and htmx, served under three prefixes only ({@code spring.web.resources.add-mappings=false}
 * turns Boot's catch-all off). Boot's default maps every path ({@code /**}) to the static locations, and with the
 * webjars locator on the class path its resource chain rewrites every link a page writes: each link that is not a file
 * was looked up in the jar's class path, on every page, forty times for a page of forty links — 40 % of the CPU of a
 * working day's load run (issue #13). With these prefixes a link to {@code /councils/…} is no resource and costs a
 * pattern match.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    /** Long enough to spare repeated downloads within a working session, short enough for a new release to show. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1));

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/")
                .setCacheControl(CACHE).resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/")
                .setCacheControl(CACHE).resourceChain(true);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CACHE).resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
