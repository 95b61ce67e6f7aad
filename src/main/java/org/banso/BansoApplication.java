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
        if (args.length > 0 && args[0].equals("audit")) {
            // the offline audit log verifier: plain Java, no Spring, no database
            System.exit(org.banso.audit.AuditCommandLine.run(args, System.out, System.err));
        }
        SpringApplication.run(BansoApplication.class, args);
    }
}
