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
        if (args.length > 1 && args[0].equals("search") && args[1].equals("reindex")) {
            // rebuilds the search index from the database, then exits (the application must not be running; the
            // whole application starts, on a free port, because its security configuration needs the web stack)
            String[] rest = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(args, 2, args.length),
                    args.length - 1);
            rest[rest.length - 1] = "--server.port=0";
            try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(BansoApplication.class)
                    .run(rest)) {
                org.slf4j.LoggerFactory.getLogger(BansoApplication.class).info("Indexed {} documents",
                        context.getBean(org.banso.search.Search.class).reindexAll());
            }
            System.exit(0);
        }
        SpringApplication.run(BansoApplication.class, args);
    }
}
