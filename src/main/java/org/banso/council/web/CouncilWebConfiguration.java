package org.banso.council.web;

import java.util.List;

import org.banso.web.NavigationItem;
import org.banso.web.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The council pages in the header, and the invitation paths open to someone without an account. */
@Configuration(proxyBeanMethods = false)
class CouncilWebConfiguration {

    @Bean
    NavigationItem councilsNavigation() {
        return new NavigationItem("nav.councils", "/councils", 40, NavigationItem.SIGNED_IN);
    }

    /**
     * R13: an invitation's page and its registration form are open to someone without an account; the token is the
     * capability, checked by the module.
     */
    @Bean
    PublicEndpoints councilPublicEndpoints() {
        return new PublicEndpoints() {
            @Override
            public List<String> publicGetPaths() {
                return List.of("/invitations/*");
            }

            @Override
            public List<String> publicPostPaths() {
                return List.of("/invitations/*/register", "/api/v1/invitations/*/register");
            }
        };
    }
}
