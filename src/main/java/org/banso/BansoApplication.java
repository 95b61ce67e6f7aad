package org.banso;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Banso (伴走): the information system for Japan's support of research and development in advanced critical
 * technologies. Each top-level package below this one is an application module (see STYLE.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BansoApplication {

    public static void main(String[] args) {
        SpringApplication.run(BansoApplication.class, args);
    }
}
