package org.banso.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.BansoApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes of a cluster inside one test JVM (issue #19): each a whole application of its own (profile {@code cluster},
 * a free port), all on one PostgreSQL and one key store, as the deployment section of the README describes them.
 */
public final class ClusterNodes {

    private ClusterNodes() {
    }

    /**
     * Starts a node with what every node of a test cluster has, then the test's own arguments (later ones win).
     *
     * @param dir the cluster's directory: each node's search index lives in it
     * @param keys the key store directory; only a node that may create keys writes the instance keys into it
     */
    public static ConfigurableApplicationContext start(EmbeddedPostgres postgres, Path dir, String node, Path keys,
                                                       boolean mayCreateKeys, List<String> more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test,cluster",
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--banso.cluster.node-name=node-" + node,
                "--banso.keys.directory=" + keys,
                "--banso.keys.may-create=" + mayCreateKeys,
                "--banso.information.content.keystore=" + keys.resolve("information-kek.p12"),
                "--banso.information.content.keystore-password=two-nodes-keystore",
                "--banso.search.index-directory=" + dir.resolve("index-" + node),
                "--banso.identity.admin-password=" + ApiAccounts.ADMIN_PASSWORD,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        args.addAll(more);
        return new SpringApplicationBuilder(BansoApplication.class).web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
    }
}
