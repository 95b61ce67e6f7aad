package org.banso.information.web;

import java.util.List;

import org.banso.web.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Published results and public items can be read without signing in; the policy still decides each item. */
@Configuration(proxyBeanMethods = false)
class InformationWebConfiguration {

    @Bean
    PublicEndpoints informationPublicEndpoints() {
        return () -> List.of("/public/results", "/api/v1/public/results", "/items/*", "/api/v1/items/*",
                "/api/v1/items/*/content", "/items/*/content");
    }
}
