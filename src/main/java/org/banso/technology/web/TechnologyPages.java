package org.banso.technology.web;

import java.util.List;

import org.banso.web.PublicEndpoints;
import org.banso.technology.TechnologyReference;
import org.banso.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class TechnologyPages {

    private final TechnologyReference reference;

    TechnologyPages(TechnologyReference reference) {
        this.reference = reference;
    }

    @GetMapping("/technologies/areas")
    String areas(Model model) {
        model.addAttribute("areas", reference.areas());
        model.addAttribute("visionTechnologies", reference.visionTechnologies());
        return "technology/areas";
    }

    @Configuration(proxyBeanMethods = false)
    static class TechnologyWebConfiguration {

        @Bean
        NavigationItem technologyAreasNavigation() {
            return new NavigationItem("nav.technologies", "/technologies/areas", 30, NavigationItem.PUBLIC);
        }

        @Bean
        PublicEndpoints technologyPublicEndpoints() {
            return () -> List.of("/technologies", "/technologies/areas", "/technologies/*",
                    "/api/v1/technology-areas", "/api/v1/technology-areas/*", "/api/v1/vision-technologies",
                    "/api/v1/technologies", "/api/v1/technologies/*");
        }
    }
}
